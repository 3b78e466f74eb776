// Finds imports that cross a layer boundary: `electron` in core, shared or the store; Node built-ins
// and test code in the renderer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

export interface Rule {
  /** Folder, relative to the root, that the rule covers. */
  folder: string;
  forbid: (specifier: string) => boolean;
  why: string;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  why: string;
}

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (s: string) =>
  s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!);
const isTestCode = (s: string) => s.startsWith('.') && /(^|\/)test\//.test(s);

export const RULES: Rule[] = [
  {
    folder: 'electron/core',
    forbid: isElectron,
    why: 'the core engine is plain Node and never imports electron',
  },
  { folder: 'electron/shared', forbid: isElectron, why: 'shared contracts never import electron' },
  {
    folder: 'electron/shared',
    forbid: isNodeBuiltin,
    why: 'shared contracts run in the renderer too: no Node',
  },
  { folder: 'electron/cli', forbid: isElectron, why: 'the CLI runs without Electron' },
  { folder: 'electron/web', forbid: isElectron, why: 'web mode runs without Electron' },
  { folder: 'api', forbid: isElectron, why: 'the store API schemas never import electron' },
  { folder: 'api', forbid: isNodeBuiltin, why: 'the store API schemas are portable: no Node built-ins' },
  { folder: 'i18n', forbid: isElectron, why: 'the catalogs and translators never import electron' },
  { folder: 'i18n', forbid: isNodeBuiltin, why: 'i18n runs in the renderer too: no Node built-ins' },
  { folder: 'server', forbid: isElectron, why: 'the store server never imports electron' },
  { folder: 'renderer', forbid: isNodeBuiltin, why: 'the renderer runs in a browser: no Node built-ins' },
  {
    folder: 'renderer',
    forbid: isTestCode,
    why: 'test fixtures (the in-memory fake of the app API) never ship in the renderer bundle',
  },
];

const SOURCE = /\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/;
// Static imports and re-exports, dynamic import(), and require().
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function* sourceFiles(dir: string): Generator<string> {
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

export function importsOf(text: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ specifier: match[1]!, line: text.slice(0, match.index).split('\n').length });
    }
  }
  return found;
}

export function findViolations(root: string, rules: Rule[] = RULES): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    for (const file of sourceFiles(join(root, rule.folder))) {
      for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
        if (rule.forbid(specifier))
          violations.push({ file: relative(root, file), line, specifier, why: rule.why });
      }
    }
  }
  return violations;
}
