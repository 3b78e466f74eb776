// The files the boundary checks read, the imports in them, and where a relative import leads.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const SOURCE = /\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/;
// Static imports and re-exports, dynamic import(), and require().
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function* sourceFiles(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(name)) yield path;
  }
}

/** The line (1-based) that a character offset of text falls on. */
export const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

export function importsOf(text: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ specifier: match[1]!, line: lineAt(text, match.index) });
    }
  }
  return found;
}

/** A path relative to root, with '/' on every OS: how the rules name files and folders. */
export const rootPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** Where a relative import of file leads, relative to root; null for a package or a built-in. */
export function importTarget(root: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return rootPath(root, resolve(dirname(file), specifier));
}

/** Whether path (relative to root) is the folder or inside it. */
export const isUnder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
