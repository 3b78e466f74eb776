import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ tools: { mpcenc: '/nonexistent/mpcenc', lame: '/nonexistent/lame' } });
});
afterAll(() => server?.dispose());

describe('a store without some encoders', () => {
  it('lists those encodings as unavailable, with the reason', async () => {
    const { body } = await new StoreApi(server.url).get('/v1/encodings');
    const byId = new Map(body.encodings.map((e: any) => [e.id, e]));
    for (const id of ['mpc-standard', 'mp3-v0', 'mp3-128']) {
      expect((byId.get(id) as any).available).toBe(false);
      expect((byId.get(id) as any).unavailableReason).toMatch(/not found|mpcenc|lame/);
    }
    expect((byId.get('flac') as any).available).toBe(true);
  });

  it("says why in the reader's language: Russian names the tool the store cannot run", async () => {
    const russian = { 'accept-language': 'ru' };
    const res = await new StoreApi(server.url).get('/v1/encodings', russian);
    expect(res.headers.get('content-language')).toBe('ru');
    const byId = new Map(res.body.encodings.map((e: any) => [e.id, e]));
    expect((byId.get('mpc-standard') as any).unavailableReason).toBe(
      'магазин сейчас не может запустить mpcenc',
    );
    expect((byId.get('mp3-v0') as any).unavailableReason).toBe('магазин сейчас не может запустить lame');
    expect((byId.get('flac') as any).unavailableReason).toBeNull();
    const api = await new StoreApi(server.url).login();
    const album = (await api.get('/v1/albums?limit=1')).body.items[0];
    const prices = (await api.get(`/v1/albums/${album.id}/prices`, russian)).body;
    const mpc = prices.encodings.find((e: any) => e.encoding === 'mpc-standard');
    expect(mpc.unavailableReason).toBe('магазин сейчас не может запустить mpcenc');
  });

  it('refuses to order them and moves no money', async () => {
    const api = await new StoreApi(server.url).login();
    const album = (await api.get('/v1/albums?limit=1')).body.items[0];
    const res = await api.post(
      '/v1/orders',
      { albumId: album.id, encoding: 'mpc-standard' },
      { 'idempotency-key': 'no-mpc-00001' },
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ENCODING_UNAVAILABLE');
    const { entries } = await expectLedgerBalances(api);
    expect(entries.filter((e) => e.kind === 'reserve')).toHaveLength(0);
    const prices = (await api.get(`/v1/albums/${album.id}/prices`)).body;
    expect(prices.encodings.find((e: any) => e.encoding === 'mpc-standard').available).toBe(false);
  });
});
