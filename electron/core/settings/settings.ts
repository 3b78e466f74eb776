// Client settings, persisted in the profile database, with defaults for everything.
import { join } from 'node:path';
import type { ProfileDb } from '../profile/open-profile.ts';

export interface Settings {
  /** Downloads that run at once. */
  concurrency: number;
  /** Global download limit in bytes per second; null = unlimited. */
  bandwidthLimit: number | null;
  /** Where finished files go until the library step files them. */
  downloadsDir: string;
  /** Store the CLI talks to when none is given. */
  storeUrl: string | null;
}

export function defaultSettings(home: string): Settings {
  return { concurrency: 3, bandwidthLimit: null, downloadsDir: join(home, 'downloads'), storeUrl: null };
}

export class SettingsStore {
  readonly #db: ProfileDb;
  readonly #defaults: Settings;

  constructor(db: ProfileDb, home: string) {
    this.#db = db;
    this.#defaults = defaultSettings(home);
  }

  get(): Settings {
    const rows = this.#db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    return { ...this.#defaults, ...stored } as Settings;
  }

  set(patch: Partial<Settings>): Settings {
    if (
      patch.concurrency !== undefined &&
      !(Number.isInteger(patch.concurrency) && patch.concurrency >= 1 && patch.concurrency <= 16)
    ) {
      throw new RangeError('concurrency must be an integer from 1 to 16');
    }
    if (
      patch.bandwidthLimit !== undefined &&
      patch.bandwidthLimit !== null &&
      !(patch.bandwidthLimit >= 1024)
    ) {
      throw new RangeError('bandwidth limit must be at least 1024 bytes/s, or null for unlimited');
    }
    const statement = this.#db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) statement.run(key, JSON.stringify(value));
    }
    return this.get();
  }
}
