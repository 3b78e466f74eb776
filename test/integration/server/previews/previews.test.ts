// Free previews against the real store on loopback, with real ffmpeg: free, at most 30 s and never the
// whole track, not at the start of a long track, Range/ETag like downloads, no parameters that change
// the clip, rate-limited per account and per address, 451 where withdrawn, and cached.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreApi } from '../../../helpers/store-api.ts';
import { takeDown } from '../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let anyone: StoreApi;
let operator: StoreApi;
let albums: any[];
let scratch: string;

beforeAll(async () => {
  server = await startTestServer();
  anyone = new StoreApi(server.url);
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
  albums = (await anyone.get('/v1/albums?sort=title&limit=10')).body.items;
  scratch = mkdtempSync(join(tmpdir(), 'megadisc-preview-'));
});
afterAll(async () => {
  await server?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

const tracksOf = async (albumId: number) =>
  (await anyone.get(`/v1/albums/${albumId}`)).body.discs.flatMap((d: any) => d.tracks);

/** Seconds of audio in a file, by ffprobe. */
function probeSeconds(bytes: Buffer): number {
  const file = join(scratch, `probe-${Math.random().toString(36).slice(2)}.ogg`);
  writeFileSync(file, bytes);
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(out.toString().trim());
}

/** Mean volume in dB of the first `seconds` of a file (-91 is digital silence). */
function meanVolume(bytes: Buffer, seconds: number): number {
  const file = join(scratch, `vol-${Math.random().toString(36).slice(2)}.ogg`);
  writeFileSync(file, bytes);
  // volumedetect reports on stderr, which execFileSync only returns through a shell's redirection.
  const log = execFileSync('sh', [
    '-c',
    `ffmpeg -hide_banner -nostdin -t ${seconds} -i '${file}' -af volumedetect -f null - 2>&1`,
  ]).toString();
  return Number(/mean_volume: (-?[\d.]+) dB/.exec(log)?.[1] ?? Number.NaN);
}

/**
 * Points a track at a 90 s master (20 s of silence, then a tone) so the preview window is the real one:
 * 30 s from 30 s in. A preview taken from the start would begin in silence.
 */
async function giveLongMaster(trackId: number): Promise<void> {
  const master = join(server.dataDir, 'masters', `long-${trackId}.flac`);
  execFileSync('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo:d=20',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100:duration=70',
    '-filter_complex', '[1:a]aformat=channel_layouts=stereo[t];[0:a][t]concat=n=2:v=0:a=1',
    '-c:a', 'flac', '-y', master,
  ]); // biome-ignore format: ffmpeg arguments read best in pairs
  await server.store.sql.run(
    'UPDATE tracks SET master_path = ?, duration_ms = 90000 WHERE id = ?',
    master,
    trackId,
  );
}

describe('GET /v1/tracks/{id}/preview', () => {
  it('is free: an account hears one and its balance and ledger stay as they were; no royalty line', async () => {
    const listener = await new StoreApi(server.url).register();
    const code = await server.store.vouchers.create(50_000_000);
    expect((await listener.post('/v1/account/vouchers', { code })).status).toBe(200);
    const [track] = await tracksOf(albums[0].id);
    const before = (await listener.get('/v1/account')).body;
    const ledgerRows = async () => (await server.store.sql.get<any>('SELECT COUNT(*) AS n FROM ledger')).n;
    const royaltyRows = async () =>
      (await server.store.sql.get<any>('SELECT COUNT(*) AS n FROM royalty_lines')).n;
    const [ledger, royalties] = [await ledgerRows(), await royaltyRows()];
    const res = await listener.get(`/v1/tracks/${track.id}/preview`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('audio/ogg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect((await listener.get('/v1/account')).body).toEqual(before);
    expect(await ledgerRows()).toBe(ledger);
    expect(await royaltyRows()).toBe(royalties);
  });

  it('is never the whole track: a short track gets at most half of itself', async () => {
    const [track] = await tracksOf(albums[1].id);
    expect(track.durationMs).toBeLessThan(60_000);
    const res = await anyone.get(`/v1/tracks/${track.id}/preview`);
    expect(res.status).toBe(200);
    const seconds = probeSeconds(res.body);
    expect(seconds).toBeLessThanOrEqual(track.durationMs / 2000 + 0.1);
    expect(seconds).toBeLessThan(track.durationMs / 1000);
  });

  it('is 30 s of a long track, not from its start, fading in', async () => {
    const tracks = await tracksOf(albums[2].id);
    const track = tracks.at(-1);
    await giveLongMaster(track.id);
    const res = await anyone.get(`/v1/tracks/${track.id}/preview`);
    expect(res.status).toBe(200);
    const seconds = probeSeconds(res.body);
    expect(seconds).toBeGreaterThan(29);
    expect(seconds).toBeLessThanOrEqual(30.5);
    // The master is silent for its first 20 s: a preview from the start would be too.
    expect(meanVolume(res.body, 5)).toBeGreaterThan(-40);
  });

  it('is cached: the second request does not encode again', async () => {
    const [, track] = await tracksOf(albums[0].id);
    const first = await anyone.get(`/v1/tracks/${track.id}/preview`);
    const files = () => readdirSync(join(server.dataDir, 'cache', 'preview'));
    const record = await server.store.transcoder.lookupPreview(track.id);
    expect(record).toBeDefined();
    const count = files().length;
    const second = await anyone.get(`/v1/tracks/${track.id}/preview`);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(Buffer.compare(second.body, first.body)).toBe(0);
    expect(files().length).toBe(count);
    expect((await server.store.transcoder.lookupPreview(track.id))?.createdAt).toBe(record?.createdAt);
  });

  it('serves Ranges, and a Range past its end is 416', async () => {
    const [track] = await tracksOf(albums[0].id);
    const full = await anyone.get(`/v1/tracks/${track.id}/preview`);
    const size = full.body.length;
    const part = await anyone.get(`/v1/tracks/${track.id}/preview`, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${size}`);
    expect(Buffer.compare(part.body, full.body.subarray(10, 20))).toBe(0);
    const past = await anyone.get(`/v1/tracks/${track.id}/preview`, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('takes no parameter that changes the clip: other offsets, lengths or encodings are 400', async () => {
    const [track] = await tracksOf(albums[0].id);
    for (const query of [
      'start=0',
      'offset=0',
      't=0',
      'duration=600',
      'length=9999',
      'encoding=flac',
      'full=1',
    ]) {
      const res = await anyone.get(`/v1/tracks/${track.id}/preview?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await anyone.get('/v1/tracks/99999999/preview')).status).toBe(404);
  });

  it('is 451 for a taken-down album and for a release not licensed where the listener is', async () => {
    const [downTrack] = await tracksOf(albums[3].id);
    await takeDown(server.url, operator.token!, [{ type: 'album', id: albums[3].id }]);
    const down = await anyone.get(`/v1/tracks/${downTrack.id}/preview`);
    expect(down.status).toBe(451);
    expect(down.body.error.code).toBe('TAKEN_DOWN');
    expect(down.headers.get('link')).toContain('/v1/takedowns/');

    const german = albums[4];
    const set = await operator.post(`/v1/operator/albums/${german.id}/territories`, { territories: ['de'] });
    expect(set.status).toBe(200);
    const [deTrack] = await tracksOf(german.id);
    const us = await new StoreApi(server.url).register('US');
    for (const res of [
      await us.get(`/v1/tracks/${deTrack.id}/preview`),
      await anyone.get(`/v1/tracks/${deTrack.id}/preview`),
      await anyone.get(`/v1/tracks/${deTrack.id}/preview?country=FR`),
    ]) {
      expect(res.status).toBe(451);
      expect(res.body.error.code).toBe('NOT_IN_TERRITORY');
    }
    const de = await new StoreApi(server.url).register('DE');
    expect((await de.get(`/v1/tracks/${deTrack.id}/preview`)).status).toBe(200);
    expect((await anyone.get(`/v1/tracks/${deTrack.id}/preview?country=DE`)).status).toBe(200);
  });
});

describe('preview budgets', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ previewLimits: { perAccount: 2, perAddress: 5, windowMs: 60_000 } });
  });
  afterAll(() => limited?.dispose());

  it('answers 429 with Retry-After once an account, then the address, has used its budget', async () => {
    const open = new StoreApi(limited.url);
    const album = (await open.get('/v1/albums?sort=title&limit=1')).body.items[0];
    const track = (await open.get(`/v1/albums/${album.id}`)).body.discs[0].tracks[0];
    const path = `/v1/tracks/${track.id}/preview`;
    const a = await new StoreApi(limited.url).register();
    const b = await new StoreApi(limited.url).register();
    expect((await a.get(path)).status).toBe(200);
    expect((await a.get(path, { range: 'bytes=0-99' })).status).toBe(206);
    const overAccount = await a.get(path);
    expect(overAccount.status).toBe(429);
    expect(overAccount.body.error.code).toBe('RATE_LIMITED');
    expect(Number(overAccount.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address still has its own budget, until the address's runs out.
    // (The refused request did not count against the address.)
    expect((await b.get(path)).status).toBe(200);
    expect((await open.get(path)).status).toBe(200);
    expect((await open.get(path)).status).toBe(200);
    const overAddress = await open.get(path);
    expect(overAddress.status).toBe(429);
    expect(Number(overAddress.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await b.get(path)).status).toBe(429);
  });
});
