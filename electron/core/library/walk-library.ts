// Lists the regular files under the library root, without following links or entering hidden folders.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface FoundFile {
  /** Relative to the root, "/"-separated. */
  path: string;
  bytes: number;
}

/** Dot files (.DS_Store, ._AppleDouble), Windows shell files and our own partial downloads. */
function isIgnored(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name) || name.endsWith('.part');
}

/**
 * Symlinks are skipped, never followed: a link inside the library may point anywhere, and the
 * library only vouches for what really lives under its root.
 */
export async function walkLibrary(root: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const entries = await readdir(rel ? join(root, ...rel.split('/')) : root, { withFileTypes: true });
    for (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile()) {
        const stats = await lstat(join(root, ...child.split('/')));
        found.push({ path: child, bytes: stats.size });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
