// Megadisc's own application menu, in the app's language: Electron's built-in one is English only.
// Behaviour and accelerators come from Electron's roles; every label comes from the catalogs, since
// a role without a label shows Electron's English default. Rebuilt when the language changes.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { app, dialog, Menu } from 'electron';
import type { Locale } from '../../i18n/locales.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { appLocale } from './app-locale.ts';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** A packaged build has no developer items. */
  packaged: boolean;
  /** Help → About outside macOS (there the app menu's About opens the native panel). */
  showAbout(window: BaseWindow | undefined): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu bar as an Electron template, in the translator's language. */
export function appMenuTemplate(i18n: Translator, options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { t } = i18n;
  const mac = options.platform === 'darwin';
  const first: MenuItemConstructorOptions = mac
    ? {
        // macOS titles this menu with the app's name whatever the label says.
        label: 'Megadisc',
        submenu: [
          { role: 'about', label: t('core.menu.about') },
          separator,
          { role: 'hide', label: t('core.menu.hideApp') },
          { role: 'hideOthers', label: t('core.menu.hideOthers') },
          { role: 'unhide', label: t('core.menu.showAll') },
          separator,
          { role: 'quit', label: t('core.menu.quitApp') },
        ],
      }
    : { label: t('core.menu.file'), submenu: [{ role: 'quit', label: t('core.menu.quit') }] };
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t('core.menu.actualSize') },
    { role: 'zoomIn', label: t('core.menu.zoomIn') },
    { role: 'zoomOut', label: t('core.menu.zoomOut') },
    separator,
    { role: 'togglefullscreen', label: t('core.menu.fullScreen') },
  ];
  if (!options.packaged) view.push(separator, { role: 'toggleDevTools', label: t('core.menu.devTools') });
  const menus: MenuItemConstructorOptions[] = [
    first,
    {
      label: t('core.menu.edit'),
      submenu: [
        { role: 'undo', label: t('core.menu.undo') },
        { role: 'redo', label: t('core.menu.redo') },
        separator,
        { role: 'cut', label: t('core.menu.cut') },
        { role: 'copy', label: t('core.menu.copy') },
        { role: 'paste', label: t('core.menu.paste') },
        { role: 'selectAll', label: t('core.menu.selectAll') },
      ],
    },
    { label: t('core.menu.view'), submenu: view },
    {
      label: t('core.menu.window'),
      // On macOS the "window" role makes it the Window menu, with the list of open windows.
      ...(mac ? { role: 'window' as const } : {}),
      submenu: mac
        ? [
            { role: 'minimize', label: t('core.menu.minimize') },
            { role: 'zoom', label: t('core.menu.zoom') },
            separator,
            { role: 'close', label: t('core.menu.close') },
          ]
        : [
            { role: 'minimize', label: t('core.menu.minimize') },
            { role: 'close', label: t('core.menu.close') },
          ],
    },
  ];
  if (!mac) {
    menus.push({
      label: t('core.menu.help'),
      submenu: [{ label: t('core.menu.about'), click: (_item, window) => options.showAbout(window) }],
    });
  }
  return menus;
}

/** About Megadisc outside macOS: a message box in the menu's language, with the version. */
export function showAboutBox(i18n: Translator, window: BaseWindow | undefined): void {
  const box = {
    type: 'info' as const,
    title: i18n.t('core.menu.about'),
    message: 'Megadisc',
    detail: i18n.t('core.menu.aboutVersion', { version: app.getVersion() }),
    buttons: [i18n.t('core.menu.aboutOk')],
    noLink: true,
  };
  (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box)).catch(() => {
    // Nothing to report: the box only informs.
  });
}

export interface AppMenu {
  /** The locale the menu is in now. */
  readonly locale: Locale;
  /** Follows a language setting: rebuilt only when it means another language. */
  setLanguage(setting: unknown): void;
}

/** Sets the application menu for a language setting ("system" follows the OS) and keeps it current. */
export function installAppMenu(platform: NodeJS.Platform, setting: unknown): AppMenu {
  let current: Locale | null = null;
  const setLanguage = (next: unknown) => {
    const locale = appLocale(next);
    if (locale === current) return;
    current = locale;
    const i18n = translator(locale);
    const template = appMenuTemplate(i18n, {
      platform,
      packaged: app.isPackaged,
      showAbout: (window) => showAboutBox(i18n, window),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  setLanguage(setting);
  return {
    get locale() {
      return current ?? appLocale(setting);
    },
    setLanguage,
  };
}
