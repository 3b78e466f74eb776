// Client settings, persisted in the profile database, with defaults for everything.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ENCODING_IDS } from '../../../api/schemas/encoding-catalog.ts';
import { LANGUAGE_SETTINGS } from '../../../i18n/locales.ts';
import type { Settings } from '../../shared/app-api/domain.ts';
import { DEFAULT_TEMPLATE, validateTemplate } from '../library/index.ts';
import type { ProfileDb } from '../profile/open-profile.ts';

export type { Settings };

export function defaultSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    concurrency: 3,
    bandwidthLimit: null,
    libraryDir: join(env.XDG_MUSIC_DIR || join(homedir(), 'Music'), 'Megadisc'),
    pathTemplate: DEFAULT_TEMPLATE,
    pathAscii: false,
    id3Version: 4,
    coverMaxPx: 1000,
    coverMaxBytes: 500_000,
    coverFile: true,
    storeUrl: null,
    defaultEncoding: 'mp3-v0',
    theme: 'system',
    language: 'system',
    replayGain: 'off',
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
  if (
    patch.defaultEncoding !== undefined &&
    !(ENCODING_IDS as readonly string[]).includes(patch.defaultEncoding)
  ) {
    throw new RangeError(`unknown encoding ${patch.defaultEncoding}`);
  }
  if (patch.theme !== undefined && !['system', 'light', 'dark'].includes(patch.theme)) {
    throw new RangeError('theme must be system, light or dark');
  }
  if (patch.replayGain !== undefined && !['off', 'track', 'album'].includes(patch.replayGain)) {
    throw new RangeError('replay gain must be off, track or album');
  }
  if (patch.language !== undefined && !(LANGUAGE_SETTINGS as readonly string[]).includes(patch.language)) {
    throw new RangeError(`language must be one of ${LANGUAGE_SETTINGS.join(', ')}`);
  }
}

/** Where settings are kept: the profile database by default, electron-store in the desktop app. */
export interface SettingsBackend {
  /** Every stored key with its value; unknown keys are ignored. */
  read(): Record<string, unknown>;
  write(values: Record<string, unknown>): void;
}

/** The default backend: the profile's settings table, one JSON value per key. */
export function profileSettingsBackend(db: ProfileDb): SettingsBackend {
  return {
    read() {
      const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    },
    write(values) {
      const statement = db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
      for (const [key, value] of Object.entries(values)) statement.run(key, JSON.stringify(value));
    },
  };
}

export class SettingsStore {
  readonly #backend: SettingsBackend;
  readonly #defaults: Settings;

  constructor(backend: SettingsBackend, defaults: Partial<Settings> = {}) {
    this.#backend = backend;
    this.#defaults = { ...defaultSettings(), ...defaults };
  }

  get(): Settings {
    const stored = this.#backend.read();
    const known = Object.entries(stored).filter(([key]) => key in this.#defaults);
    return { ...this.#defaults, ...Object.fromEntries(known) } as Settings;
  }

  set(patch: Partial<Settings>): Settings {
    check(patch);
    const values = Object.entries(patch).filter(
      ([key, value]) => value !== undefined && key in this.#defaults,
    );
    this.#backend.write(Object.fromEntries(values));
    return this.get();
  }
}
