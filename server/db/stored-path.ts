// Paths inside the data folder are stored relative to it, so the folder can be moved or copied.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function toStoredPath(dataDir: string, path: string): string {
  const rel = relative(dataDir, path);
  return rel && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? rel : path;
}

export function fromStoredPath(dataDir: string, stored: string): string {
  return resolve(dataDir, stored);
}
