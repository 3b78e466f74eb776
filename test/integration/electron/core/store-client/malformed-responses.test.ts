import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../../../api/routes.ts';
import { EngineEvents } from '../../../../../electron/core/events/engine-events.ts';
import { LedgerMirror } from '../../../../../electron/core/ledger/ledger-mirror.ts';
import { openProfile } from '../../../../../electron/core/profile/open-profile.ts';
import { StoreClient } from '../../../../../electron/core/store-client/store-client.ts';
import { html, json, type ScriptedServer, startScriptedServer } from '../../../../helpers/scripted-server.ts';

let server: ScriptedServer;
let client: StoreClient;
const home = mkdtempSync(join(tmpdir(), 'megadisc-client-'));

const account = {
  id: 7,
  email: 'a@b.c',
  balanceBytes: 1000,
  reservedBytes: 0,
  availableBytes: 1000,
  country: 'US',
  createdAt: '2026-11-23T10:00:00.000Z',
};
const entry = {
  id: 1,
  kind: 'topup',
  amountBytes: 1000,
  reservedDeltaBytes: 0,
  balanceAfterBytes: 1000,
  reservedAfterBytes: 0,
  orderId: null,
  itemId: null,
  voucher: 'MD-TEST',
  paymentId: null,
  paid: null,
  note: null,
  createdAt: '2026-11-23T10:00:00.000Z',
};

beforeAll(async () => {
  server = await startScriptedServer();
  client = new StoreClient({ baseUrl: server.url, token: 'mdt_test-token-123456', retryLimit: 2 });
});
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

describe('malformed store responses', () => {
  it.each([
    ['wrong types', json({ id: 'one', title: 5 }), /does not match the API/],
    ['missing fields', json({ id: 1 }), /does not match the API/],
    ['truncated JSON', json('{"id": 1, "title": "Al'), /malformed JSON/],
    ['an HTML page with 200', html(200), /malformed JSON/],
  ])('rejects %s with BAD_RESPONSE', async (_name, answer, message) => {
    server.on('/v1/albums/1', answer);
    await expect(client.call(routes.album, { params: { id: 1 } })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      message: expect.stringMatching(message),
    });
  });

  it('reports an HTML error page from a proxy clearly, after retrying', async () => {
    server.on('/v1/albums/2', html(502));
    await expect(client.call(routes.album, { params: { id: 2 } })).rejects.toMatchObject({
      code: 'STORE_ERROR',
      status: 502,
      message: expect.stringMatching(/502 with an HTML page/),
    });
    expect(server.hits('/v1/albums/2')).toBe(3);
  });

  it('honours Retry-After on a 503 and then succeeds', async () => {
    server.on(
      '/v1/encodings',
      json({ error: { code: 'BUSY', message: 'busy' } }, 503, { 'retry-after': '1' }),
      json({ encodings: [] }),
    );
    const started = Date.now();
    await expect(client.call(routes.encodings)).resolves.toEqual({ encodings: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('maps store error codes', async () => {
    server.on('/v1/albums/3', json({ error: { code: 'NOT_FOUND', message: 'album 3 not found' } }, 404));
    await expect(client.call(routes.album, { params: { id: 3 } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
    });
  });

  it('calls an unreachable store STORE_UNREACHABLE', async () => {
    const dead = new StoreClient({ baseUrl: 'http://127.0.0.1:9', token: 'mdt_x-123456789', retryLimit: 0 });
    await expect(dead.call(routes.encodings)).rejects.toMatchObject({
      code: 'STORE_UNREACHABLE',
      retryable: true,
    });
  });
});

describe('ledger mirror', () => {
  const db = openProfile(home);
  const events = new EngineEvents();
  const mirror = new LedgerMirror(db, { store: 'test', accountId: 7 }, events);

  it('mirrors entries and balance, then keeps them when the store sends garbage', async () => {
    server.on('/v1/account', json(account));
    server.on(
      '/v1/account/ledger',
      json({ items: [entry], nextCursor: 'AQ' }),
      json({ items: [], nextCursor: 'AQ' }),
    );
    const view = await mirror.sync(client);
    expect(view).toMatchObject({ balanceBytes: 1000, availableBytes: 1000, offline: false, mismatch: null });

    server.on('/v1/account', json({ ...account, balanceBytes: 'lots' }));
    await expect(mirror.sync(client)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    expect(mirror.view()).toMatchObject({ balanceBytes: 1000, asOf: view.asOf });
    expect(mirror.entries()).toHaveLength(1);
  });

  it('shows the stored balance, marked offline, when the store is unreachable', async () => {
    const offline = await mirror.sync(
      new StoreClient({ baseUrl: 'http://127.0.0.1:9', token: 'mdt_x-123456789', retryLimit: 0 }),
    );
    expect(offline).toMatchObject({ balanceBytes: 1000, offline: true });
  });

  it('reports entries that do not sum to the balance and overwrites nothing', async () => {
    const mismatches: string[] = [];
    events.on('ledger-mismatch', (e) => mismatches.push(e.message));
    server.on('/v1/account', json({ ...account, balanceBytes: 1500, availableBytes: 1500 }));
    server.on('/v1/account/ledger', json({ items: [], nextCursor: 'AQ' }));
    const view = await mirror.sync(client);
    expect(view.mismatch).toMatch(/sum to 1000 .* store reports 1500/);
    expect(mismatches).toHaveLength(1);
    expect(mirror.entries().map((e) => e.amountBytes)).toEqual([1000]);
  });
});
