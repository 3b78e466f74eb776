import { beforeEach, describe, expect, it, vi } from 'vitest';
import { builtPaths } from '../../../../../electron/main/app-paths.ts';
import { createMainWindow } from '../../../../../electron/main/main-window.ts';
import {
  mainWindowOptions,
  secureWebPreferences,
} from '../../../../../electron/main/security/window-options.ts';
import { FakeBrowserWindow, fake } from '../../../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../../../helpers/fake-electron.ts')).electronModule());

beforeEach(() => fake.reset());

describe('window options', () => {
  it('sets every webPreferences item of the security checklist', () => {
    const prefs = secureWebPreferences('/opt/megadisc/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/megadisc/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('finds the preload and the renderer next to the built main', () => {
    expect(builtPaths('/opt/megadisc/dist/electron')).toEqual({
      preload: '/opt/megadisc/dist/electron/preload.cjs',
      renderer: '/opt/megadisc/dist/renderer',
    });
  });

  it('creates a hidden window with those options and loads only app://megadisc', async () => {
    const window = createMainWindow(builtPaths('/x/dist/electron')) as unknown as FakeBrowserWindow;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options).toEqual(mainWindowOptions('/x/dist/electron/preload.cjs'));
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences.sandbox).toBe(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://megadisc/index.html');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
