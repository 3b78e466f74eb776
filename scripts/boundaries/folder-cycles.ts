// Folders that import each other, directly or round a loop, cannot be understood or moved one at a
// time. Builds the graph of imports between folders and finds its strongly connected components
// (Tarjan); each one is reported as one loop through it, with the import behind every step.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { importsOf, importTarget, isUnder, rootPath, sourceFiles } from './source-files.ts';

/**
 * Where folders must form no cycle: the whole source tree. A folder and each of its subfolders count
 * as two folders, so a parent's files may import a subfolder or be imported by it, not both.
 * test/ and bench/ are left out: they only use the source.
 */
export const CYCLE_SCOPES = ['api', 'electron', 'i18n', 'renderer', 'scripts', 'server'];

export interface FolderImport {
  file: string;
  line: number;
  specifier: string;
}

export interface FolderCycle {
  /** The loop, first folder repeated at the end: a → b → a. */
  folders: string[];
  /** One import for each step of the loop. */
  imports: FolderImport[];
}

/** Folder → folder it imports from → the first import seen doing it. */
type Graph = Map<string, Map<string, FolderImport>>;

function folderGraph(root: string, scopes: string[]): Graph {
  const graph: Graph = new Map();
  const inScope = (folder: string) => scopes.some((scope) => isUnder(folder, scope));
  for (const scope of scopes) {
    for (const path of sourceFiles(join(root, scope))) {
      const file = rootPath(root, path);
      const from = posix.dirname(file);
      for (const { specifier, line } of importsOf(readFileSync(path, 'utf8'))) {
        const target = importTarget(root, path, specifier);
        if (target === null) continue;
        // An import of a folder (its index) names the folder itself.
        const to = posix.extname(target) ? posix.dirname(target) : target;
        if (to === from || !inScope(to)) continue;
        const edges = graph.get(from) ?? new Map<string, FolderImport>();
        if (!edges.has(to)) edges.set(to, { file, line, specifier });
        graph.set(from, edges);
      }
    }
  }
  return graph;
}

/** Tarjan's algorithm: the components of more than one folder. */
function components(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The shortest loop from the component's first folder back to it (breadth first). */
function loopThrough(graph: Graph, component: string[]): string[] {
  const start = component[0]!;
  const members = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0 && !cameFrom.has(start)) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
      if (!members.has(w) || cameFrom.has(w)) continue;
      cameFrom.set(w, v);
      queue.push(w);
    }
  }
  // Walked back from start's predecessor: [first step, …, start].
  const loop = [start];
  for (let v = cameFrom.get(start)!; v !== start; v = cameFrom.get(v)!) loop.unshift(v);
  return [start, ...loop];
}

export function findFolderCycles(root: string, scopes: string[] = CYCLE_SCOPES): FolderCycle[] {
  const graph = folderGraph(root, scopes);
  return components(graph).map((component) => {
    const folders = loopThrough(graph, component);
    const imports = folders.slice(1).map((to, i) => graph.get(folders[i]!)!.get(to)!);
    return { folders, imports };
  });
}
