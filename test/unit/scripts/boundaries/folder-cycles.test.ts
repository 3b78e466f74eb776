import { afterEach, describe, expect, it } from 'vitest';
import { findViolations } from '../../../../scripts/boundaries/find-violations.ts';
import { findFolderCycles } from '../../../../scripts/boundaries/folder-cycles.ts';
import { type FixtureTree, fixtureTree } from './fixture-tree.ts';

let tree: FixtureTree;
afterEach(() => tree.remove());

describe('folders form no import cycle', () => {
  it('flags two folders importing each other, with the import behind each step', () => {
    tree = fixtureTree();
    tree.write('electron/core/purchases/desk.ts', "import type { Jobs } from '../downloads/jobs.ts';\n");
    tree.write('electron/core/downloads/jobs.ts', "\nimport type { Desk } from '../purchases/desk.ts';\n");
    const found = findViolations(tree.root);
    expect(found.map((v) => [v.rule, v.file, v.line, v.specifier])).toEqual([
      ['no-folder-cycles', 'electron/core/downloads/jobs.ts', 2, '../purchases/desk.ts'],
      ['no-folder-cycles', 'electron/core/purchases/desk.ts', 1, '../downloads/jobs.ts'],
    ]);
    expect(found[0]!.why).toBe(
      'these folders import each other: electron/core/downloads → electron/core/purchases → electron/core/downloads',
    );
  });

  it('flags a loop through three folders, and a folder with its own subfolder', () => {
    tree = fixtureTree();
    tree.write('electron/core/profile/open.ts', "import { key } from '../library/key.ts';\n");
    tree.write('electron/core/library/key.ts', "import { book } from '../availability/book.ts';\n");
    tree.write('electron/core/availability/book.ts', "import { open } from '../profile/open.ts';\n");
    tree.write('electron/core/downloads/manager.ts', "import { fetch } from './transfer/fetch.ts';\n");
    tree.write('electron/core/downloads/transfer/fetch.ts', "import { Manager } from '../manager.ts';\n");
    expect(findFolderCycles(tree.root).map((c) => c.folders)).toEqual([
      [
        'electron/core/availability',
        'electron/core/profile',
        'electron/core/library',
        'electron/core/availability',
      ],
      ['electron/core/downloads', 'electron/core/downloads/transfer', 'electron/core/downloads'],
    ]);
  });

  it('covers the whole tree: a store domain and its root, the renderer shell and its primitives', () => {
    tree = fixtureTree();
    tree.write('server/store.ts', "import { Ledger } from './accounts/ledger.ts';\n");
    tree.write('server/accounts/ledger.ts', "import { StoreError } from '../errors.ts';\n");
    tree.write('server/errors.ts', 'export class StoreError extends Error {}\n');
    tree.write('renderer/app/App.tsx', "import { Loading } from '../components/Loading.tsx';\n");
    tree.write('renderer/components/Loading.tsx', "import { useI18n } from '../app/i18n-context.tsx';\n");
    expect(findViolations(tree.root).map((v) => [v.file, v.specifier, v.why])).toEqual([
      [
        'renderer/app/App.tsx',
        '../components/Loading.tsx',
        'these folders import each other: renderer/app → renderer/components → renderer/app',
      ],
      [
        'renderer/components/Loading.tsx',
        '../app/i18n-context.tsx',
        'these folders import each other: renderer/app → renderer/components → renderer/app',
      ],
      [
        'server/store.ts',
        './accounts/ledger.ts',
        'these folders import each other: server → server/accounts → server',
      ],
      [
        'server/accounts/ledger.ts',
        '../errors.ts',
        'these folders import each other: server → server/accounts → server',
      ],
    ]);
  });

  it('passes imports that go one way', () => {
    tree = fixtureTree();
    tree.write('electron/core/downloads/manager.ts', "import { desk } from '../purchases/desk.ts';\n");
    tree.write('electron/core/downloads/transfer/fetch.ts', "import { jobs } from '../jobs.ts';\n");
    tree.write(
      'electron/core/purchases/desk.ts',
      "import { MegadiscError } from '../../shared/errors.ts';\n",
    );
    tree.write('electron/shared/errors.ts', 'export class MegadiscError extends Error {}\n');
    expect(findViolations(tree.root)).toEqual([]);
  });
});
