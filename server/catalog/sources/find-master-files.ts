// Recursively lists FLAC/WAV files under a folder in a stable order, without following directory symlinks.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const MASTER_EXTENSIONS = new Set(['.flac', '.wav']);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function isMasterFile(name: string): boolean {
  return MASTER_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Hidden entries (".DS_Store", "._track.flac" AppleDouble shadows, ".git") are never masters, so they are skipped. */
export async function findMasterFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    // Numeric collation ties "x 01.flac" with "x 1.flac": the raw names settle those, so the order is total.
    entries.sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }) || byCodeUnits(a.name, b.name),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
      } else if (isMasterFile(entry.name)) {
        // A symlink to a file counts; a symlink to a directory is not followed (it could loop).
        const isFile =
          entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile());
        if (isFile) found.push(path);
      }
    }
  };
  await walk(dir);
  return found;
}
