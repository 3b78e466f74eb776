// Tests mirror the source: a test file's folder says what it tests. A unit or integration test of
// server/catalog/slugify.ts lives in test/unit/server/catalog/ or test/integration/server/catalog/; a
// component test of renderer/features/store/ in test/renderer/features/store/; test/e2e/ (the whole
// product through Chromium) is free. The folder named must hold code itself (not only folders).
// Files that are not tests (helpers, fakes, workers) may live anywhere.
import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isUnder, rootPath, SOURCE, sourceFiles } from './source-files.ts';

/** The top folders that hold code a test can be about. */
export const SOURCE_ROOTS = ['api', 'bench', 'bin', 'electron', 'i18n', 'renderer', 'scripts', 'server'];

/** Kinds of test whose folder names a source folder (from the root). */
const BY_SOURCE_FOLDER = ['test/unit', 'test/integration'];
const FREE = ['test/e2e'];
const TEST_FILE = /\.test\.(ts|tsx)$/;

export interface MisplacedTest {
  file: string;
  why: string;
}

/** Why folder (from the root) holds no code of its own; null when it does. */
function noCodeIn(root: string, folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(join(root, folder));
  } catch {
    return `there is no ${folder}/`;
  }
  const code = names.some((name) => SOURCE.test(name) && statSync(join(root, folder, name)).isFile());
  return code ? null : `${folder}/ holds no code of its own, only folders`;
}

/** Why a test in test/<kind>/<folder>/ does not name a source folder; null when it does. */
function notSourceFolder(root: string, kind: string, folder: string): string | null {
  if (folder === '.')
    return `a test in ${kind}/ itself names no source folder: it goes in ${kind}/<source folder>/`;
  if (!SOURCE_ROOTS.some((top) => isUnder(folder, top)))
    return (
      `${kind}/${folder}/ names no source folder: ${folder}/ is not under ${SOURCE_ROOTS.join('/, ')}/ ` +
      `(a test of server/catalog/ lives in ${kind}/server/catalog/)`
    );
  const missing = noCodeIn(root, folder);
  if (missing)
    return `${kind}/${folder}/ names no source folder: ${missing} (a test of server/catalog/ lives in ${kind}/server/catalog/)`;
  return null;
}

/** Why a component test in test/renderer/<folder>/ does not name a folder of renderer/; null when it does. */
function notRendererFolder(root: string, folder: string): string | null {
  if (folder === '.')
    return 'a test in test/renderer/ itself names no folder of renderer/: it goes in test/renderer/<folder>/';
  const missing = noCodeIn(root, `renderer/${folder}`);
  if (missing)
    return (
      `test/renderer/${folder}/ names no folder of renderer/: ${missing} ` +
      '(a test of renderer/features/store/ lives in test/renderer/features/store/)'
    );
  return null;
}

export function findMisplacedTests(root: string): MisplacedTest[] {
  const found: MisplacedTest[] = [];
  for (const path of sourceFiles(join(root, 'test'))) {
    const file = rootPath(root, path);
    if (!TEST_FILE.test(file) || FREE.some((free) => isUnder(file, free))) continue;
    const kind = BY_SOURCE_FOLDER.find((k) => isUnder(file, k));
    let why: string | null;
    if (kind) why = notSourceFolder(root, kind, posix.dirname(file.slice(kind.length + 1)));
    else if (isUnder(file, 'test/renderer'))
      why = notRendererFolder(root, posix.dirname(file.slice('test/renderer/'.length)));
    else why = 'tests live in test/unit/, test/integration/, test/renderer/ or test/e2e/';
    if (why) found.push({ file, why });
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}
