import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../../../../electron/core/tagging/index.ts';
import { audioMd5 } from '../../../helpers/audio-fixtures.ts';
import { jsonOutput, runCli, startCli } from '../../../helpers/cli-process.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
const home = mkdtempSync(join(tmpdir(), 'megadisc-cli-home-'));
const cli = (...args: string[]) => runCli([...args, '--home', home]);
const cliJson = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  expect(r.code, r.output).toBe(0);
  return jsonOutput(r.output);
};

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('megadisc client CLI', () => {
  let albumId: number;
  let album0: any;

  it('logs in and keeps the token in a 0600 file', async () => {
    const r = await cli(
      'login',
      '--store',
      server.url,
      '--email',
      'demo@megadisc.local',
      '--password',
      'demo',
    );
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/logged in to .* as demo@megadisc\.local/);
    expect(statSync(join(home, 'session.json')).mode & 0o777).toBe(0o600);
    expect((await cli('config', '--library-dir', join(home, 'library'))).code).toBe(0);
    expect(r.output).not.toMatch(/mdt_/);
  });

  it('searches and shows an album with its encoding table', async () => {
    const found = await cliJson('search', 'pixel');
    albumId = found.albums.items[0].id;
    album0 = found.albums.items[0];
    const album = await cliJson('album', String(albumId));
    expect(album.quotes).toHaveLength(14);
    const flac = album.quotes.find((q: any) => q.encoding === 'flac');
    expect(flac).toMatchObject({ available: true, fits: true, exact: false });
    expect(flac.balanceAfterBytes).toBe(500_000_000 - flac.chargeBytes);
    const text = await cli('album', String(albumId));
    expect(text.output).toMatch(/mp3-v0 .* est\./);
    expect(text.output).toMatch(/2-1 /); // the demo's multi-disc album numbers tracks disc-track
  });

  it('shows the balance and tops up with a voucher', async () => {
    expect((await cliJson('balance')).availableBytes).toBe(500_000_000);
    const top = await cliJson('topup', server.vouchers[4]!);
    expect(top.creditedBytes).toBeGreaterThanOrEqual(100_000_000);
    expect(top.account.availableBytes).toBe(500_000_000 + top.creditedBytes);
    const again = await cli('topup', server.vouchers[4]!);
    expect(again.code).toBe(1);
    expect(again.output.trim()).toMatch(/^megadisc: .*already been redeemed.*\(VOUCHER_INVALID\)$/);
  });

  it('buys selected tracks, downloads, verifies, tags and files them, with one settle per item', async () => {
    const bought = await cliJson(
      'buy',
      String(albumId),
      '--encoding',
      'vorbis-q6',
      '--tracks',
      '1,2-1',
      '--yes',
    );
    expect(bought.jobs).toHaveLength(2);
    const run = await cli('run');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/2 done, 0 failed/);
    const queue = await cliJson('queue');
    const api = await new StoreApi(server.url).login();
    const order = (await api.get(`/v1/orders/${bought.purchase.orderId}`)).body;
    for (const item of order.items) {
      const job = queue.jobs.find((j: any) => j.orderId === order.id && j.fileName === item.fileName);
      expect(job.state).toBe('done');
      // Filed under the default template, tagged, with the very audio the store sent.
      expect(job.finalPath.startsWith(join(home, 'library', album0.artist.name))).toBe(true);
      expect(job.finalPath).toMatch(/\[vorbis-q6\]/);
      const tags = await readTags(job.finalPath);
      expect(tags.title).toBe(item.tags.title);
      expect(tags.album).toBe(item.tags.album);
      const original = join(home, `original-${item.id}.ogg`);
      writeFileSync(original, (await api.get(item.download.url)).body);
      expect(await audioMd5(job.finalPath)).toBe(await audioMd5(original));
      expect(createHash('sha256').update(readFileSync(original)).digest('hex')).toBe(item.sha256);
    }
    const lib = await cliJson('library');
    expect(lib.albums).toHaveLength(1);
    expect(lib.albums[0].tracks).toHaveLength(2);
    expect((await cli('library', 'verify')).code).toBe(0);
    // The default template, on a two-disc album: {albumartist}/{year} - {album} [{encoding}]/{disc}-{track:02} {title}.{ext}
    const first = order.items.find((i: any) => i.tags.discNumber === 1)!;
    const expected = join(
      home,
      'library',
      first.tags.albumArtist,
      `${first.tags.year} - ${first.tags.album} [vorbis-q6]`,
      `1-${String(first.tags.trackNumber).padStart(2, '0')} ${first.tags.title}.ogg`,
    );
    expect(existsSync(expected), expected).toBe(true);
    // The album folder gets cover.jpg; the embedded cover respects the 1000 px cap.
    const cover = readFileSync(join(expected, '..', 'cover.jpg'));
    expect(cover.subarray(0, 2).toString('hex')).toBe('ffd8');
    const embedded = await readTags(expected);
    expect(embedded.cover).not.toBeNull();
    expect(Math.max(embedded.cover!.width ?? 0, embedded.cover!.height ?? 0)).toBeLessThanOrEqual(1000);
    const ledger = await cliJson('ledger');
    const mine = ledger.entries.filter((e: any) => e.orderId === order.id);
    expect(mine.map((e: any) => e.kind).sort()).toEqual(['release', 'reserve', 'settle', 'settle']);
    const sum = ledger.entries.reduce((s: number, e: any) => s + e.amountBytes, 0);
    expect(sum).toBe(ledger.balance.balanceBytes);
    expect(ledger.balance.mismatch).toBeNull();
  });

  it('re-downloads a file missing from the library through the purchase, at no charge', async () => {
    const before = await cliJson('balance');
    const lib = await cliJson('library');
    const victim = lib.albums[0].tracks[0].files[0];
    rmSync(join(home, 'library', victim.path));
    const verify = await cli('library', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.output).toMatch(/1 ok, 1 missing/);
    const redo = await cli('library', 'redownload');
    expect(redo.code, redo.output).toBe(0);
    expect(redo.output).toMatch(/downloaded 1 missing file again at no charge/);
    expect((await cli('library', 'verify')).code).toBe(0);
    expect((await cliJson('balance')).balanceBytes).toBe(before.balanceBytes);
  });

  it('reorganizes the library after the template changes, with a dry run first', async () => {
    await cliJson('config', '--template', '{albumartist} - {album}/{track:02}. {title} ({encoding}).{ext}');
    const dry = await cliJson('library', 'reorganize', '--dry-run');
    expect(dry.moves).toHaveLength(2);
    expect(existsSync(join(home, 'library', dry.moves[0].from))).toBe(true);
    const real = await cliJson('library', 'reorganize');
    expect(real.moves.map((m: any) => m.to)).toEqual(dry.moves.map((m: any) => m.to));
    for (const m of real.moves) {
      expect(existsSync(join(home, 'library', m.to))).toBe(true);
      expect(existsSync(join(home, 'library', m.from))).toBe(false);
    }
    expect((await cli('library', 'verify')).code).toBe(0);
    const bad = await cli('config', '--template', '{nosuchfield}/{title}');
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/INVALID_ARGUMENT/);
  });

  it('reorders the queue', async () => {
    const before = (await cliJson('queue')).jobs.map((j: any) => j.id);
    const last = before.at(-1);
    await cliJson('prioritize', String(last));
    expect((await cliJson('queue')).jobs[0].id).toBe(last);
    await cliJson('move', String(last), String(before.length));
    expect((await cliJson('queue')).jobs.map((j: any) => j.id)).toEqual(before);
  });

  it('offers a free re-download of tracks already owned', async () => {
    const asked = startCli([
      'buy',
      String(albumId),
      '--encoding',
      'vorbis-q6',
      '--tracks',
      '1',
      '--home',
      home,
    ]);
    await asked.waitFor(/free re-download/);
    asked.child.stdin!.end('n\n');
    expect(await asked.exited).toBe(1);
  });

  it('refuses, in one line, a purchase beyond the available balance', async () => {
    const poorHome = mkdtempSync(join(tmpdir(), 'megadisc-poor-'));
    await new StoreApi(server.url).post('/v1/accounts', {
      email: 'poor@cli.test',
      password: 'long enough pw',
    });
    await runCli([
      'login',
      '--store',
      server.url,
      '--email',
      'poor@cli.test',
      '--password',
      'long enough pw',
      '--home',
      poorHome,
    ]);
    const r = await runCli(['buy', String(albumId), '--encoding', 'flac', '--yes', '--home', poorHome]);
    expect(r.code).toBe(1);
    expect(r.output.trim().split('\n')).toHaveLength(1);
    expect(r.output).toMatch(/INSUFFICIENT_BALANCE/);
    const queue = JSON.parse((await runCli(['queue', '--json', '--home', poorHome])).output);
    expect(queue.jobs).toHaveLength(0);
    rmSync(poorHome, { recursive: true, force: true });
  });

  it('shows the last known balance, marked offline, when the store is down', async () => {
    const before = await cliJson('balance');
    await server.app.close();
    const offline = await cliJson('balance');
    expect(offline).toMatchObject({ balanceBytes: before.balanceBytes, offline: true, asOf: before.asOf });
    const text = await cli('balance');
    expect(text.output).toMatch(/offline: as of/);
  });

  it('rejects bad arguments with a one-line error', async () => {
    for (const args of [['buy'], ['buy', '1', '--encoding', 'mp3-999', '--yes'], ['pause'], ['frobnicate']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.output.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
