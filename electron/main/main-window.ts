// The one app window: hardened options, shown when painted, loading app://megadisc/ only.
import { BrowserWindow } from 'electron';
import type { BuiltPaths } from './app-paths.ts';
import { APP_START_URL } from './security/app-origin.ts';
import { mainWindowOptions } from './security/window-options.ts';

export function createMainWindow(paths: BuiltPaths): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(paths.preload));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch(() => {
    // A failed load shows Chromium's error page inside our origin; nothing remote is tried instead.
  });
  return window;
}
