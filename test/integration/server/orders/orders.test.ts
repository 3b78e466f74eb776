import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeys, requestHash } from '../../../../server/orders/idempotency.ts';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let demo: StoreApi;
let albums: any[];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const key = () => `test-${randomUUID()}`;

const httpLog: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      httpLog.push(String(chunk));
      done();
    },
  });
  server = await startTestServer({ logStream });
  demo = await new StoreApi(server.url).login();
  albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
});
afterAll(() => server?.dispose());

async function ordersOf(body: { albumId: number; encoding: string }): Promise<number> {
  const row = (await server.store.sql.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM orders WHERE album_id = ? AND encoding = ?',
    body.albumId,
    body.encoding,
  ))!;
  return row.n;
}

async function order(api: StoreApi, body: unknown, idempotencyKey: string | null = key()) {
  return api.post('/v1/orders', body, idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey });
}

describe('ordering', () => {
  it('reserves the high estimate, settles each item at its exact size, releases the rest', async () => {
    const album = (await demo.get(`/v1/albums/${albums[0].id}`)).body;
    const prices = (await demo.get(`/v1/albums/${album.id}/prices`)).body;
    const quote = prices.encodings.find((e: any) => e.encoding === 'mp3-v0');
    const before = (await demo.get('/v1/account')).body;

    const created = await order(demo, { albumId: album.id, encoding: 'mp3-v0' });
    expect(created.status).toBe(201);
    expect(created.body.reservedBytes).toBe(quote.chargeHighBytes);
    const during = (await demo.get('/v1/account')).body;
    expect(during.balanceBytes).toBe(before.balanceBytes);

    const done = await demo.waitForOrder(created.body.id);
    expect(done.state).toBe('complete');
    expect(done.items).toHaveLength(album.trackCount);
    let total = 0;
    for (const item of done.items) {
      expect(item.state).toBe('ready');
      expect(item.chargedBytes).toBe(item.bytes);
      expect(item.bytes).toBeLessThanOrEqual(item.reservedBytes);
      total += item.bytes;
      const file = await demo.get(item.download.url);
      expect(file.status).toBe(200);
      expect(file.body.length).toBe(item.bytes);
      expect(sha256(file.body)).toBe(item.sha256);
      expect(file.headers.get('etag')).toBe(`"${item.sha256}"`);
      expect(file.headers.get('accept-ranges')).toBe('bytes');
      expect(file.headers.get('content-length')).toBe(String(item.bytes));
      expect(file.headers.get('repr-digest')).toBe(
        `sha-256=:${Buffer.from(item.sha256, 'hex').toString('base64')}:`,
      );
      // A LAME-encoded MP3 starts with the Xing/Info frame (no ID3: the store sends no tags).
      expect(file.body[0]).toBe(0xff);
      expect(file.body.includes(Buffer.from('LAME3.100'))).toBe(true);
      expect(item.tags).toMatchObject({
        album: album.title,
        albumArtist: album.artist.name,
        trackTotal: expect.any(Number),
      });
      expect(item.tags.replayGain.trackGainDb).toEqual(expect.any(Number));
      expect(item.tags.replayGain.albumPeak).toEqual(expect.any(Number));
    }
    expect(done.chargedBytes).toBe(total);

    const { entries, account } = await expectLedgerBalances(demo);
    const mine = entries.filter((e) => e.orderId === created.body.id);
    expect(mine.filter((e) => e.kind === 'reserve')).toHaveLength(1);
    expect(mine.filter((e) => e.kind === 'settle')).toHaveLength(album.trackCount);
    expect(new Set(mine.filter((e) => e.kind === 'settle').map((e) => e.itemId)).size).toBe(album.trackCount);
    const release = mine.filter((e) => e.kind === 'release');
    expect(release).toHaveLength(1);
    expect(release[0].reservedDeltaBytes).toBe(-(created.body.reservedBytes - total));
    expect(account.balanceBytes).toBe(before.balanceBytes - total);
    expect(account.reservedBytes).toBe(0);

    // Now that it is encoded, the price of mp3-v0 for this album is exact.
    const after = (await demo.get(`/v1/albums/${album.id}/prices`)).body.encodings.find(
      (e: any) => e.encoding === 'mp3-v0',
    );
    expect(after.exact).toBe(true);
    expect(after.bytes).toBe(total);
    expect(after.chargeBytes).toBe(0);
  });

  it.each([
    ['vorbis-q6', 'OggS', 'vorbis'],
    ['flac', 'fLaC', null],
    ['opus-160', 'OggS', 'OpusHead'],
    ['aac-128', null, 'ftyp'],
  ])('encodes selected tracks in %s', async (encoding, magic, marker) => {
    const album = (await demo.get(`/v1/albums/${albums[1].id}`)).body;
    const tracks = album.discs[0].tracks.slice(0, 2).map((t: any) => t.id);
    const created = await order(demo, { albumId: album.id, trackIds: tracks, encoding });
    expect(created.status).toBe(201);
    const done = await demo.waitForOrder(created.body.id);
    expect(done.items.map((i: any) => i.trackId)).toEqual(tracks);
    for (const item of done.items) {
      const file = await demo.get(item.download.url);
      expect(sha256(file.body)).toBe(item.sha256);
      if (magic) expect(file.body.subarray(0, 4).toString('latin1')).toBe(magic);
      if (marker) expect(file.body.subarray(0, 200).includes(Buffer.from(marker))).toBe(true);
    }
    await expectLedgerBalances(demo);
  });

  it('does not charge again for tracks already owned in that encoding', async () => {
    const album = albums[0];
    const before = (await demo.get('/v1/account')).body;
    const again = await order(demo, { albumId: album.id, encoding: 'mp3-v0' });
    expect(again.status).toBe(201);
    expect(again.body.reservedBytes).toBe(0);
    const done = await demo.waitForOrder(again.body.id);
    expect(done.items.every((i: any) => i.alreadyOwned && i.chargedBytes === 0 && i.state === 'ready')).toBe(
      true,
    );
    const after = (await demo.get('/v1/account')).body;
    expect(after.balanceBytes).toBe(before.balanceBytes);
    const { entries } = await expectLedgerBalances(demo);
    expect(entries.filter((e) => e.orderId === again.body.id)).toHaveLength(0);
  });
});

describe('idempotency', () => {
  it('requires the Idempotency-Key header', async () => {
    const res = await order(demo, { albumId: albums[2].id, encoding: 'mp3-128' }, null);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('replays the first response for the same key and body, with one reservation', async () => {
    const k = key();
    const body = { albumId: albums[2].id, encoding: 'mp3-128' };
    const first = await order(demo, body, k);
    const second = await order(demo, body, k);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    await demo.waitForOrder(first.body.id);
    const { entries } = await expectLedgerBalances(demo);
    expect(entries.filter((e) => e.orderId === first.body.id && e.kind === 'reserve')).toHaveLength(1);
  });

  it('refuses the same key with a different body (422)', async () => {
    const k = key();
    const first = await order(demo, { albumId: albums[2].id, encoding: 'mp3-192' }, k);
    expect(first.status).toBe(201);
    const other = await order(demo, { albumId: albums[2].id, encoding: 'mp3-256' }, k);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Settled before the next tests compare ledger lengths.
    await demo.waitForOrder(first.body.id);
  });

  it('answers a duplicate with 409 while the first request holds the key', async () => {
    const k = key();
    const body = { albumId: albums[3].id, encoding: 'wma-192' };
    const accountId = (await demo.get('/v1/account')).body.id as number;
    // The first request's claim, as order creation takes it before doing any work; the duplicate
    // arrives while it is held, whatever the timing.
    const keys = new IdempotencyKeys(server.store.sql);
    expect(await keys.claim(accountId, k, requestHash({ ...body, trackIds: null }))).toEqual({
      kind: 'claimed',
    });
    const duplicate = await order(demo, body, k);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(duplicate.headers.get('retry-after')).toBe('1');
    expect(await ordersOf(body)).toBe(0);
    // Once the claim is let go (its request changed nothing), the key goes through.
    await keys.abandon(accountId, k);
    const retried = await order(demo, body, k);
    expect(retried.status).toBe(201);
    await demo.waitForOrder(retried.body.id);
  });

  it('creates exactly one order for concurrent duplicates', async () => {
    const k = key();
    const body = { albumId: albums[4].id, encoding: 'wma-192' };
    const results = await Promise.all(Array.from({ length: 6 }, () => order(demo, body, k)));
    const statuses = results.map((r) => r.status);
    // Each one either made or replayed the order (201), or met the first one's claim (409).
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await ordersOf(body)).toBe(1);
    await demo.waitForOrder([...ids][0]);
  });

  it('refuses an order beyond the available balance with 402 and reserves nothing', async () => {
    const poor = new StoreApi(server.url);
    poor.token = (
      await poor.post('/v1/accounts', { email: 'poor@example.com', password: 'long enough pw' })
    ).body.token;
    const res = await order(poor, { albumId: albums[0].id, encoding: 'flac' });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe('INSUFFICIENT_BALANCE');
    const { entries, account } = await expectLedgerBalances(poor);
    expect(entries).toHaveLength(0);
    expect(account.reservedBytes).toBe(0);
    // The refused key is free again: after a top-up the same key goes through.
    await poor.post('/v1/account/vouchers', { code: server.vouchers[3]! });
  });

  it.each([
    [{ albumId: 99999999, encoding: 'flac' }, 404],
    [{ albumId: 1, encoding: 'mp3-999' }, 400],
    [{ albumId: '1', encoding: 'flac' }, 400],
    [{ albumId: 1, encoding: 'flac', trackIds: [99999999] }, 400],
    [{ albumId: 1, encoding: 'flac', extra: true }, 400],
  ])('rejects a bad order body %j with %i and changes nothing', async (body, status) => {
    const before = await expectLedgerBalances(demo);
    const res = await order(demo, body);
    expect(res.status).toBe(status);
    const after = await expectLedgerBalances(demo);
    expect(after.entries.length).toBe(before.entries.length);
  });
});

describe('downloads', () => {
  let item: any;
  let full: Buffer;
  let orderId: string;

  beforeAll(async () => {
    const created = await order(demo, { albumId: albums[0].id, encoding: 'flac' });
    orderId = created.body.id;
    const done = await demo.waitForOrder(orderId);
    item = done.items[0];
    full = (await demo.get(item.download.url)).body;
  });

  it('serves byte ranges as RFC 9110 says', async () => {
    const size = full.length;
    const head = await demo.get(item.download.url, { range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(head.body.equals(full.subarray(0, 100))).toBe(true);
    const tail = await demo.get(item.download.url, { range: 'bytes=100-' });
    expect(Buffer.concat([head.body, tail.body]).equals(full)).toBe(true);
    const suffix = await demo.get(item.download.url, { range: 'bytes=-10' });
    expect(suffix.body.equals(full.subarray(size - 10))).toBe(true);
    const clamped = await demo.get(item.download.url, { range: `bytes=${size - 5}-${size + 1000}` });
    expect(clamped.headers.get('content-range')).toBe(`bytes ${size - 5}-${size - 1}/${size}`);
  });

  it('honours If-Range: the same ETag gives 206, a changed one the whole file', async () => {
    const etag = `"${item.sha256}"`;
    const ok = await demo.get(item.download.url, { range: 'bytes=10-19', 'if-range': etag });
    expect(ok.status).toBe(206);
    const changed = await demo.get(item.download.url, { range: 'bytes=10-19', 'if-range': '"0000"' });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(full)).toBe(true);
    const weak = await demo.get(item.download.url, { range: 'bytes=10-19', 'if-range': `W/${etag}` });
    expect(weak.status).toBe(200);
  });

  it.each(['bytes=999999999-', 'bytes=abc', 'bytes=5-2', 'items=0-1', 'bytes=-0'])(
    'answers the bad range %s with 416 and bytes */size',
    async (range) => {
      const res = await demo.get(item.download.url, { range });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${full.length}`);
      expect(res.body.error.code).toBe('RANGE_NOT_SATISFIABLE');
    },
  );

  it("hides one account's orders and files from another", async () => {
    const other = new StoreApi(server.url);
    other.token = (
      await other.post('/v1/accounts', { email: 'mallory@example.com', password: 'long enough pw' })
    ).body.token;
    expect((await other.get(`/v1/orders/${orderId}`)).status).toBe(404);
    expect((await other.get(item.download.url)).status).toBe(404);
    expect((await other.get('/v1/orders')).body.items).toHaveLength(0);
    expect((await new StoreApi(server.url).get(item.download.url)).status).toBe(401);
  });

  it('serves a signed link without a token until it expires', async () => {
    const anon = new StoreApi(server.url);
    const signed = await anon.get(item.download.signedUrl);
    expect(signed.status).toBe(200);
    expect(sha256(signed.body)).toBe(item.sha256);
    const tampered = await anon.get(
      item.download.signedUrl.replace(/sig=(.)/, (_m: string, c: string) => `sig=${c === 'Z' ? 'Y' : 'Z'}`),
    );
    expect(tampered.status).toBe(403);
    const old = server.store.links.create(item.id, Date.now() - 2 * 3600_000);
    const expired = await anon.get(`${item.download.url}?expires=${old.expires}&sig=${old.sig}`);
    expect(expired.status).toBe(403);
    expect(expired.body.error.code).toBe('LINK_EXPIRED');
  });
});

describe('the HTTP log', () => {
  it('has no warnings after all these orders and downloads', () => {
    expect(httpLog.filter((l) => /already sent|"level":[45]0/.test(l))).toEqual([]);
  });
});

describe('HEAD and errors on downloads', () => {
  it('answers HEAD with the real size and validators, and errors are not cacheable', async () => {
    const created = await order(demo, { albumId: albums[0].id, encoding: 'flac' });
    const done = await demo.waitForOrder(created.body.id);
    const item = done.items[0];
    const head = await demo.request('HEAD', item.download.url);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(item.bytes));
    expect(head.headers.get('etag')).toBe(`"${item.sha256}"`);
    const bad = await demo.get(item.download.url, { range: 'bytes=999999999-' });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(bad.headers.get('etag')).toBeNull();
  });
});
