// Joins path components under the library root, refusing anything that would land outside it.
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MegadiscError } from '../../shared/errors.ts';

export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function checkComponent(component: string): void {
  if (
    typeof component !== 'string' ||
    component === '' ||
    component === '.' ||
    component === '..' ||
    /[/\\\0]/.test(component)
  ) {
    throw new MegadiscError(
      'INVALID_ARGUMENT',
      `not a plain file or folder name: ${JSON.stringify(component)}`,
    );
  }
}

/** The components of a stored "/"-separated relative path, refusing anything but plain names. */
export function splitLibraryPath(path: string): string[] {
  if (typeof path !== 'string') throw new MegadiscError('INVALID_ARGUMENT', 'library path must be a string');
  const components = path.split('/');
  for (const component of components) checkComponent(component);
  return components;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * realpath(root), or NOT_FOUND: a library on an unplugged drive must not look like a library
 * whose files all went missing.
 */
export async function requireRoot(root: string): Promise<string> {
  try {
    const real = await realpath(resolve(root));
    if ((await stat(real)).isDirectory()) return real;
  } catch (error) {
    throw new MegadiscError('NOT_FOUND', `library folder ${resolve(root)} is not there`, { cause: error });
  }
  throw new MegadiscError('NOT_FOUND', `library folder ${resolve(root)} is not a folder`);
}

/** The path itself if it exists (as a link or not), else its deepest existing ancestor. */
async function deepestExisting(path: string, root: string): Promise<string> {
  let current = path;
  while (current !== root) {
    try {
      await lstat(current);
      return current;
    } catch (error) {
      if (errno(error) !== 'ENOENT' && errno(error) !== 'ENOTDIR') throw error;
      current = dirname(current);
    }
  }
  return root;
}

/**
 * root/components…, guaranteed to stay inside root: components are plain names, and the deepest
 * part that already exists must resolve (through every symlink) inside realpath(root). A dangling
 * symlink is refused too: writing through it would create its target, wherever that is.
 */
export async function resolveInLibrary(root: string, components: string[]): Promise<string> {
  if (components.length === 0) throw new MegadiscError('INVALID_ARGUMENT', 'empty library path');
  for (const component of components) checkComponent(component);
  const base = resolve(root);
  const target = join(base, ...components);
  if (!isInside(base, target) || target === base) {
    throw new MegadiscError('PERMISSION_DENIED', `${target} is outside the library ${base}`);
  }
  const realRoot = await requireRoot(base);
  const existing = await deepestExisting(target, base);
  let realExisting: string;
  try {
    realExisting = await realpath(existing);
  } catch (error) {
    throw new MegadiscError('PERMISSION_DENIED', `${existing} is a broken link in the library`, {
      cause: error,
    });
  }
  if (!isInside(realRoot, realExisting)) {
    throw new MegadiscError('PERMISSION_DENIED', `${target} leads outside the library (via ${existing})`);
  }
  return target;
}
