// The packages a production install needs: package.json's dependencies and theirs, found as Node finds them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The folder `name` resolves to from `fromDir`: its own node_modules, then each parent's, up to `root`. */
function findPackage(root: string, fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/**
 * Every installed package reachable from the root's `dependencies` (and optional ones that are installed),
 * as `name@version`. Not as paths: electron-builder lays node_modules out again (its own hoisting), so
 * a package may sit at another depth in the archive than on disk.
 * Peer dependencies are left out: a package that has one reaches it through someone's dependencies.
 */
export function productionClosure(root: string): Set<string> {
  const found = new Set<string>();
  const visited = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    const manifest = readManifest(dir);
    const names = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    for (const name of names) {
      const at = findPackage(root, dir, name);
      if (at === null) {
        if (manifest.optionalDependencies?.[name] !== undefined) continue;
        throw new Error(`${name}, a dependency of ${relative(root, dir) || 'the app'}, is not installed`);
      }
      if (visited.has(at)) continue;
      visited.add(at);
      const { version } = readManifest(at);
      found.add(`${name}@${version}`);
      queue.push(at);
    }
  }
  return found;
}
