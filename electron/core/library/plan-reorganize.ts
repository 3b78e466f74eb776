// Computes where every indexed file goes under a new template, with collisions resolved up front.
import { join } from 'node:path';
import { ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';
import { diskIdentity, namesakeIdentities } from './disk-identity.ts';
import type { LibraryFile, ReorganizeResult } from './library-types.ts';
import type { PathTemplate } from './path-template.ts';
import { type RenderOptions, renderPath } from './render-path.ts';
import { resolveInLibrary, splitLibraryPath } from './resolve-in-library.ts';
import { pathKey, uniquePath } from './unique-path.ts';

export interface PlannedMove {
  fileId: number;
  from: string;
  to: string;
  /** Disk identity of the file, to recognise it at its old path, or in the way of another move. */
  identity: string;
}

export interface ReorganizePlan {
  moves: PlannedMove[];
  skipped: ReorganizeResult['skipped'];
}

/** root must be the library's realpath. */
export async function planReorganize(
  files: LibraryFile[],
  root: string,
  template: PathTemplate,
  render: RenderOptions & { budget: number },
): Promise<ReorganizePlan> {
  const skipped: ReorganizePlan['skipped'] = [];
  const present: { file: LibraryFile; identity: string; target: string }[] = [];
  for (const file of files) {
    let identity: string | null = null;
    try {
      identity = diskIdentity(await resolveInLibrary(root, splitLibraryPath(file.path)));
    } catch {
      // Leads outside the library: not ours to move.
    }
    if (identity === null) {
      skipped.push({ fileId: file.id, path: file.path, reason: 'not on disk' });
      continue;
    }
    const ext = ENCODINGS[file.encoding].extension;
    const target = renderPath(template, file.tags, file.encoding, ext, render).join('/');
    present.push({ file, identity, target });
  }

  // Paths that stay taken: files left in place, and files whose new path is their current one
  // (claimed first, so a file never gets "(2)" because a neighbour is planned before it).
  const taken = new Set(skipped.map((s) => pathKey(s.path)));
  const staying = present.filter((p) => pathKey(p.target) === pathKey(p.file.path));
  for (const p of staying) taken.add(pathKey(p.target));
  const ours = new Set(present.map((p) => p.identity));
  // A path is free if nothing is there, or only one of our files that is moving away.
  const strangerAt = (candidate: string) =>
    namesakeIdentities(join(root, ...candidate.split('/'))).some((id) => !ours.has(id));

  const moves: PlannedMove[] = [];
  for (const p of present) {
    let to = p.target;
    if (!staying.includes(p)) {
      to = uniquePath(p.target, (key, candidate) => taken.has(key) || strangerAt(candidate));
      taken.add(pathKey(to));
    }
    if (to !== p.file.path) moves.push({ fileId: p.file.id, from: p.file.path, to, identity: p.identity });
  }
  return { moves, skipped };
}
