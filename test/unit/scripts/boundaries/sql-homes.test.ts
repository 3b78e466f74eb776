import { afterEach, describe, expect, it } from 'vitest';
import { describeViolation, findViolations } from '../../../../scripts/boundaries/find-violations.ts';
import { type FixtureTree, fixtureTree } from './fixture-tree.ts';

let tree: FixtureTree;
afterEach(() => tree.remove());

const query = (sql: string) => `export const rows = (db) => db\n  .prepare('${sql}')\n  .all();\n`;

describe('SQL only in the repositories', () => {
  it('flags SQL in the app service, the engine, store routes and the store CLI', () => {
    tree = fixtureTree();
    tree.write('electron/core/app/downloads-view.ts', query('SELECT * FROM purchases'));
    tree.write('electron/core/create-engine.ts', query('SELECT * FROM jobs'));
    tree.write('server/routes/order-routes-2.ts', query('SELECT * FROM orders'));
    tree.write('server/cli/report.ts', query('SELECT * FROM accounts'));
    // Through the store's storage port, too.
    tree.write(
      'server/routes/orders-3.ts',
      'export const list = (store) =>\n  store.sql.all<Row>(\n    `SELECT * FROM orders`,\n  );\n',
    );
    const found = findViolations(tree.root);
    expect(found.map((v) => [v.rule, v.file, v.line])).toEqual([
      ['sql-in-repositories', 'electron/core/app/downloads-view.ts', 2],
      ['sql-in-repositories', 'electron/core/create-engine.ts', 2],
      ['sql-in-repositories', 'server/cli/report.ts', 2],
      ['sql-in-repositories', 'server/routes/order-routes-2.ts', 2],
      ['sql-in-repositories', 'server/routes/orders-3.ts', 2],
    ]);
    expect(found.at(-1)!.specifier).toBe('.all<Row>( `SELECT');
    expect(describeViolation(found[0]!)).toBe(
      'electron/core/app/downloads-view.ts:2: [sql-in-repositories] calls ".prepare(": SQL runs only in ' +
        'the repositories that own a table (scripts/boundaries/sql-homes.ts)',
    );
  });

  it('passes SQL in the profile, the client repositories and the store domains', () => {
    tree = fixtureTree();
    tree.write('electron/core/profile/open-profile.ts', query('PRAGMA user_version'));
    tree.write('electron/core/purchases/purchase-desk.ts', query('SELECT * FROM purchases'));
    tree.write('electron/core/library/library-index.ts', query('SELECT * FROM library_files'));
    tree.write('server/db/sqlite/open-database.ts', query('PRAGMA user_version'));
    tree.write('server/orders/order-view.ts', query('SELECT * FROM orders'));
    tree.write('electron/core/app/x.ts', 'const text = "prepare (the word) is fine";\n');
    tree.write('server/routes/y.ts', "const hit = cache.get('SELECTED');\nmap.get(`key`);\n");
    expect(findViolations(tree.root)).toEqual([]);
  });
});
