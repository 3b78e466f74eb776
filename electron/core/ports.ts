// What the core needs from its host. The CLI and web mode leave the defaults (files in the profile);
// the Electron shell passes safeStorage, electron-store and an app.getPath-based home
// (electron/main/compose-app-service.ts).
import type { LanguageSetting, Locale } from '../../i18n/locales.ts';
import type { SessionStore } from './session/session-file.ts';
import type { Settings, SettingsBackend } from './settings/settings.ts';

export interface EnginePorts {
  /** The client profile folder: settings, queue, ledger mirror, staging. */
  home: string;
  /** Where the session token is kept (0600 file for the CLI; safeStorage in the desktop app). */
  sessions?: SessionStore;
  /** Network timeouts; tests make them short. */
  timeouts?: { connectMs?: number; idleMs?: number };
  /** Retry policy for downloads; tests make it quick. */
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  pollMs?: number;
  /** Where settings live (the profile database unless given; electron-store in the desktop app). */
  settingsBackend?: SettingsBackend;
  /** Settings defaults for a new profile (tests put the library in a temp folder). */
  defaults?: Partial<Settings>;
  /** The OS's preferred languages, most preferred first (app.getPreferredSystemLanguages). Web mode: absent. */
  preferredLanguages?: () => string[];
  /**
   * The language the store is asked to answer in, from the Language setting. Default: the setting,
   * "System" meaning preferredLanguages. Web mode reads "System" as the browser's languages; the
   * CLI answers with its own (--lang, LC_ALL, LANG).
   */
  readerLocale?: (setting: LanguageSetting) => Locale;
}
