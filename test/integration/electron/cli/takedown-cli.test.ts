// The CLI against a store that took albums down or sells them elsewhere only: one-line answers,
// their own exit codes, and a library that marks what is no longer sold, offline too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginDemo, runCli } from '../../../helpers/cli-process.ts';
import { FaultProxy } from '../../../helpers/fault-proxy.ts';
import { takeDown } from '../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let proxy: FaultProxy;
let operatorToken: string;
const home = mkdtempSync(join(tmpdir(), 'megadisc-cli-takedown-'));
const cli = (...args: string[]) => runCli([...args, '--home', home]);
const ids = { owned: 0, unowned: 0, elsewhere: 0 };
let notice = '';

async function idOf(title: string): Promise<number> {
  const r = await cli('search', title, '--json');
  return JSON.parse(r.output).albums.items[0].id;
}

const lines = (text: string) => text.trim().split('\n');

beforeAll(async () => {
  server = await startTestServer();
  operatorToken = await server.store.operatorToken.issue();
  proxy = await FaultProxy.start(server.url);
  await loginDemo(proxy.url, home);
  expect((await cli('config', '--library-dir', join(home, 'library'))).code).toBe(0);
  ids.owned = await idOf('Static Psalms');
  ids.unowned = await idOf('Nuits Électriques');
  ids.elsewhere = await idOf('Glass Études');
  const bought = await cli('buy', String(ids.owned), '--encoding', 'mp3-128', '--yes');
  expect(bought.code, bought.output).toBe(0);
  const run = await cli('run');
  expect(run.code, run.output).toBe(0);
  notice = await takeDown(server.url, operatorToken, [{ type: 'album', id: ids.unowned }]);
  await takeDown(server.url, operatorToken, [{ type: 'album', id: ids.owned }]);
  await server.store.sql.run(`UPDATE albums SET territories = '["DE"]' WHERE id = ?`, ids.elsewhere);
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('megadisc and albums the store does not sell', () => {
  it('album: a taken-down one is not for sale, in one line, exit 3', async () => {
    const r = await cli('album', String(ids.unowned));
    expect(r.code).toBe(3);
    expect(lines(r.output)).toHaveLength(1);
    expect(r.output).toMatch(/^megadisc: not for sale: .*Nuits Électriques.* no longer sold here/);
    expect(r.output).toContain(`notice: ${server.store.publicUrl}/v1/takedowns/${notice}`);
    expect(r.output).toMatch(/\(TAKEN_DOWN\)\n$/);

    const json = await cli('album', String(ids.unowned), '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.output)).toMatchObject({
      album: null,
      availability: { state: 'taken_down', redownload: true },
      owned: null,
    });
  });

  it('album: an owned taken-down one says what becomes of the files', async () => {
    const r = await cli('album', String(ids.owned));
    expect(r.code).toBe(3);
    expect(lines(r.output)).toHaveLength(1);
    expect(r.output).toMatch(/you own \d+ files of it; "megadisc library redownload" fetches missing ones/);
  });

  it('album: one licensed elsewhere shows its tracks, no prices, and says why, exit 4', async () => {
    const r = await cli('album', String(ids.elsewhere));
    expect(r.code).toBe(4);
    expect(r.output).toMatch(/Café Lumière — Glass Études|Glass Études/);
    expect(r.output).not.toMatch(/encoding\s+size/);
    expect(r.output).toMatch(
      /megadisc: not available in your country: .*licensed for sale only in DE.* \(NOT_IN_TERRITORY\)\n$/,
    );
  });

  it('buy: refuses both, in one line each, with their exit codes, and records nothing', async () => {
    const down = await cli('buy', String(ids.unowned), '--encoding', 'flac', '--yes');
    expect(down.code).toBe(3);
    expect(lines(down.output)).toEqual([expect.stringMatching(/^megadisc: not for sale: .*\(TAKEN_DOWN\)$/)]);
    const elsewhere = await cli('buy', String(ids.elsewhere), '--encoding', 'flac', '--yes');
    expect(elsewhere.code).toBe(4);
    expect(lines(elsewhere.output)).toEqual([
      expect.stringMatching(/^megadisc: not available in your country: .*\(NOT_IN_TERRITORY\)$/),
    ]);
    const queue = JSON.parse((await cli('queue', '--json')).output);
    expect(JSON.stringify(queue)).not.toMatch(/Nuits Électriques|Glass Études/);
  });

  it('library: marks the album no longer sold, and still does with the store unreachable', async () => {
    const r = await cli('library');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/Static Psalms .* no longer sold/);
    const json = JSON.parse((await cli('library', '--json')).output);
    expect(json.albums[0]).toMatchObject({ title: 'Static Psalms', availability: { state: 'taken_down' } });

    proxy.setDown(true);
    try {
      const offline = await cli('library');
      expect(offline.code, offline.output).toBe(0);
      expect(offline.output).toMatch(/Static Psalms .* no longer sold/);
      // The date as English writes it: "Mar 5, 2026, 10:11 AM".
      expect(offline.output).toMatch(
        /store unreachable: what it sells is as of [A-Z][a-z]{2} \d{1,2}, \d{4}, /,
      );
    } finally {
      proxy.setDown(false);
    }
  });
});
