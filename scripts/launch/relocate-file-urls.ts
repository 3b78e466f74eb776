// Build plugin for the bundled main process: fixes `new URL('./x', import.meta.url)` file references
// that the bundle would otherwise point at the wrong folder. A .ts target is a worker thread's entry:
// it must be one of the build's worker entries, written beside main.js as <name>.js. Any other file
// (a JSON definition) is pointed at from the output folder back to where it sits in the repository.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const FILE_URL = /new URL\(\s*(['"])(\.\.?\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** `workers` maps an entry name to its absolute source path, as given to the build's input. */
export function relocateFileUrls(outDir: string, workers: Record<string, string>): Plugin {
  const workerNames = new Map(Object.entries(workers).map(([name, path]) => [resolve(path), name]));
  return {
    name: 'megadisc:relocate-file-urls',
    transform(code, id) {
      if (id.includes(`${sep}node_modules${sep}`) || !code.includes('import.meta.url')) return null;
      let changed = false;
      const rewritten = code.replace(FILE_URL, (_whole, _quote: string, spec: string) => {
        changed = true;
        const target = resolve(dirname(id), spec);
        if (!target.endsWith('.ts')) {
          return `new URL(${JSON.stringify(urlPathFrom(outDir, target))}, import.meta.url)`;
        }
        const name = workerNames.get(target);
        // Emitting the chunk from here would be neater, but rolldown then drops modules that are
        // imported dynamically elsewhere in the graph; a listed entry has no such trouble.
        if (name === undefined)
          this.error(`${id} starts a worker from ${target}: add it to the worker entries`);
        return `new URL(${JSON.stringify(`./${name}.js`)}, import.meta.url)`;
      });
      return changed ? { code: rewritten, map: null } : null;
    },
    generateBundle(_options, bundle) {
      for (const problem of bundleProblems(bundle, Object.keys(workers))) this.error(problem);
    },
  };
}

type BundleChunks = Record<string, { type: string; imports?: string[] }>;

/**
 * What would break the rewritten URLs at run time: a file outside the output folder's top level
 * (every rewritten path is relative to it), or a worker that imports main.js (it would start the
 * whole app again inside the worker thread).
 */
export function bundleProblems(bundle: BundleChunks, workerNames: string[]): string[] {
  const problems: string[] = [];
  for (const [fileName, output] of Object.entries(bundle)) {
    if (output.type === 'chunk' && fileName.includes('/')) {
      problems.push(`${fileName} is in a subfolder; file URLs assume every chunk sits beside main.js`);
    }
  }
  for (const name of workerNames) {
    const seen = new Set<string>();
    const queue = [`${name}.js`];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (file === 'main.js') problems.push(`${name}.js imports main.js: the worker would start the app`);
      queue.push(...(bundle[file]?.imports ?? []));
    }
  }
  return problems;
}

/** A relative URL path from a folder to a file, always starting with ./ or ../. */
export function urlPathFrom(fromDir: string, target: string): string {
  const path = relative(fromDir, target).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}
