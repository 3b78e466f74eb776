// Keeps a whole relative path within a length budget by shortening its longest components first.
import { resolve } from 'node:path';
import { MegadiscError } from '../../shared/errors.ts';
import { sanitizeComponent } from './sanitize-component.ts';
import { truncateText, utf16Units } from './truncate-text.ts';

/** Windows MAX_PATH (260, with the NUL) minus room for a root such as "C:\Users\me\Music\". */
export const DEFAULT_PATH_BUDGET = 240;

/**
 * The budget left for paths under root on Windows: MAX_PATH counts the whole path, and Explorer
 * and many players still honour it. Never below 60, so a deep root still gets usable names.
 */
export function pathBudgetFor(root: string): number {
  return Math.max(60, Math.min(DEFAULT_PATH_BUDGET, 259 - resolve(root).length - 1));
}

const pathLength = (components: string[]) =>
  components.reduce((sum, c) => sum + utf16Units(c), Math.max(0, components.length - 1));

/**
 * Components joined with "/" stay within budget UTF-16 units (the unit Windows counts). Water
 * filling: every component longer than a cap L is cut to L, with L as large as fits, so short
 * names (track numbers, years) are never touched while a 200-character title is. The file's
 * extension (ext, without its dot) is never cut. Components must already be sanitized.
 */
export function fitPathBudget(components: string[], budget: number, ext = ''): string[] {
  if (pathLength(components) <= budget) return components;
  const last = components.length - 1;
  const suffix = ext ? `.${ext}` : '';
  const stems = components.map((c, i) =>
    i === last && suffix && c.endsWith(suffix) ? c.slice(0, -suffix.length) : c,
  );
  const fixed = pathLength(components) - stems.reduce((sum, s) => sum + s.length, 0);
  const total = (cap: number) => fixed + stems.reduce((sum, s) => sum + Math.min(s.length, cap), 0);
  let cap = Math.max(...stems.map((s) => s.length));
  while (cap > 1 && total(cap) > budget) cap--;
  // Cutting can expose a trailing dot or a reserved name, and re-sanitizing may lengthen by a "_".
  for (; cap >= 1; cap--) {
    const cut = stems.map((stem, i) =>
      stem.length <= cap
        ? components[i]!
        : sanitizeComponent(truncateText(stem, cap, utf16Units), i === last ? { ext } : {}),
    );
    if (pathLength(cut) <= budget) return cut;
  }
  throw new MegadiscError(
    'INVALID_ARGUMENT',
    `a path of ${components.length} names cannot fit in ${budget} characters; choose a shorter library folder`,
  );
}
