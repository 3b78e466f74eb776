import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppService } from '../../../../electron/core/app/app-host.ts';
import { EngineEvents } from '../../../../electron/core/events/engine-events.ts';
import { appMenuTemplate, installAppMenu } from '../../../../electron/main/app-menu.ts';
import { startDesktopApp } from '../../../../electron/main/start-desktop-app.ts';
import type { Settings } from '../../../../electron/shared/app-api/domain.ts';
import { translator } from '../../../../i18n/translator.ts';
import { FakeBrowserWindow, fake } from '../../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../../helpers/fake-electron.ts')).electronModule());
const storedSettings: { values: Record<string, unknown> } = { values: {} };
vi.mock('electron-store', () => ({
  default: class InMemoryElectronStore {
    store: Record<string, unknown> = { ...storedSettings.values };
    set(values: Record<string, unknown>) {
      Object.assign(this.store, values);
    }
  },
}));

type Item = Record<string, any>;

const menu = () => fake.Menu.applicationMenu as Item[];
const titles = (items: Item[]) => items.map((m) => m.label);
const submenu = (items: Item[], label: string) => items.find((m) => m.label === label)!.submenu as Item[];
/** Every item at every depth, separators left out. */
function items(template: Item[]): Item[] {
  return template.flatMap((item) =>
    item.type === 'separator' ? [] : [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])],
  );
}
const roles = (template: Item[]) => items(template).flatMap((item) => (item.role ? [item.role] : []));
/** The template as plain data, with an About that does nothing. */
const template = (locale: 'en' | 'ru', platform: NodeJS.Platform, packaged = false) =>
  appMenuTemplate(translator(locale), { platform, packaged, showAbout: () => {} }) as Item[];

beforeEach(() => {
  fake.reset();
});

describe('the application menu', () => {
  it('is in Russian when the setting is "ru"', () => {
    fake.app.getPreferredSystemLanguages.mockReturnValue(['en-US']);
    installAppMenu('linux', 'ru');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(titles(menu())).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    expect(submenu(menu(), 'Файл').map((i) => [i.role, i.label])).toEqual([['quit', 'Выход']]);
    expect(items(submenu(menu(), 'Правка')).map((i) => i.label)).toEqual([
      'Отменить',
      'Повторить',
      'Вырезать',
      'Копировать',
      'Вставить',
      'Выделить всё',
    ]);
    expect(items(submenu(menu(), 'Вид')).map((i) => i.label)).toEqual([
      'Обычный размер',
      'Увеличить',
      'Уменьшить',
      'Полноэкранный режим',
      'Инструменты разработчика',
    ]);
    expect(items(submenu(menu(), 'Окно')).map((i) => i.label)).toEqual(['Свернуть', 'Закрыть']);
    expect(items(submenu(menu(), 'Справка')).map((i) => i.label)).toEqual(['О программе Megadisc']);
  });

  it('follows the OS for "system" (and for a setting it cannot read)', () => {
    installAppMenu('linux', 'system');
    expect(titles(menu())).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    fake.reset();
    fake.app.getPreferredSystemLanguages.mockReturnValue(['de-DE', 'en-GB']);
    installAppMenu('linux', 'system');
    expect(titles(menu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    fake.reset();
    installAppMenu('linux', 42);
    expect(titles(menu())).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
  });

  it('is in English when the setting is "en", even on a Russian OS', () => {
    installAppMenu('win32', 'en');
    expect(titles(menu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(items(menu()).map((i) => i.label)).toEqual([
      'File',
      'Quit',
      'Edit',
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
      'View',
      'Actual Size',
      'Zoom In',
      'Zoom Out',
      'Toggle Full Screen',
      'Toggle Developer Tools',
      'Window',
      'Minimize',
      'Close',
      'Help',
      'About Megadisc',
    ]);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('labels every item in both languages on %s', (platform) => {
    const english = items(template('en', platform, false));
    const russian = items(template('ru', platform, false));
    expect(russian).toHaveLength(english.length);
    for (const item of [...english, ...russian]) {
      expect(typeof item.label, JSON.stringify(item)).toBe('string');
      expect(item.label.trim(), JSON.stringify(item)).not.toBe('');
    }
    // Every Russian label is Russian: none falls back to English (the macOS app menu is the app's name).
    const untranslated = russian.filter((item) => item.label !== 'Megadisc' && !/[а-яё]/i.test(item.label));
    expect(untranslated).toEqual([]);
    // Apostrophes are typographic.
    expect([...english, ...russian].filter((item) => item.label.includes("'"))).toEqual([]);
  });

  it('gives Electron’s roles the behaviour and keeps their accelerators', () => {
    const linux = template('en', 'linux', false);
    expect(roles(linux)).toEqual([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'toggleDevTools',
      'minimize',
      'close',
    ]);
    expect(items(linux).filter((item) => item.accelerator !== undefined)).toEqual([]);
    // Leaves act through a role, or (About outside macOS) a click.
    for (const item of items(linux).filter((i) => !i.submenu)) {
      expect(item.role ?? item.click, item.label).toBeTruthy();
    }
  });

  it('leaves the developer tools out of a packaged build', () => {
    const packaged = template('en', 'linux', true);
    expect(roles(packaged)).not.toContain('toggleDevTools');
    const view = packaged.find((m) => m.label === 'View')!.submenu as Item[];
    expect(view.at(-1)!.type).not.toBe('separator');
    fake.app.isPackaged = true;
    installAppMenu('linux', 'en');
    expect(roles(menu())).not.toContain('toggleDevTools');
  });

  it('starts with the app menu on macOS, and has no File or Help menu there', () => {
    const mac = template('ru', 'darwin', false);
    expect(titles(mac)).toEqual(['Megadisc', 'Правка', 'Вид', 'Окно']);
    expect(items(mac[0]!.submenu).map((i) => [i.role, i.label])).toEqual([
      ['about', 'О программе Megadisc'],
      ['hide', 'Скрыть Megadisc'],
      ['hideOthers', 'Скрыть остальные'],
      ['unhide', 'Показать все'],
      ['quit', 'Завершить Megadisc'],
    ]);
    expect(mac[3]!.role).toBe('window');
    expect(items(mac[3]!.submenu).map((i) => i.role)).toEqual(['minimize', 'zoom', 'close']);
    const english = template('en', 'darwin', false);
    expect(items(english[0]!.submenu).map((i) => i.label)).toEqual([
      'About Megadisc',
      'Hide Megadisc',
      'Hide Others',
      'Show All',
      'Quit Megadisc',
    ]);
    installAppMenu('darwin', 'en');
    expect(titles(menu())).toEqual(['Megadisc', 'Edit', 'View', 'Window']);
  });

  it('tells the version in Help → About, in the menu’s language', async () => {
    installAppMenu('linux', 'ru');
    const about = submenu(menu(), 'Справка')[0]!;
    const window = new FakeBrowserWindow({});
    about.click(about, window, {});
    expect(fake.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({
        title: 'О программе Megadisc',
        message: 'Megadisc',
        detail: 'Версия 9.9.9',
        buttons: ['ОК'],
      }),
    );
    about.click(about, undefined, {});
    expect(fake.dialog.showMessageBox).toHaveBeenLastCalledWith(
      expect.objectContaining({ detail: 'Версия 9.9.9' }),
    );
  });

  it('is rebuilt only when the language changes', () => {
    const installed = installAppMenu('linux', 'ru');
    expect(installed.locale).toBe('ru');
    installed.setLanguage('system'); // the fake OS prefers Russian: the same menu
    installed.setLanguage('ru');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    installed.setLanguage('en');
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(installed.locale).toBe('en');
    expect(titles(menu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});

describe('the desktop app’s menu', () => {
  let userData: string;
  beforeEach(() => {
    storedSettings.values = {};
    userData = mkdtempSync(join(tmpdir(), 'md-menu-'));
    fake.app.userData = userData;
  });
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  function start(platform: NodeJS.Platform = 'linux') {
    const events = new EngineEvents();
    const service = {
      api: {},
      events,
      demo: null,
      isPaymentPage: () => false,
      cover: vi.fn(),
      close: vi.fn(async () => {}),
    } as unknown as AppService;
    const desktop = startDesktopApp({
      createService: async () => service,
      mainDir: '/opt/md/dist/electron',
      platform,
    });
    return { desktop: desktop!, events };
  }
  const changed = (language: Settings['language'], concurrency = 3) => ({
    settings: { language, concurrency } as Settings,
  });

  it('sets the menu in the stored language and follows a change of the language setting', async () => {
    storedSettings.values = { language: 'ru' };
    const { desktop, events } = start();
    await desktop.ready;
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(titles(menu())).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    // The window keeps its title whatever the language.
    expect(FakeBrowserWindow.instances[0]!.options.title).toBe('Megadisc');

    events.emit('settings', changed('en'));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(titles(menu())).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(menu(), 'Edit').map((i) => i.label)).toContain('Select All');

    // Other settings leave the menu alone.
    events.emit('settings', changed('en', 5));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);

    events.emit('settings', changed('system'));
    expect(titles(menu())).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(3);
  });

  it('follows the OS when nothing is stored, with the macOS layout on macOS', async () => {
    const { desktop } = start('darwin');
    await desktop.ready;
    expect(titles(menu())).toEqual(['Megadisc', 'Правка', 'Вид', 'Окно']);
  });
});
