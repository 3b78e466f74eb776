// Distinct names for files that would share one: "name.ext", "name (2).ext", … compared ignoring case.
import { MegadiscError } from '../../shared/errors.ts';
import { MAX_COMPONENT_BYTES } from './sanitize-component.ts';
import { truncateText, utf8Bytes } from './truncate-text.ts';

/**
 * Identity of a relative "/" path on a case-insensitive file system (APFS, NTFS defaults): two
 * paths with the same key are the same file there, so the library never holds both.
 */
export function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * The first of path, "stem (2).ext", "stem (3).ext"… for which isTaken(pathKey(candidate),
 * candidate) is false; the key gives the case-insensitive test, the candidate allows a disk check.
 * The stem is shortened if needed so the name stays within 255 bytes.
 */
export function uniquePath(path: string, isTaken: (key: string, candidate: string) => boolean): string {
  if (!isTaken(pathKey(path), path)) return path;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; n < 100_000; n++) {
    const counter = ` (${n})`;
    const room = MAX_COMPONENT_BYTES - utf8Bytes(counter + ext);
    const candidate = `${dir}${truncateText(stem, room).trimEnd()}${counter}${ext}`;
    if (!isTaken(pathKey(candidate), candidate)) return candidate;
  }
  throw new MegadiscError('INTERNAL', `no free name for ${path}`);
}
