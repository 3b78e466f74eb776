import { afterEach, describe, expect, it } from 'vitest';
import { findViolations } from '../../../../scripts/boundaries/find-violations.ts';
import { type FixtureTree, fixtureTree } from './fixture-tree.ts';

let tree: FixtureTree;
afterEach(() => tree.remove());

describe('the renderer imports only the app API contract', () => {
  it('flags the core, the shell, the store server and the store API routes', () => {
    tree = fixtureTree();
    tree.write(
      'renderer/features/store/x.tsx',
      [
        "import { Engine } from '../../../electron/core/create-engine.ts';",
        "import { ipc } from '../../../electron/main/ipc/handlers.ts';",
        "import { store } from '../../../server/store/open-store.ts';",
        "import { routes } from '../../../api/routes.ts';",
      ].join('\n'),
    );
    const found = findViolations(tree.root);
    expect(found.every((v) => v.rule === 'renderer-imports-contract-only')).toBe(true);
    expect(found.map((v) => [v.line, v.specifier])).toEqual([
      [1, '../../../electron/core/create-engine.ts'],
      [2, '../../../electron/main/ipc/handlers.ts'],
      [3, '../../../server/store/open-store.ts'],
      [4, '../../../api/routes.ts'],
    ]);
  });

  it('allows its own code, the contract, the store shapes, i18n and packages', () => {
    tree = fixtureTree();
    tree.write(
      'renderer/features/store/x.tsx',
      [
        "import React from 'react';",
        "import { useI18n } from '../../app/i18n-context.tsx';",
        "import type { AppApi } from '../../../electron/shared/app-api/contract.ts';",
        "import { MegadiscError } from '../../../electron/shared/errors.ts';",
        "import type { Album } from '../../../api/schemas/catalog.ts';",
        "import { ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';",
        "import { translator } from '../../../i18n/index.ts';",
        "import './x.css';",
      ].join('\n'),
    );
    expect(findViolations(tree.root)).toEqual([]);
  });
});
