// Client settings, persisted in the profile database, with defaults for everything.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE, validateTemplate } from '../library/index.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

export interface Settings {
  /** Downloads that run at once. */
  concurrency: number;
  /** Global download limit in bytes per second; null = unlimited. */
  bandwidthLimit: number | null;
  /** Root of the offline library. */
  libraryDir: string;
  /** Where each file goes inside the library (beets/Picard-style fields). */
  pathTemplate: string;
  /** ID3 version written to MP3s. */
  id3Version: 3 | 4;
  /** Largest embedded cover: longest side in px, and size in bytes. */
  coverMaxPx: number;
  coverMaxBytes: number;
  /** Also write cover.jpg into each album folder. */
  coverFile: boolean;
  /** Store the CLI talks to when none is given. */
  storeUrl: string | null;
}

export function defaultSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    concurrency: 3,
    bandwidthLimit: null,
    libraryDir: join(env.XDG_MUSIC_DIR || join(homedir(), 'Music'), 'Megadisc'),
    pathTemplate: DEFAULT_TEMPLATE,
    id3Version: 4,
    coverMaxPx: 1000,
    coverMaxBytes: 500_000,
    coverFile: true,
    storeUrl: null,
  };
}

function check(patch: Partial<Settings>): void {
  const c = patch.concurrency;
  if (c !== undefined && !(Number.isInteger(c) && c >= 1 && c <= 16)) {
    throw new RangeError('concurrency must be an integer from 1 to 16');
  }
  const b = patch.bandwidthLimit;
  if (b !== undefined && b !== null && !(b >= 1024)) {
    throw new RangeError('bandwidth limit must be at least 1024 bytes/s, or off');
  }
  if (patch.id3Version !== undefined && patch.id3Version !== 3 && patch.id3Version !== 4) {
    throw new RangeError('id3 version must be 3 or 4');
  }
  if (patch.coverMaxPx !== undefined && !(patch.coverMaxPx >= 100))
    throw new RangeError('cover size must be at least 100 px');
  if (patch.coverMaxBytes !== undefined && !(patch.coverMaxBytes >= 10_000)) {
    throw new RangeError('cover bytes must be at least 10000');
  }
  if (patch.pathTemplate !== undefined) validateTemplate(patch.pathTemplate);
}

export class SettingsStore {
  readonly #db: ProfileDb;
  readonly #defaults: Settings;

  constructor(db: ProfileDb, defaults: Partial<Settings> = {}) {
    this.#db = db;
    this.#defaults = { ...defaultSettings(), ...defaults };
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
    check(patch);
    const statement = this.#db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && key in this.#defaults) statement.run(key, JSON.stringify(value));
    }
    return this.get();
  }
}
