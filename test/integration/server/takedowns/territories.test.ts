// Territories against the real store on loopback: a release licensed only in Germany is shown to
// everyone but priced and sold only to buyers there; orders record the buyer's country.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let operator: StoreApi;
let anyone: StoreApi;
let german: any;
let worldwide: any;

beforeAll(async () => {
  server = await startTestServer();
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
  anyone = new StoreApi(server.url);
  [german, worldwide] = (await anyone.get('/v1/albums?sort=title&limit=2')).body.items;
  // The operator licenses the first release in Germany only.
  const set = await operator.post(`/v1/operator/albums/${german.id}/territories`, { territories: ['de'] });
  if (set.status !== 200) throw new Error(`territories: ${set.status} ${JSON.stringify(set.body)}`);
});
afterAll(() => server?.dispose());

/** A new account in `country` (none: the default, US), with a voucher's megabytes to spend. */
async function buyer(country?: string): Promise<StoreApi & { email: string }> {
  const email = `t-${randomUUID()}@example.com`;
  const api = new StoreApi(server.url) as StoreApi & { email: string };
  const res = await api.post('/v1/accounts', {
    email,
    password: 'correct horse',
    ...(country ? { country } : {}),
  });
  expect(res.status).toBe(201);
  api.token = res.body.token;
  api.email = email;
  const code = await server.store.vouchers.create(200_000_000);
  expect((await api.post('/v1/account/vouchers', { code })).status).toBe(200);
  return api;
}

const order = (api: StoreApi, albumId: number) =>
  api.post('/v1/orders', { albumId, encoding: 'opus-160' }, { 'idempotency-key': `terr-${randomUUID()}` });
const territoryOf = async (orderId: string) =>
  (await server.store.sql.get<{ territory: string }>('SELECT territory FROM orders WHERE id = ?', orderId))!
    .territory;

function expectNotInTerritory(res: any, country: string | null) {
  expect(res.status).toBe(451);
  expect(res.body.error.code).toBe('NOT_IN_TERRITORY');
  expect(res.body.error.message).toContain('licensed for sale only in DE');
  const query = `ids=${german.id}${country ? `&country=${country}` : ''}`;
  expect(res.headers.get('link')).toBe(`<${server.url}/v1/availability?${query}>; rel="blocked-by"`);
}

describe('a release licensed for [DE]', () => {
  it('is shown to a US account but not priced or sold to it; availability says why', async () => {
    const us = await buyer();
    expect((await us.get('/v1/account')).body.country).toBe('US');
    const page = await us.get(`/v1/albums/${german.id}`);
    expect(page.status).toBe(200);
    expect(page.body.territories).toEqual(['DE']);
    const prices = await us.get(`/v1/albums/${german.id}/prices`);
    expectNotInTerritory(prices, 'US');
    expect(prices.body.error.message).toContain("your account's country is US");
    const before = (await us.get('/v1/account')).body;
    expectNotInTerritory(await order(us, german.id), 'US');
    expect((await us.get('/v1/account')).body).toEqual(before);
    const availability = await us.get(`/v1/availability?ids=${german.id},${worldwide.id}`);
    expect(availability.body.items).toEqual([
      {
        albumId: german.id,
        state: 'not_in_territory',
        reason: expect.stringContaining('only in DE'),
        noticeId: null,
        redownload: true,
      },
      { albumId: worldwide.id, state: 'on_sale', reason: null, noticeId: null, redownload: true },
    ]);
    const russian = await us.get(`/v1/availability?ids=${german.id}`, {
      'accept-language': 'ru-RU,ru;q=0.9',
    });
    expect(russian.body.items[0].reason).toMatch(/Германи/);
    expect(russian.body.items[0].reason).toMatch(/США|Соединенные Штаты|Соединённые Штаты/);
    // Elsewhere in the catalog nothing changes for it; the order records where it was bought.
    const elsewhere = await order(us, worldwide.id);
    expect(elsewhere.status).toBe(201);
    expect(await territoryOf(elsewhere.body.id)).toBe('US');
    // Nor does a signed-in account get to claim another country.
    expectNotInTerritory(await us.get(`/v1/albums/${german.id}/prices?country=DE`), 'US');
    await us.waitForOrder(elsewhere.body.id);
  });

  it('is priced and sold to a DE account, and the order records DE', async () => {
    const de = await buyer('de');
    expect((await de.get('/v1/account')).body.country).toBe('DE');
    expect((await de.get(`/v1/albums/${german.id}/prices`)).status).toBe(200);
    const created = await order(de, german.id);
    expect(created.status).toBe(201);
    expect(await territoryOf(created.body.id)).toBe('DE');
    expect((await de.get(`/v1/availability?ids=${german.id}`)).body.items[0].state).toBe('on_sale');
    const done = await de.waitForOrder(created.body.id);
    expect(done.state).toBe('complete');
  });

  it('needs ?country= for anonymous prices, and availability takes it too', async () => {
    expectNotInTerritory(await anyone.get(`/v1/albums/${german.id}/prices`), null);
    expect((await anyone.get(`/v1/albums/${german.id}/prices?country=de`)).status).toBe(200);
    expectNotInTerritory(await anyone.get(`/v1/albums/${german.id}/prices?country=FR`), 'FR');
    expect((await anyone.get(`/v1/albums/${worldwide.id}/prices`)).status).toBe(200);
    const state = async (query: string) =>
      (await anyone.get(`/v1/availability?ids=${german.id}${query}`)).body.items[0].state;
    expect(await state('')).toBe('not_in_territory');
    expect(await state('&country=DE')).toBe('on_sale');
    expect(await state('&country=FR')).toBe('not_in_territory');
    expect((await anyone.get('/v1/availability?ids=1&country=Germany')).status).toBe(400);
  });
});

describe('account countries', () => {
  it('are changed by the operator, audited, and count from the next request', async () => {
    const moving = await buyer();
    expect((await moving.get(`/v1/albums/${german.id}/prices`)).status).toBe(451);
    const moved = await operator.post('/v1/operator/accounts/country', {
      email: moving.email,
      country: 'de',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ email: moving.email, country: 'DE' });
    expect((await moving.get('/v1/account')).body.country).toBe('DE');
    expect((await moving.get(`/v1/albums/${german.id}/prices`)).status).toBe(200);
    const log = (await operator.get('/v1/operator/audit-log')).body.items;
    expect(log[0]).toMatchObject({
      actor: 'operator',
      action: 'account.country',
      subject: `account:${moving.email}`,
      detail: 'US -> DE',
    });
    const nobody = await operator.post('/v1/operator/accounts/country', {
      email: 'nobody@example.com',
      country: 'DE',
    });
    expect(nobody.status).toBe(404);
    expect(
      (await moving.post('/v1/operator/accounts/country', { email: moving.email, country: 'US' })).status,
    ).toBe(401);
  });
});
