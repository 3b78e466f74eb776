// The desktop app's lifecycle: one instance, hardened window and session, the app:// protocol, IPC
// handlers and events, and an orderly close of the app service before quitting.

import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { MessageKey, Translator } from '../../i18n/translator.ts';
import type { AppService } from '../core/app/app-host.ts';
import { type KeyValueStore, openSettingsStore } from './adapters/electron-store-settings.ts';
import { appI18n } from './app-locale.ts';
import { installAppMenu } from './app-menu.ts';
import { builtPaths } from './app-paths.ts';
import { type CreateAppService, composeAppService } from './compose-app-service.ts';
import { forwardEvents } from './ipc/event-forwarder.ts';
import { registerIpcHandlers } from './ipc/ipc-handlers.ts';
import { lazyApi } from './ipc/lazy-api.ts';
import { isTrustedSender } from './ipc/trusted-sender.ts';
import { createMainWindow } from './main-window.ts';
import { createAppRequestHandler, registerAppScheme } from './protocol/app-protocol.ts';
import { APP_SCHEME } from './security/app-origin.ts';
import { openExternalSafely, openPaymentPageSafely } from './security/external-links.ts';
import { guardNavigation } from './security/navigation-guard.ts';
import { denyAllPermissions } from './security/permission-policy.ts';

export interface DesktopAppOptions {
  createService: CreateAppService;
  /** The folder of the built main.js; the preload and the renderer are found from it. */
  mainDir: string;
  platform?: NodeJS.Platform;
}

export interface DesktopApp {
  /** Resolves once the service runs and the window is open (rejects when start-up failed). */
  ready: Promise<void>;
  window(): BrowserWindow | null;
}

export function startDesktopApp(options: DesktopAppOptions): DesktopApp | null {
  // Both must happen before 'ready': Chromium reads scheme privileges and the sandbox switch once.
  registerAppScheme(protocol);
  app.enableSandbox();
  // Launched as `electron dist/electron/main.js`, Electron would name the app (and its userData folder)
  // "Electron"; the profile belongs under Megadisc however the app was started.
  app.setName('Megadisc');
  app.setPath('userData', join(app.getPath('appData'), 'Megadisc'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const platform = options.platform ?? process.platform;
  const paths = builtPaths(options.mainDir);
  let window: BrowserWindow | null = null;
  const liveWindow = () => (window && !window.isDestroyed() ? window : null);

  // Pay pages are known to the running service only; until it runs there are none.
  let running: AppService | null = null;
  const isPaymentPage = (url: string) => running?.isPaymentPage(url) ?? false;
  // Every web contents ever created (the window, and anything that slips past it) gets the guards.
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(
      contents,
      (url) => openExternalSafely(shell, url) || openPaymentPageSafely(shell, url, isPaymentPage),
      isPaymentPage,
    );
  });
  app.on('second-instance', () => {
    const open = liveWindow();
    if (!open) return;
    if (open.isMinimized()) open.restore();
    open.focus();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });

  // Kept so that an error at start-up can still be told in the language the settings ask for.
  let settings: KeyValueStore | null = null;
  const storedLanguage = (): unknown => {
    try {
      return settings?.store.language;
    } catch {
      // Unreadable settings: the system's language.
      return undefined;
    }
  };
  const service = app.whenReady().then(() => {
    settings = openSettingsStore();
    return composeAppService(options.createService, settings);
  });
  service.then(
    (started) => {
      running = started;
    },
    () => {
      // Reported once, by `ready` below.
    },
  );
  quitAfterClosing(service);

  const ready = app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    // Megadisc's menu in the app's language, set before the window opens so it never shows Electron's.
    const menu = installAppMenu(platform, storedLanguage());
    protocol.handle(
      APP_SCHEME,
      createAppRequestHandler({
        rendererDir: paths.renderer,
        cover: async (source, albumId, size) => (await service).cover(source, albumId, size),
        libraryFile: async (fileId) => (await service).libraryFile(fileId),
        preview: async (trackId, request) => (await service).preview(trackId, request),
      }),
    );
    registerIpcHandlers(ipcMain, {
      api: lazyApi(service),
      isTrusted: (event) => isTrustedSender(event, liveWindow()?.webContents.mainFrame ?? null),
    });
    const openWindow = () => {
      const created = createMainWindow(paths);
      created.on('closed', () => {
        if (window === created) window = null;
      });
      window = created;
    };
    openWindow();
    app.on('activate', () => {
      if (!liveWindow()) openWindow();
    });
    const { events } = await service;
    forwardEvents(events, () => liveWindow()?.webContents ?? null);
    events.on('settings', (changed) => menu.setLanguage(changed.settings.language));
  });
  ready.catch((error: unknown) => {
    const i18n = appI18n(storedLanguage());
    dialog.showErrorBox(i18n.t('core.desktop.startFailed'), startFailureText(i18n, error));
    app.exit(1);
  });
  return { ready, window: liveWindow };
}

/** What went wrong: the catalog's words for a Megadisc error code, then the technical message. */
export function startFailureText(i18n: Translator, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const key = `error.${String(code)}`;
  if (typeof code !== 'string' || !i18n.has(key)) return message;
  return `${(i18n.t as (k: MessageKey) => string)(key)}\n\n${message}\n${i18n.t('common.error.code', { code })}`;
}

/** Holds the first quit until the service has stopped its downloads at a checkpoint and closed. */
function quitAfterClosing(service: Promise<AppService>): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    service
      .then((running) => running.close())
      .catch(() => {
        // Start-up failed or close threw: nothing more to save; quit all the same.
      })
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
