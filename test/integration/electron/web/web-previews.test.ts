// Web mode proxies store previews to the UI's <audio>: token checked, Range and ETag passed through,
// the store's refusals kept as statuses with codes. The real core proxy against a real store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../electron/core/app/app-host.ts';
import { fetchPreview } from '../../../../electron/core/media/preview-proxy.ts';
import { StoreClient } from '../../../../electron/core/store-client/store-client.ts';
import { holdPort } from '../../../helpers/ports.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { takeDown } from '../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { request } from './http-request.ts';

let server: TestServer;
let h: FakeHost;
let trackId: number;
let downTrackId: number;
let storeBytes: Buffer;
let storeUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  storeUrl = server.url;
  const anyone = new StoreApi(server.url);
  const [album, down] = (await anyone.get('/v1/albums?sort=title&limit=2')).body.items;
  trackId = (await anyone.get(`/v1/albums/${album.id}`)).body.discs[0].tracks[0].id;
  downTrackId = (await anyone.get(`/v1/albums/${down.id}`)).body.discs[0].tracks[0].id;
  await takeDown(server.url, await server.store.operatorToken.issue(), [{ type: 'album', id: down.id }]);
  storeBytes = (await anyone.get(`/v1/tracks/${trackId}/preview`)).body;
  const account = await new StoreApi(server.url).register();
  h = await startFakeHost();
  // The fake service, with the real core proxy behind preview, signed in as that account.
  (h.service as { preview: AppService['preview'] }).preview = (id, req) =>
    fetchPreview(async () => new StoreClient({ baseUrl: storeUrl, token: account.token! }), id, req);
});
afterAll(async () => {
  await h?.dispose();
  await server?.dispose();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  request(h.port, path, { headers: { ...h.cookie, ...headers } });

describe('GET /previews/:trackId in web mode', () => {
  it('needs the access token', async () => {
    expect((await request(h.port, `/previews/${trackId}`)).status).toBe(401);
    const wrong = await request(h.port, `/previews/${trackId}`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('streams the store preview with its type, length and ETag', async () => {
    const res = await get(`/previews/${trackId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('audio/ogg');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers.etag).toMatch(/^"/);
    expect(res.headers['content-length']).toBe(String(storeBytes.length));
    expect(res.body.equals(storeBytes)).toBe(true);
  });

  it('passes Range through: 206 with exactly those bytes, 416 past the end', async () => {
    const part = await get(`/previews/${trackId}`, { Range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${storeBytes.length}`);
    expect(part.body.equals(storeBytes.subarray(100, 200))).toBe(true);
    const past = await get(`/previews/${trackId}`, { Range: `bytes=${storeBytes.length}-` });
    expect(past.status).toBe(416);
  });

  it("keeps the store's refusals as statuses with codes, and says when the store is out of reach", async () => {
    const down = await get(`/previews/${downTrackId}`);
    expect(down.status).toBe(451);
    expect(down.json().error.code).toBe('TAKEN_DOWN');
    expect((await get('/previews/0')).status).toBe(404);
    expect((await get('/previews/12abc')).status).toBe(404);
    const saved = storeUrl;
    const closed = await holdPort();
    await closed.release(); // nothing listens there now: connections are refused
    storeUrl = closed.url;
    try {
      const offline = await get(`/previews/${trackId}`);
      expect(offline.status).toBe(502);
      expect(offline.json().error.code).toBe('STORE_UNREACHABLE');
    } finally {
      storeUrl = saved;
    }
  });
});
