// Refiles the whole library under a new path template, as a dry run or for real.
import { join } from 'node:path';
import { ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { diskIdentity } from './disk-identity.ts';
import { pathBudgetFor } from './fit-path-budget.ts';
import type { LibraryIndex } from './library-index.ts';
import type { ReorganizeOptions, ReorganizeResult } from './library-types.ts';
import { moveInLibrary } from './move-in-library.ts';
import { COUNTER_RESERVE } from './new-file-path.ts';
import { parseTemplate } from './path-template.ts';
import { type PlannedMove, planReorganize } from './plan-reorganize.ts';
import { requireRoot } from './resolve-in-library.ts';
import { uniquePath } from './unique-path.ts';

/**
 * Moves run as soon as their target is free. Files that swap or rotate names (a -> b -> a) block
 * each other; one of them is parked under a temporary name beside its target, in the index too, so
 * an interruption leaves a consistent library that the next reorganize finishes.
 */
async function execute(index: LibraryIndex, root: string, planned: PlannedMove[]): Promise<void> {
  const pending = planned.map((m) => ({ ...m, at: m.from }));
  const at = (rel: string) => join(root, ...rel.split('/'));
  while (pending.length > 0) {
    let progressed = false;
    for (const move of [...pending]) {
      const occupant = diskIdentity(at(move.to));
      // Our own identity at the target: a case-only rename on a case-insensitive disk.
      if (occupant === null || occupant === move.identity) {
        await moveInLibrary(index, root, move.fileId, move.at, move.to);
        pending.splice(pending.indexOf(move), 1);
        progressed = true;
      } else if (!pending.some((m) => m.identity === occupant)) {
        throw new MegadiscError('INVALID_STATE', `${move.to} appeared in the library during the reorganize`);
      }
    }
    if (!progressed) {
      const move = pending[0]!;
      const folder = move.to.includes('/') ? `${move.to.slice(0, move.to.lastIndexOf('/'))}/` : '';
      const ext = ENCODINGS[index.get(move.fileId)!.encoding].extension;
      const parked = uniquePath(
        `${folder}_megadisc-moving-${move.fileId}.${ext}`,
        (_key, candidate) => index.byPath(candidate) !== undefined || diskIdentity(at(candidate)) !== null,
      );
      await moveInLibrary(index, root, move.fileId, move.at, parked);
      move.at = parked;
    }
  }
}

export async function reorganizeLibrary(
  index: LibraryIndex,
  root: string,
  template: string,
  options: ReorganizeOptions = {},
): Promise<ReorganizeResult> {
  const parsed = parseTemplate(template);
  const realRoot = await requireRoot(root);
  const budget = (options.budget ?? pathBudgetFor(root)) - COUNTER_RESERVE;
  const plan = await planReorganize(index.files(), realRoot, parsed, { budget, ascii: options.ascii });
  if (!options.dryRun) await execute(index, realRoot, plan.moves);
  return { moves: plan.moves.map(({ fileId, from, to }) => ({ fileId, from, to })), skipped: plan.skipped };
}
