// A client profile whose library index holds N generated tracks, made once with fillLibrary and cached
// in .bench-data/ (keyed by N and the profile schema version); each run gets its own copy.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileMigrations } from '../../electron/core/profile/profile-migrations.ts';
import { fillLibrary } from './large-library.ts';

const ROOT = fileURLToPath(new URL('../../.bench-data/', import.meta.url));

export interface LibraryProfileInfo {
  tracks: number;
  schemaVersion: number;
  generationSeconds: number;
  generatedAt: string;
  dbBytes: number;
}

/** Returns the cached profile's info, generating it first when absent (about 75 s for 100k tracks). */
export function ensureLibraryProfile(
  tracks: number,
  onGenerate?: () => void,
): {
  home: string;
  info: LibraryProfileInfo;
  cached: boolean;
} {
  const schemaVersion = profileMigrations.length;
  const dir = join(ROOT, `ui-library-${tracks}-schema${schemaVersion}`);
  const home = join(dir, 'home');
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath) && existsSync(join(home, 'profile.db')))
    return { home, info: JSON.parse(readFileSync(metaPath, 'utf8')) as LibraryProfileInfo, cached: true };

  onGenerate?.();
  rmSync(dir, { recursive: true, force: true });
  // Filled beside the target and renamed, so an interrupted run never leaves a half-filled cache.
  const staging = join(ROOT, `.ui-library-${tracks}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  try {
    fillLibrary(join(staging, 'home'), tracks);
    const info: LibraryProfileInfo = {
      tracks,
      schemaVersion,
      generationSeconds: (performance.now() - started) / 1000,
      generatedAt: new Date().toISOString(),
      dbBytes: statSync(join(staging, 'home', 'profile.db')).size,
    };
    writeFileSync(join(staging, 'meta.json'), `${JSON.stringify(info, null, 2)}\n`);
    renameSync(staging, dir);
    return { home, info, cached: false };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A private copy of the cached profile: web mode writes settings into the profile it serves. */
export function copyProfile(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
