// The composition root: the core's ports filled with Electron adapters (electron-store settings,
// safeStorage session, userData profile, OS notifications, the file manager), then the app service.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { app, Notification, safeStorage, shell } from 'electron';
import type { AppHostPorts, AppService, StoreChoice } from '../core/app/app-host.ts';
import { MegadiscError } from '../shared/errors.ts';
import {
  electronStoreSettings,
  type KeyValueStore,
  openSettingsStore,
} from './adapters/electron-store-settings.ts';
import { SafeStorageSessionStore } from './adapters/safe-storage-session.ts';

export type CreateAppService = (ports: AppHostPorts, store: StoreChoice) => Promise<AppService>;

/** The profile folder: <userData>/profile (database, queue, staging, encrypted session). */
export function profileHome(): string {
  return join(app.getPath('userData'), 'profile');
}

export function desktopPorts(home: string, settings: KeyValueStore): AppHostPorts {
  return {
    transport: 'electron',
    version: app.getVersion(),
    home,
    sessions: new SafeStorageSessionStore(home, safeStorage),
    settingsBackend: electronStoreSettings(settings),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    openFolder: (absolutePath) => shell.showItemInFolder(absolutePath),
    openPath: async (absolutePath) => {
      // shell.openPath resolves to an error message, empty when the file was opened.
      const problem = await shell.openPath(absolutePath);
      if (problem) throw new MegadiscError('INVALID_STATE', `the system could not open the file: ${problem}`);
    },
    preferredLanguages: () => app.getPreferredSystemLanguages(),
  };
}

/** Call after app 'ready' (safeStorage and userData need it). */
export async function composeAppService(
  createService: CreateAppService,
  settings: KeyValueStore = openSettingsStore(),
): Promise<AppService> {
  const home = profileHome();
  await mkdir(home, { recursive: true, mode: 0o700 });
  return createService(desktopPorts(home, settings), { kind: 'auto' });
}
