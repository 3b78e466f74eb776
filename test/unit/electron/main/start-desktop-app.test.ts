import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppHostPorts, AppService, StoreChoice } from '../../../../electron/core/app/app-host.ts';
import { EngineEvents } from '../../../../electron/core/events/engine-events.ts';
import { startDesktopApp } from '../../../../electron/main/start-desktop-app.ts';
import { channelOf, EVENT_CHANNEL } from '../../../../electron/shared/app-api/bridge.ts';
import { type AppApi, METHOD_NAMES } from '../../../../electron/shared/app-api/contract.ts';
import { MegadiscError } from '../../../../electron/shared/errors.ts';
import {
  FakeBrowserWindow,
  FakeNotification,
  FakeWebContents,
  fake,
  navigationEvent,
} from '../../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron.ts')).electronModule());
/** What a freshly opened settings store holds (a test sets the language the user chose). */
const storedSettings: { values: Record<string, unknown> } = { values: {} };
vi.mock('electron-store', () => ({
  default: class InMemoryElectronStore {
    store: Record<string, unknown> = { ...storedSettings.values };
    set(values: Record<string, unknown>) {
      Object.assign(this.store, values);
    }
  },
}));

function fakeService() {
  let closed = false;
  let release: () => void = () => {};
  const service = {
    api: {
      'app.info': vi.fn(async () => ({ version: '9.9.9', transport: 'electron' })),
    } as unknown as AppApi,
    events: new EngineEvents(),
    demo: null,
    isPaymentPage: vi.fn((url: string) => url === 'http://127.0.0.1:8700/test-provider/pay/pay_abcdefghij12'),
    cover: vi.fn(async () => ({ bytes: new Uint8Array([1, 2, 3]), contentType: 'image/png' })),
    // close() finishes only when the test says so, to see that quitting waits for it.
    close: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            closed = true;
            resolve();
          };
        }),
    ),
  };
  return {
    service: service as AppService & typeof service,
    isClosed: () => closed,
    finishClose: () => release(),
  };
}

function start(platform: NodeJS.Platform = 'linux') {
  const made = fakeService();
  const createService = vi.fn(async (_ports: AppHostPorts, _store: StoreChoice) => made.service);
  const desktop = startDesktopApp({ createService, mainDir: '/opt/md/dist/electron', platform });
  return { ...made, createService, desktop };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let userData: string;
beforeEach(() => {
  fake.reset();
  storedSettings.values = {};
  userData = mkdtempSync(join(tmpdir(), 'md-user-data-'));
  fake.app.userData = userData;
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('desktop app lifecycle', () => {
  it('registers the app scheme before ready and quits when another instance holds the lock', () => {
    fake.app.singleInstance = false;
    const { desktop, createService } = start();
    expect(desktop).toBeNull();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(fake.app.enableSandbox).toHaveBeenCalledOnce();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', join('/nonexistent/app-data', 'Megadisc'));
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(createService).not.toHaveBeenCalled();
  });

  it('builds the service from Electron adapters, in auto store mode', async () => {
    const { desktop, createService } = start();
    await desktop!.ready;
    expect(createService).toHaveBeenCalledOnce();
    const [ports, store] = createService.mock.calls[0]!;
    expect(store).toEqual({ kind: 'auto' });
    expect(ports).toMatchObject({ transport: 'electron', version: '9.9.9', home: join(userData, 'profile') });
    expect(statSync(ports.home).isDirectory()).toBe(true);
    expect(ports.sessions?.constructor.name).toBe('SafeStorageSessionStore');
    ports.settingsBackend!.write({ concurrency: 4 });
    expect(ports.settingsBackend!.read()).toEqual({ concurrency: 4 });
    ports.notify!('Album filed', 'Kind of Blue');
    expect(FakeNotification.shown).toEqual([{ title: 'Album filed', body: 'Kind of Blue' }]);
    await ports.openFolder!('/music/Miles Davis');
    expect(fake.shell.showItemInFolder).toHaveBeenCalledWith('/music/Miles Davis');
  });

  it('hardens the session, serves app://, handles every method and opens one window', async () => {
    const { desktop, service } = start();
    await desktop!.ready;
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fake.permissions.check!({}, 'media', 'app://megadisc', {})).toBe(false);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/md/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://megadisc/index.html');

    // The page's own main frame reaches the core; the reply is an envelope.
    const reply = await fake.ipcHandlers.get('megadisc:app.info')!(
      { senderFrame: window.webContents.mainFrame },
      {},
    );
    expect(reply).toEqual({ ok: true, value: { version: '9.9.9', transport: 'electron' } });
    const foreign = await fake.ipcHandlers.get('megadisc:app.info')!(
      { senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' } },
      {},
    );
    expect(foreign.error.code).toBe('UNAUTHORIZED');
    expect(service.api['app.info']).toHaveBeenCalledOnce();

    // Covers come from the service through the protocol.
    const cover = await fake.protocolHandlers.get('app')!(new Request('app://megadisc/covers/store/4/300'));
    expect(cover.status).toBe(200);
    expect(service.cover).toHaveBeenCalledWith('store', 4, 300);
  });

  it('forwards every core event to the window as {name, payload}', async () => {
    const { desktop, service } = start();
    await desktop!.ready;
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    service.events.emit('queue-changed', {});
    service.events.emit('connection', { online: false, message: 'store unreachable' });
    expect(contents.send.mock.calls).toEqual([
      [EVENT_CHANNEL, { name: 'queue-changed', payload: {} }],
      [EVENT_CHANNEL, { name: 'connection', payload: { online: false, message: 'store unreachable' } }],
    ]);
    contents.destroyed = true;
    service.events.emit('queue-changed', {});
    expect(contents.send).toHaveBeenCalledTimes(2);
  });

  it('guards every web contents created, not only the window', async () => {
    await start().desktop!.ready;
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://github.com/x' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://github.com/x');
    const navigation = navigationEvent('http://evil.example/');
    contents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('opens the payment page of an open checkout in the system browser, as the service vouches', async () => {
    const { service, desktop } = start();
    await desktop!.ready;
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const page = 'http://127.0.0.1:8700/test-provider/pay/pay_abcdefghij12';
    expect(contents.windowOpenHandler!({ url: page })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith(page);
    expect(service.isPaymentPage).toHaveBeenCalledWith(page);
    // Loopback http that no checkout named stays closed.
    contents.windowOpenHandler!({ url: 'http://127.0.0.1:8700/test-provider/pay/pay_zzzzzzzzzz12' });
    contents.windowOpenHandler!({ url: 'http://127.0.0.1:8700/admin' });
    expect(fake.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('quits when all windows close, except on macOS', async () => {
    await start('linux').desktop!.ready;
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledOnce();
    fake.reset();
    fake.app.userData = userData;
    await start('darwin').desktop!.ready;
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('holds the quit until the app service has closed, then quits once', async () => {
    const { desktop, service, isClosed, finishClose } = start();
    await desktop!.ready;
    const first = navigationEvent('');
    fake.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    // A second quit request while closing changes nothing.
    const second = navigationEvent('');
    fake.app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(true);
    await flush();
    expect(service.close).toHaveBeenCalledOnce();
    expect(fake.app.quit).not.toHaveBeenCalled();
    finishClose();
    await flush();
    expect(isClosed()).toBe(true);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    // The quit that follows goes through.
    const last = navigationEvent('');
    fake.app.emit('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('shows one error and exits when the service cannot start, in the OS’s language', async () => {
    // The fake OS prefers Russian (getPreferredSystemLanguages: ru-RU, en-US); the setting is "system".
    const createService = vi.fn(async () => {
      throw new Error('profile is locked');
    });
    const desktop = startDesktopApp({ createService, mainDir: '/opt/md/dist/electron', platform: 'linux' });
    await expect(desktop!.ready).rejects.toThrow('profile is locked');
    await flush();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Не удалось запустить Megadisc',
      'profile is locked',
    );
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });

  it('says why it cannot start in the language the settings ask for, with the error code', async () => {
    storedSettings.values = { language: 'en' };
    const createService = vi.fn(async () => {
      throw new MegadiscError('PERMISSION_DENIED', 'EACCES: /music');
    });
    const desktop = startDesktopApp({ createService, mainDir: '/opt/md/dist/electron', platform: 'linux' });
    await expect(desktop!.ready).rejects.toThrow('EACCES');
    await flush();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Megadisc could not start',
      'Megadisc may not write to the library folder. Check its permissions in Settings.\n\nEACCES: /music\nError code: PERMISSION_DENIED',
    );
  });

  it('follows the OS when it prefers English', async () => {
    fake.app.getPreferredSystemLanguages.mockReturnValue(['de-DE', 'en-GB']);
    const desktop = startDesktopApp({
      createService: vi.fn(async () => {
        throw new Error('no');
      }),
      mainDir: '/opt/md/dist/electron',
      platform: 'linux',
    });
    await expect(desktop!.ready).rejects.toThrow('no');
    await flush();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Megadisc could not start', 'no');
  });
});
