// Chooses where a newly downloaded file goes: its rendered path, made unique against index and disk.
import { join } from 'node:path';
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import { namesakeIdentities } from './disk-identity.ts';
import { pathBudgetFor } from './fit-path-budget.ts';
import type { LibraryIndex } from './library-index.ts';
import { renderPath } from './render-path.ts';
import { requireRoot, resolveInLibrary } from './resolve-in-library.ts';
import { uniquePath } from './unique-path.ts';

/** Room kept in the path budget for a " (12)" collision counter. */
export const COUNTER_RESERVE = 8;

export interface NewFilePath {
  /** "/"-separated, relative to the root: what LibraryIndex.add wants as path. */
  relative: string;
  absolute: string;
}

export async function newFilePath(
  index: LibraryIndex,
  root: string,
  template: string,
  tags: TagData,
  encoding: EncodingId,
  options: { ascii?: boolean } = {},
): Promise<NewFilePath> {
  const realRoot = await requireRoot(root);
  const components = renderPath(template, tags, encoding, ENCODINGS[encoding].extension, {
    budget: pathBudgetFor(root) - COUNTER_RESERVE,
    ascii: options.ascii,
  });
  const relative = uniquePath(
    components.join('/'),
    (_key, candidate) =>
      index.byPath(candidate) !== undefined ||
      namesakeIdentities(join(realRoot, ...candidate.split('/'))).length > 0,
  );
  return { relative, absolute: await resolveInLibrary(root, relative.split('/')) };
}
