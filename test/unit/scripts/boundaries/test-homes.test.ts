import { afterEach, describe, expect, it } from 'vitest';
import { describeViolation, findViolations } from '../../../../scripts/boundaries/find-violations.ts';
import { type FixtureTree, fixtureTree } from './fixture-tree.ts';

let tree: FixtureTree;
afterEach(() => tree.remove());

const test = "import { it } from 'vitest';\nit('works', () => {});\n";

/** A few source folders, each with a module of its own. */
function sources(tree: FixtureTree) {
  tree.write('server/catalog/slugify.ts', 'export const slugify = (s) => s;\n');
  tree.write('server/catalog/sources/group-albums.ts', 'export const group = () => [];\n');
  tree.write('electron/core/downloads/token-bucket.ts', 'export class TokenBucket {}\n');
  tree.write('scripts/boundaries/find-violations.ts', 'export const find = () => [];\n');
  tree.write('renderer/features/store/StoreHome.tsx', 'export const StoreHome = () => null;\n');
  tree.write('renderer/app/App.tsx', 'export const App = () => null;\n');
  tree.write('docs/notes.ts', 'export {};\n');
}

describe('tests mirror the source', () => {
  it('passes tests in the folder of what they test, e2e anywhere, and helpers anywhere', () => {
    tree = fixtureTree();
    sources(tree);
    tree.write('test/unit/server/catalog/slugify.test.ts', test);
    tree.write('test/unit/server/catalog/sources/group-albums.test.ts', test);
    tree.write('test/unit/scripts/boundaries/find-violations.test.ts', test);
    tree.write('test/integration/electron/core/downloads/transfer.test.ts', test);
    tree.write('test/renderer/features/store/store-home.test.tsx', test);
    tree.write('test/renderer/app/shell.test.tsx', test);
    tree.write('test/e2e/purchase-flow.test.ts', test);
    tree.write('test/e2e/flows/russian.test.ts', test);
    // Not tests: free to live beside their users or in test/helpers/.
    tree.write('test/helpers/store-api.ts', 'export class StoreApi {}\n');
    tree.write('test/unit/catalog/crashing-worker.ts', 'export {};\n');
    tree.write('test/renderer/fake/fake-app-api.ts', 'export class FakeAppApi {}\n');
    tree.write('test/renderer/render-app.tsx', 'export const renderApp = () => null;\n');
    expect(findViolations(tree.root)).toEqual([]);
  });

  it('flags a test whose folder names no source folder, or no folder of renderer/', () => {
    tree = fixtureTree();
    sources(tree);
    // On purpose: the old loose area names, and tests outside any kind.
    tree.write('test/unit/catalog/slugify.test.ts', test);
    tree.write('test/unit/loose.test.ts', test);
    tree.write('test/integration/docs/notes.test.ts', test);
    tree.write('test/integration/server/orders/orders.test.ts', test);
    tree.write('test/integration/electron/transfer.test.ts', test);
    tree.write('test/renderer/store/store-home.test.tsx', test);
    tree.write('test/renderer/shell.test.tsx', test);
    tree.write('test/renderer/features/store-home.test.tsx', test);
    tree.write('test/helpers/helpers.test.ts', test);
    const found = findViolations(tree.root);
    expect(found.every((v) => v.rule === 'tests-mirror-source')).toBe(true);
    expect(found.map((v) => [v.file, v.specifier])).toEqual([
      ['test/helpers/helpers.test.ts', 'test/helpers/'],
      ['test/integration/docs/notes.test.ts', 'test/integration/docs/'],
      ['test/integration/electron/transfer.test.ts', 'test/integration/electron/'],
      ['test/integration/server/orders/orders.test.ts', 'test/integration/server/orders/'],
      ['test/renderer/features/store-home.test.tsx', 'test/renderer/features/'],
      ['test/renderer/shell.test.tsx', 'test/renderer/'],
      ['test/renderer/store/store-home.test.tsx', 'test/renderer/store/'],
      ['test/unit/catalog/slugify.test.ts', 'test/unit/catalog/'],
      ['test/unit/loose.test.ts', 'test/unit/'],
    ]);
    const why = Object.fromEntries(found.map((v) => [v.file, v.why]));
    expect(why['test/helpers/helpers.test.ts']).toBe(
      'tests live in test/unit/, test/integration/, test/renderer/ or test/e2e/',
    );
    expect(why['test/integration/server/orders/orders.test.ts']).toContain('there is no server/orders/');
    expect(why['test/integration/electron/transfer.test.ts']).toContain(
      'electron/ holds no code of its own, only folders',
    );
    expect(why['test/integration/docs/notes.test.ts']).toContain('docs/ is not under api/, bench/');
    expect(why['test/renderer/store/store-home.test.tsx']).toContain('there is no renderer/store/');
    expect(why['test/unit/loose.test.ts']).toBe(
      'a test in test/unit/ itself names no source folder: it goes in test/unit/<source folder>/',
    );
    expect(describeViolation(found.at(-2)!)).toBe(
      'test/unit/catalog/slugify.test.ts: [tests-mirror-source] test/unit/catalog/ names no source ' +
        'folder: catalog/ is not under api/, bench/, bin/, electron/, i18n/, renderer/, scripts/, server/ ' +
        '(a test of server/catalog/ lives in test/unit/server/catalog/)',
    );
  });
});
