import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let api: StoreApi;

beforeAll(async () => {
  server = await startTestServer();
  api = new StoreApi(server.url);
});
afterAll(() => server?.dispose());

async function register(email: string): Promise<StoreApi> {
  const client = new StoreApi(server.url);
  const res = await client.post('/v1/accounts', { email, password: 'correct horse battery' });
  expect(res.status).toBe(201);
  client.token = res.body.token;
  return client;
}

describe('accounts', () => {
  it('registers, logs in, and shows an empty balance', async () => {
    const alice = await register('alice@example.com');
    const login = await new StoreApi(server.url).post('/v1/sessions', {
      email: 'ALICE@example.com',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(201);
    expect(login.body.token).toMatch(/^mdt_/);
    const account = await alice.get('/v1/account');
    expect(account.body).toMatchObject({
      email: 'alice@example.com',
      balanceBytes: 0,
      reservedBytes: 0,
      availableBytes: 0,
    });
  });

  it('stores passwords hashed with scrypt', async () => {
    const row = (await server.store.sql.get<{ password_hash: string }>(
      'SELECT password_hash FROM accounts WHERE email = ?',
      'alice@example.com',
    ))!;
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('correct horse');
  });

  it('refuses duplicate emails, weak passwords and wrong credentials', async () => {
    expect(
      (await api.post('/v1/accounts', { email: 'alice@example.com', password: 'another password' })).status,
    ).toBe(409);
    const weak = await api.post('/v1/accounts', { email: 'bob@example.com', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('VALIDATION_FAILED');
    const wrong = await api.post('/v1/sessions', { email: 'alice@example.com', password: 'nope nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits login attempts per email', async () => {
    await register('carol@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await api.post('/v1/sessions', { email: 'carol@example.com', password: `guess-${i}` })).status,
      );
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    const limited = await api.post('/v1/sessions', {
      email: 'carol@example.com',
      password: 'correct horse battery',
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('needs a valid bearer token for account data', async () => {
    expect((await new StoreApi(server.url).get('/v1/account')).status).toBe(401);
    expect((await new StoreApi(server.url, 'mdt_not-a-real-token-at-all').get('/v1/account')).status).toBe(
      401,
    );
    const odd = await new StoreApi(server.url).get('/v1/account', { authorization: 'Basic abc' });
    expect(odd.status).toBe(401);
    expect(odd.body.error.code).toBe('UNAUTHORIZED');
  });
});

describe('vouchers and the ledger', () => {
  it('credits a voucher once, and the ledger sums to the balance', async () => {
    const dave = await register('dave@example.com');
    const code = server.vouchers[0]!;
    const redeemed = await dave.post('/v1/account/vouchers', { code: code.toLowerCase() });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.creditedBytes).toBeGreaterThan(0);
    expect(redeemed.body.account.balanceBytes).toBe(redeemed.body.creditedBytes);
    const again = await dave.post('/v1/account/vouchers', { code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('VOUCHER_USED');
    const eve = await register('eve@example.com');
    expect((await eve.post('/v1/account/vouchers', { code })).status).toBe(409);
    expect((await eve.post('/v1/account/vouchers', { code: 'MD-0000-0000-0000' })).status).toBe(404);
    const ledger = await dave.get('/v1/account/ledger');
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0]).toMatchObject({
      kind: 'topup',
      amountBytes: redeemed.body.creditedBytes,
      voucher: code,
    });
    // The other account sees none of it.
    expect((await eve.get('/v1/account/ledger')).body.items).toHaveLength(0);
  });

  it('pages the ledger by cursor and hands back a cursor for what comes later', async () => {
    const frank = await register('frank@example.com');
    await frank.post('/v1/account/vouchers', { code: server.vouchers[1]! });
    await frank.post('/v1/account/vouchers', { code: server.vouchers[2]! });
    const first = await frank.get('/v1/account/ledger?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await frank.get(`/v1/account/ledger?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).toBeGreaterThan(first.body.items[0].id);
    const tail = await frank.get(`/v1/account/ledger?cursor=${second.body.nextCursor}`);
    expect(tail.body.items).toHaveLength(0);
    expect(tail.body.nextCursor).toBe(second.body.nextCursor);
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"email": "x@example.com", "password": ', 'application/json', 400, 'INVALID_JSON'],
    ['wrong types', '{"email": 42, "password": ["x"]}', 'application/json', 400, 'VALIDATION_FAILED'],
    ['not JSON at all', 'email=x', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'an oversized body',
      JSON.stringify({ email: 'x@example.com', password: 'p'.repeat(100_000) }),
      'application/json',
      413,
      'BODY_TOO_LARGE',
    ],
    ['an empty body', '', 'application/json', 400, 'INVALID_JSON'],
  ])('answers %s with a clear 4xx and changes nothing', async (_name, rawBody, type, status, code) => {
    const before = (await server.store.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))!;
    const res = await api.request('POST', '/v1/accounts', { rawBody, headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).not.toMatch(/\n\s+at /);
    const after = (await server.store.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))!;
    expect(after.n).toBe(before.n);
  });
});
