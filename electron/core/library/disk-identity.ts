// Which files sit at a path: device and inode survive a rename, so they tell files apart.
import { lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathKey } from './unique-path.ts';

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** "dev:ino" of whatever is at path (without following a final link), or null when nothing is. */
export function diskIdentity(path: string): string | null {
  try {
    const stats = lstatSync(path, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch (error) {
    if (errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR') return null;
    throw error;
  }
}

/**
 * Identities of the entries beside path whose names equal its name ignoring case and
 * normalization: on a case-sensitive disk "Intro.flac" does not block "INTRO.flac", but the
 * library must still hold only one of them, or it could not be copied to macOS or Windows.
 */
export function namesakeIdentities(path: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch (error) {
    if (errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR') return [];
    throw error;
  }
  const key = pathKey(basename(path));
  return names
    .filter((name) => pathKey(name) === key)
    .map((name) => diskIdentity(join(dirname(path), name)))
    .filter((id) => id !== null);
}
