// The album page's availability from the store's two answers (the album route and /v1/availability),
// including a store that has no availability route yet, or answers the two differently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoreAlbum } from '../../../../../electron/core/availability/store-album.ts';
import { StoreClient } from '../../../../../electron/core/store-client/store-client.ts';
import { json, type ScriptedServer, startScriptedServer } from '../../../../helpers/scripted-server.ts';

let server: ScriptedServer;
let client: StoreClient;

const album = {
  id: 7,
  title: 'Seven',
  artist: { id: 1, name: 'Someone' },
  releaseDate: '2026-01-01',
  year: 2026,
  label: null,
  genres: [],
  trackCount: 0,
  discCount: 1,
  durationMs: 0,
  cover: null,
  sales: 0,
  discs: [],
  rightsHolder: null,
  upc: null,
  territories: ['DE'],
};
const takenDown = json({ error: { code: 'TAKEN_DOWN', message: 'gone since Monday' } }, 451, {
  link: '</v1/takedowns/TD-ABCDEFGHJK>; rel="blocked-by"',
});
const available = (state: string, extra: Record<string, unknown> = {}) =>
  json({ items: [{ albumId: 7, state, reason: null, noticeId: null, redownload: true, ...extra }] });

beforeAll(async () => {
  server = await startScriptedServer();
  client = new StoreClient({ baseUrl: server.url, retryLimit: 0 });
});
afterAll(() => server?.close());

describe('loadStoreAlbum', () => {
  it('reads a taken-down album from availability, with the store’s blocked-by link', async () => {
    server.on('/v1/albums/7', takenDown);
    server.on(
      '/v1/availability',
      available('taken_down', {
        reason: 'taken down after TD-ABCDEFGHJK',
        noticeId: 'TD-ABCDEFGHJK',
        redownload: false,
      }),
    );
    expect(await loadStoreAlbum(client, 7)).toEqual({
      album: null,
      availability: {
        state: 'taken_down',
        reason: 'taken down after TD-ABCDEFGHJK',
        noticeUrl: `${server.url}/v1/takedowns/TD-ABCDEFGHJK`,
        redownload: false,
      },
    });
  });

  it('falls back on the album’s own answer when the store has no availability route', async () => {
    server.on('/v1/albums/7', takenDown);
    server.on('/v1/availability', json({ error: { code: 'NOT_FOUND', message: 'no route' } }, 404));
    expect((await loadStoreAlbum(client, 7)).availability).toEqual({
      state: 'taken_down',
      reason: 'gone since Monday (TAKEN_DOWN)',
      noticeUrl: `${server.url}/v1/takedowns/TD-ABCDEFGHJK`,
      redownload: true,
    });
    server.on('/v1/albums/7', json(album));
    expect(await loadStoreAlbum(client, 7)).toEqual({
      album,
      availability: { state: 'on_sale', reason: null, noticeUrl: null, redownload: true },
    });
  });

  it('keeps the album page of one not sold in this country', async () => {
    server.on('/v1/albums/7', json(album));
    server.on('/v1/availability', available('not_in_territory', { reason: 'only in DE' }));
    expect(await loadStoreAlbum(client, 7)).toEqual({
      album,
      availability: { state: 'not_in_territory', reason: 'only in DE', noticeUrl: null, redownload: true },
    });
  });

  it('trusts the refusal when the two answers disagree', async () => {
    server.on('/v1/albums/7', takenDown);
    server.on('/v1/availability', available('on_sale'));
    expect((await loadStoreAlbum(client, 7)).availability.state).toBe('taken_down');
  });

  it('passes on other failures of the album route', async () => {
    server.on('/v1/albums/7', json({ error: { code: 'NOT_FOUND', message: 'album 7 not found' } }, 404));
    server.on('/v1/availability', json({ items: [] }));
    await expect(loadStoreAlbum(client, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
