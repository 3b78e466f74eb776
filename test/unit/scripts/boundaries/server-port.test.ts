import { afterEach, describe, expect, it } from 'vitest';
import { describeViolation, findViolations } from '../../../../scripts/boundaries/find-violations.ts';
import { type FixtureTree, fixtureTree } from './fixture-tree.ts';

let tree: FixtureTree;
afterEach(() => tree.remove());

describe('the client reaches the store server through one port', () => {
  it('flags the core, the app service and the shell importing server/', () => {
    tree = fixtureTree();
    tree.write(
      'electron/core/app/connect.ts',
      "import type { Seed } from '../../../server/catalog/seed.ts';\n",
    );
    tree.write(
      'electron/core/library/x.ts',
      "const s = await import('../../../server/store/open-store.ts');\n",
    );
    tree.write('electron/main/y.ts', "import { startServer } from '../../server/start-server.ts';\n");
    const found = findViolations(tree.root);
    expect(found.map((v) => [v.rule, v.file, v.specifier])).toEqual([
      [
        'client-reaches-server-through-demo-port',
        'electron/core/app/connect.ts',
        '../../../server/catalog/seed.ts',
      ],
      [
        'client-reaches-server-through-demo-port',
        'electron/core/library/x.ts',
        '../../../server/store/open-store.ts',
      ],
      ['client-reaches-server-through-demo-port', 'electron/main/y.ts', '../../server/start-server.ts'],
    ]);
    expect(describeViolation(found[0]!)).toBe(
      'electron/core/app/connect.ts:1: [client-reaches-server-through-demo-port] imports ' +
        '"../../../server/catalog/seed.ts": the client reaches the store server\'s code only through ' +
        'electron/core/app/embedded-demo.ts',
    );
  });

  it('lets the embedded demo port through, and a package named like the folder', () => {
    tree = fixtureTree();
    tree.write(
      'electron/core/app/embedded-demo.ts',
      "import type { RunningServer } from '../../../server/start-server.ts';\nexport type { RunningServer };\n",
    );
    tree.write('electron/core/app/connect.ts', "import type { RunningServer } from './embedded-demo.ts';\n");
    tree.write('electron/core/app/z.ts', "import server from 'server';\n");
    expect(findViolations(tree.root)).toEqual([]);
  });
});
