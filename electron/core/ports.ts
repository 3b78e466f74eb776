// What the core needs from its host. The CLI and web mode leave the defaults (files in the profile);
// the Electron shell passes safeStorage, electron-store and an app.getPath-based home
// (electron/main/compose-app-service.ts).
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
}
