// Royalties on the real store: lines per track and rights holder on every settle, the carry-forward
// rule, reversals, statements in CSV and DSR, and one rights holder's token against another's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyPack } from '../../../helpers/payments.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let operator: StoreApi;
/** The store's clock: sales happen in March 2026, statements are issued in April. */
let clock = Date.parse('2026-03-10T12:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
});
afterAll(() => server?.dispose());

const register = () => new StoreApi(server.url).register('DE');

const holderId = async (name: string) =>
  (await server.store.sql.get<{ id: number }>('SELECT id FROM rights_holders WHERE name = ?', name))!.id;
const linesOf = (orderId: string) =>
  server.store.sql.all<any>('SELECT * FROM royalty_lines WHERE order_id = ? ORDER BY id', orderId);

let pixel: any;
let orderId: string;

describe('rights holders in the catalog', () => {
  it('gives every release and track its rights holder, and releases their UPC', async () => {
    const api = new StoreApi(server.url);
    const albums = (await api.get('/v1/albums?limit=100&sort=title')).body.items;
    pixel = (await api.get(`/v1/albums/${albums.find((a: any) => a.title === 'Pixel Orchard').id}`)).body;
    expect(pixel.rightsHolder.name).toBe('8-Bit Cooperative');
    expect(pixel.upc).toBe('840211000037');
    expect(pixel.territories).toBeNull();
    const tracks = pixel.discs.flatMap((d: any) => d.tracks);
    expect(tracks.find((t: any) => t.title === 'Bonus Stage').rightsHolder.name).toBe('Bonus Round Music');
    expect(tracks.find((t: any) => t.title === 'Press Start').rightsHolder.name).toBe('8-Bit Cooperative');
    const holders = (await operator.get('/v1/operator/rights-holders')).body.items.map((h: any) => h.name);
    expect(holders).toEqual(
      expect.arrayContaining(['8-Bit Cooperative', 'Bonus Round Music', 'Maison Sinus', 'Northlight Tapes']),
    );
  });
});

describe('royalties', () => {
  it('records per track and holder the royalty on the money value of a sale spanning two lots, exactly', async () => {
    const buyer = await register();
    // Lot 1: 50,000 bytes sold for $0.0025; lot 2: 100 MB for $2.00.
    const code = await server.store.vouchers.create(50_000, undefined, { priceMicros: 2_500 });
    await buyer.post('/v1/account/vouchers', { code });
    await buyPack(buyer, '100MB');
    const tracks = pixel.discs.flatMap((d: any) => d.tracks);
    const pick = [
      tracks.find((t: any) => t.title === 'Press Start'),
      tracks.find((t: any) => t.title === 'Bonus Stage'),
    ];
    const created = await buyer.post(
      '/v1/orders',
      { albumId: pixel.id, trackIds: pick.map((t: any) => t.id), encoding: 'flac' },
      { 'idempotency-key': `o-${randomUUID()}` },
    );
    orderId = created.body.id;
    const done = await buyer.waitForOrder(orderId);
    expect(done.state).toBe('complete');
    const lines = await linesOf(orderId);
    expect(lines).toHaveLength(2);
    // Each line's revenue is exactly the money value its settle took from the lots.
    for (const line of lines) {
      const taken = (await server.store.sql.get<{ micros: number }>(
        'SELECT SUM(micros) AS micros FROM lot_moves WHERE ledger_id = ?',
        line.ledger_id,
      ))!;
      expect(line.revenue_micros).toBe(taken.micros);
      expect(line).toMatchObject({ units: 1, territory: 'DE', rate_bp: 1500, currency: 'USD' });
    }
    expect(new Set(lines.map((l) => l.rights_holder_id))).toEqual(
      new Set([await holderId('8-Bit Cooperative'), await holderId('Bonus Round Music')]),
    );
    // The whole sale: the voucher lot's $0.0025 plus 0.02 micros a byte for the rest.
    const bytes = lines.reduce((s, l) => s + l.bytes, 0);
    const revenue = lines.reduce((s, l) => s + l.revenue_micros, 0);
    expect(revenue).toBe(2_500 + Math.floor((2_000_000 * (bytes - 50_000)) / 100_000_000));
    // Per holder, what is owed is floor(15% × revenue) of all its lines so far.
    for (const total of await server.store.royalties.totals())
      expect(total.royaltyMicros).toBe(Math.floor((total.revenueMicros * 1500) / 10_000));
  });

  it('carries fractions forward: 10,000 sales of 3 micros owe exactly 15% of 30,000', async () => {
    const { sql: db, royalties } = server.store;
    const holder = await server.store.rightsHolders.create({
      name: 'Tiny Sales Ltd',
      royaltyBasisPoints: 1500,
    });
    const track = (await db.get<any>('SELECT id, album_id FROM tracks ORDER BY id DESC LIMIT 1'))!;
    await db.run('UPDATE tracks SET rights_holder_id = ? WHERE id = ?', holder.id, track.id);
    const ledgerId = (await db.get<{ id: number }>('SELECT MAX(id) AS id FROM ledger'))!.id;
    // In one transaction, as a settle records its lines (a retried transaction starts the list over).
    const owed = await db.tx(async (q) => {
      const lines: number[] = [];
      for (let i = 0; i < 10_000; i++) {
        const line = await royalties.record(q, {
          ledgerId,
          orderId: null,
          itemId: null,
          trackId: track.id,
          territory: 'FR',
          units: 1,
          bytes: 150,
          revenueMicros: 3,
          currency: 'USD',
          createdAt: new Date(clock).toISOString(),
        });
        lines.push(line!.royaltyMicros);
      }
      return lines;
    });
    // Rounded one by one, each 0.45 micro would be 0; carried, the total is exact.
    expect(owed.reduce((s, n) => s + n, 0)).toBe(4_500);
    expect(owed.slice(0, 3)).toEqual([0, 0, 1]);
    expect(Math.max(...owed)).toBe(1);
    // Every prefix owes floor(15% of its revenue).
    let sum = 0;
    owed.forEach((n, i) => {
      sum += n;
      if (i % 997 === 0) expect(sum).toBe(Math.floor(((i + 1) * 3 * 1500) / 10_000));
    });
    await db.run('UPDATE tracks SET rights_holder_id = NULL WHERE id = ?', track.id);
  });

  it('reverses a refunded item with negative lines and never edits a recorded one', async () => {
    const before = await linesOf(orderId);
    const bonusHolder = await holderId('Bonus Round Music');
    const bonus = before.find((l) => l.rights_holder_id === bonusHolder);
    const res = await operator.post(`/v1/operator/orders/${orderId}/items/${bonus.item_id}/refund`, {
      reason: 'test',
    });
    expect(res.status).toBe(200);
    expect(res.body.refundedBytes).toBe(bonus.bytes);
    const after = await linesOf(orderId);
    expect(after.slice(0, before.length)).toEqual(before);
    const reversal = after.at(-1);
    expect(reversal).toMatchObject({ units: -1, bytes: -bonus.bytes, item_id: bonus.item_id });
    expect(reversal.revenue_micros).toBe(res.body.revenueMicros);
    expect(reversal.revenue_micros).toBeLessThan(0);
    expect(reversal.royalty_micros).toBeLessThanOrEqual(0);
    const holder = (await server.store.royalties.totals()).find((t) => t.rightsHolderId === bonusHolder)!;
    expect(holder.royaltyMicros).toBe(Math.floor((holder.revenueMicros * 1500) / 10_000));
    expect(
      (await operator.post(`/v1/operator/orders/${orderId}/items/${bonus.item_id}/refund`, {})).status,
    ).toBe(409);
    // The refunded file is no longer the buyer's to download.
    const account = (await server.store.sql.get<{ account_id: number }>(
      'SELECT account_id FROM orders WHERE id = ?',
      orderId,
    ))!;
    const owner = new StoreApi(
      server.url,
      (await server.store.sessions.issue(await server.store.sessions.account(account.account_id))).token,
    );
    expect((await owner.get(`/v1/orders/${orderId}/items/${bonus.item_id}/file`)).status).toBe(410);
    await expect(server.store.sql.run('UPDATE royalty_lines SET royalty_micros = 0')).rejects.toThrow(
      /never changed/,
    );
    await expect(server.store.sql.run('DELETE FROM royalty_lines')).rejects.toThrow(/never deleted/);
    const books = await operator.get('/v1/operator/ledger-check');
    expect(books.body.problems).toEqual([]);
  });
});

describe('statements', () => {
  let march: any;

  it('refuses a period that has not ended, then issues it in CSV and DSR, immutable on reissue', async () => {
    const id = await holderId('8-Bit Cooperative');
    const early = await operator.post('/v1/operator/statements', { rightsHolderId: id, period: '2026-03' });
    expect(early.status).toBe(409);
    clock = Date.parse('2026-04-02T09:00:00Z');
    const issued = await operator.post('/v1/operator/statements', { rightsHolderId: id, period: '2026-03' });
    expect(issued.status).toBe(200);
    march = issued.body;
    expect(march).toMatchObject({ periodStart: '2026-03-01', periodEnd: '2026-04-01', rightsHolder: { id } });
    expect(march.number).toMatch(/^ST-2026-\d{6}$/);
    const line = march.lines.find((l: any) => l.title === 'Press Start');
    expect(line).toMatchObject({
      territory: 'DE',
      units: 1,
      upc: '840211000037',
      releaseTitle: 'Pixel Orchard',
    });
    expect(march.totals.royaltyMicros).toBe(
      march.lines.reduce((s: number, l: any) => s + l.royalty.micros, 0),
    );
    expect(new Set(march.lines.map((l: any) => l.lineId)).size).toBe(march.lines.length);

    const again = await operator.post('/v1/operator/statements', { rightsHolderId: id, period: '2026-03' });
    expect(again.body).toEqual(march);

    const csv = (await operator.get(`/v1/statements/${march.number}?format=csv`)).body.toString();
    const rows = csv.trim().split('\n');
    expect(rows[1]).toBe(
      'line_id,isrc,upc,release,title,artist,territory,units,mb_sold,gross_revenue,royalty,currency',
    );
    expect(rows.filter((r: string) => r.startsWith(`${march.number}-`))).toHaveLength(march.lines.length);
    expect(rows.at(-1)).toContain(`statement_total,,,,,,,${march.totals.units},`);

    const dsr = (await operator.get(`/v1/statements/${march.number}?format=dsr`)).body.toString();
    const records = dsr
      .trim()
      .split('\n')
      .map((r: string) => r.split('\t'));
    expect(records[0]![0]).toBe('HEAD');
    const foot = records.at(-1)!;
    expect(foot[0]).toBe('FOOT');
    const count = (type: string) => records.filter((r: string[]) => r[0] === type).length;
    expect(foot.slice(1).map(Number)).toEqual([
      records.length,
      count('SY01'),
      count('RE01'),
      count('AS01'),
      count('SU01'),
    ]);
    expect(count('SU01')).toBe(march.lines.length);
    // Rendered from the frozen statement: the same bytes every time.
    expect((await operator.get(`/v1/statements/${march.number}?format=dsr`)).body.toString()).toBe(dsr);
  });

  it('puts a late adjustment for a stated period into the next statement', async () => {
    const id = await holderId('8-Bit Cooperative');
    const { sql: db, royalties } = server.store;
    const track = pixel.discs[0].tracks[0];
    const ledgerId = (await db.get<{ id: number }>('SELECT MAX(id) AS id FROM ledger'))!.id;
    await db.tx((q) =>
      royalties.record(q, {
        ledgerId,
        orderId: null,
        itemId: null,
        trackId: track.id,
        territory: 'GB',
        units: 1,
        bytes: 1_000_000,
        revenueMicros: 20_000,
        currency: 'USD',
        createdAt: '2026-03-31T23:00:00.000Z',
      }),
    );
    expect(
      (await operator.post('/v1/operator/statements', { rightsHolderId: id, period: '2026-03' })).body,
    ).toEqual(march);
    clock = Date.parse('2026-05-01T00:00:01Z');
    const april = (await operator.post('/v1/operator/statements', { rightsHolderId: id, period: '2026-04' }))
      .body;
    expect(april.number).not.toBe(march.number);
    expect(april.lines).toHaveLength(1);
    expect(april.lines[0]).toMatchObject({ territory: 'GB', units: 1, revenue: { micros: 20_000 } });
  });

  it('gives each rights holder a token that reads only its own statements', async () => {
    const a = await holderId('8-Bit Cooperative');
    const b = await holderId('Bonus Round Music');
    const other = (await operator.post('/v1/operator/statements', { rightsHolderId: b, period: '2026-03' }))
      .body;
    const tokenA = (await operator.post(`/v1/operator/rights-holders/${a}/token`, {})).body.token;
    const asA = new StoreApi(server.url, tokenA);
    expect((await asA.get(`/v1/statements/${march.number}`)).status).toBe(200);
    const denied = await asA.get(`/v1/statements/${other.number}`);
    expect(denied.status).toBe(404);
    expect((await asA.get(`/v1/statements/${other.number}?format=csv`)).status).toBe(404);
    const listed = (await asA.get('/v1/statements')).body.items;
    expect(listed.every((s: any) => s.rightsHolderId === a)).toBe(true);
    expect(listed.some((s: any) => s.number === other.number)).toBe(false);
    // A listener's token and no token read nothing; the holder's token opens no operator route.
    const listener = await register();
    expect((await listener.get('/v1/statements')).status).toBe(401);
    expect((await new StoreApi(server.url).get(`/v1/statements/${march.number}`)).status).toBe(401);
    expect((await asA.get('/v1/operator/rights-holders')).status).toBe(401);
  });
});
