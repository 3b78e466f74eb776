import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODING_IDS } from '../../../../api/schemas/encoding-catalog.ts';
import { PriceTable } from '../../../../api/schemas/encodings.ts';
import { cp1251Bytes } from '../../../helpers/legacy-id3.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let api: StoreApi;

beforeAll(async () => {
  server = await startTestServer();
  api = new StoreApi(server.url);
});
afterAll(() => server?.dispose());

describe('catalog', () => {
  it('serves a generated OpenAPI document covering every route', async () => {
    const res = await api.get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/search',
      '/v1/albums/{id}',
      '/v1/albums/{id}/prices',
      '/v1/orders',
      '/v1/account/vouchers',
      '/v1/packs',
      '/v1/checkouts',
      '/v1/checkouts/{id}',
      '/v1/payments/webhooks/{provider}',
      '/test-provider/pay/{id}',
      '/v1/operator/payments/{id}/refund',
      '/v1/operator/reports/revenue',
      '/v1/operator/ledger-check',
      '/v1/operator/albums/{id}/territories',
      '/v1/operator/statements',
      '/v1/statements/{number}',
      '/v1/operator/orders/{id}/items/{itemId}/refund',
      '/v1/availability',
      '/v1/takedowns',
      '/v1/takedowns/{id}',
      '/v1/operator/takedowns',
      '/v1/operator/takedowns/{id}/decision',
      '/v1/operator/audit-log',
      '/v1/operator/settings',
      '/v1/operator/accounts/country',
    ]) {
      expect(res.body.paths[path], path).toBeDefined();
    }
    const order = res.body.paths['/v1/orders'].post;
    expect(order.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.required)).toBe(true);
    expect(order.responses['402']).toBeDefined();
    const co = res.body.paths['/v1/checkouts'].post;
    expect(co.parameters.some((p: any) => p.name === 'Idempotency-Key' && p.required)).toBe(true);
    expect(res.body.paths['/v1/operator/ledger-check'].get.security).toEqual([{ operator: [] }]);
    expect(res.body.paths['/v1/operator/takedowns/{id}/decision'].post.security).toEqual([{ operator: [] }]);
    // 451 (taken down, not in your territory) where a sale or a download can be refused.
    for (const [path, method] of [
      ['/v1/albums/{id}', 'get'],
      ['/v1/albums/{id}/prices', 'get'],
      ['/v1/orders', 'post'],
      ['/v1/orders/{id}/items/{itemId}/file', 'get'],
    ] as const)
      expect(res.body.paths[path][method].responses['451'], path).toBeDefined();
    const prices = res.body.paths['/v1/albums/{id}/prices'].get.parameters;
    expect(prices.some((p: any) => p.name === 'country' && p.in === 'query')).toBe(true);
    expect(res.body.components.schemas.PublicNotice).toBeDefined();
    expect(res.body.paths['/test-provider/pay/{id}'].post.requestBody.content).toHaveProperty(
      'application/x-www-form-urlencoded',
    );
    expect(res.body.components.schemas.PackTable).toBeDefined();
    // Every $ref resolves inside the document.
    const refs = JSON.stringify(res.body).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs))
      expect(res.body.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('lists genres, new releases newest first, and charts by sales', async () => {
    const genres = await api.get('/v1/genres');
    expect(genres.body.genres.length).toBeGreaterThanOrEqual(3);
    const releases = await api.get('/v1/new-releases?limit=50');
    const dates = releases.body.items.map((a: any) => a.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const charts = await api.get('/v1/charts');
    const sales = charts.body.items.map((a: any) => a.sales);
    expect(sales).toEqual([...sales].sort((a: number, b: number) => b - a));
    expect(sales[0]).toBeGreaterThan(sales.at(-1));
  });

  it('pages albums by cursor without repeats or gaps', async () => {
    const all = (await api.get('/v1/albums?sort=title&limit=100')).body.items.map((a: any) => a.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await api.get(`/v1/albums?sort=title&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: any) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('shows an album with discs, tracks, durations and covers at several sizes', async () => {
    const list = (await api.get('/v1/albums?limit=100')).body.items;
    const multiDisc = list.find((a: any) => a.discCount > 1);
    expect(multiDisc, 'the demo has a multi-disc album').toBeDefined();
    const album = (await api.get(`/v1/albums/${multiDisc.id}`)).body;
    expect(album.discs.length).toBe(album.discCount);
    expect(album.discs.flatMap((d: any) => d.tracks).length).toBe(album.trackCount);
    for (const t of album.discs[0].tracks) expect(t.durationMs).toBeGreaterThan(500);
    const sizes = Object.keys(album.cover.sizes).map(Number);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    const cover = await api.get(album.cover.sizes[String(Math.min(...sizes))]);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toBe('image/jpeg');
    expect((cover.body as Buffer).subarray(0, 2).toString('hex')).toBe('ffd8');
    const artist = (await api.get(`/v1/artists/${album.artist.id}`)).body;
    expect(artist.albums.map((a: any) => a.id)).toContain(album.id);
  });

  it('searches artists, albums and tracks, with prefixes and diacritics folded', async () => {
    const album = (await api.get('/v1/albums?limit=1')).body.items[0];
    const word = album.title.split(/\s+/)[0];
    const res = await api.get(
      `/v1/search?q=${encodeURIComponent(word.slice(0, Math.max(3, word.length - 1)))}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.albums.items.map((a: any) => a.id)).toContain(album.id);
    const folded = await api.get(
      `/v1/search?q=${encodeURIComponent(album.artist.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))}`,
    );
    expect(folded.body.artists.items.map((a: any) => a.id)).toContain(album.artist.id);
  });

  it('seeds the demo album tagged in Windows-1251 as Cyrillic, its masters still in Windows-1251', async () => {
    const TITLES = ['Жёлтые фонари', 'Вьюга', 'Последний трамвай'];
    const found = (await api.get(`/v1/search?q=${encodeURIComponent('Ночной троллейбус')}`)).body.albums
      .items;
    expect(found.map((a: any) => a.title)).toEqual(['Ночной троллейбус']);
    const album = (await api.get(`/v1/albums/${found[0].id}`)).body;
    expect(album).toMatchObject({
      title: 'Ночной троллейбус',
      artist: { name: 'Фёдор Щукин' },
      releaseDate: '1998',
      label: 'Подъём Рекордс',
      genres: ['Синти-поп', 'Электроника'],
      upc: '840211000075',
    });
    expect(album.discs.map((d: any) => d.tracks.map((t: any) => t.title))).toEqual([TITLES]);
    // Read back from the files: two WAVs with ID3v2.3 and a FLAC with ID3v1, in Windows-1251 bytes.
    const dir = join(server.dataDir, 'masters', 'demo', 'nochnoy-trolleybus');
    const masters = readdirSync(dir)
      .filter((f) => /\.(wav|flac)$/.test(f))
      .sort();
    expect(masters).toEqual(['1-01-zheltye-fonari.wav', '1-02-vyuga.wav', '1-03-posledniy-tramvay.flac']);
    masters.forEach((file, i) => {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(cp1251Bytes(TITLES[i]!)), file).toBe(true);
      expect(bytes.includes(Buffer.from(TITLES[i]!, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(TITLES[i]!, 'utf16le')), file).toBe(false);
    });
  });

  it('finds the Russian demo albums in Cyrillic, either case, with е for ё, and in any common romanization', async () => {
    const find = async (q: string) => {
      const body = (await api.get(`/v1/search?q=${encodeURIComponent(q)}`)).body;
      return {
        artists: body.artists.items.map((a: any) => a.name),
        albums: body.albums.items.map((a: any) => a.title),
        tracks: body.tracks.items.map((t: any) => t.title),
      };
    };
    for (const q of ['Фёдор Щукин', 'федор щукин', 'Щук', 'fyodor shchukin', 'Fedor Schukin', 'fjodor'])
      expect((await find(q)).artists, q).toContain('Фёдор Щукин');
    for (const q of ['ночной', 'НОЧН', 'nochnoy trolleybus', 'nochnoi trolleibus', 'trolleib'])
      expect((await find(q)).albums, q).toEqual(['Ночной троллейбус']);
    for (const q of ['жёлтые', 'желтые фонари', 'ЖЕЛТ', 'zheltye', 'zholtye fonari', 'zhyoltye'])
      expect((await find(q)).tracks, q).toEqual(['Жёлтые фонари']);
    for (const q of ['posledniy tramvay', 'poslednij tramvaj', 'poslednii tramvai'])
      expect((await find(q)).tracks, q).toEqual(['Последний трамвай']);
    for (const q of ['vyuga', 'viuga', 'vjuga']) expect((await find(q)).tracks, q).toEqual(['Вьюга']);
    for (const q of ['Ёлки', 'елки под', 'elki', 'yolki', 'jolki pod snegom'])
      expect((await find(q)).tracks, q).toEqual(['Ёлки под снегом']);
    // Typed so far, "yol" is also the prefix "el", found in «Électriques» too; the title match ranks first.
    expect((await find('yol')).tracks[0]).toBe('Ёлки под снегом');
    for (const q of ['тёплые', 'teplye sumerki', 'tyoplye', 'Tjoplye sumerki'])
      expect((await find(q)).albums, q).toEqual(['Тёплые сумерки']);
  });

  it('pages search results per kind, ranked and unranked', async () => {
    const albums = (await api.get('/v1/albums?limit=100')).body.items;
    const titles: string[] = [];
    for (const a of albums) {
      for (const d of (await api.get(`/v1/albums/${a.id}`)).body.discs)
        titles.push(...d.tracks.map((t: any) => t.title));
    }
    const count = (key: (w: string) => string, min: number) => {
      const n = new Map<string, number>();
      for (const t of titles)
        for (const w of new Set(t.toLowerCase().match(/\p{L}+/gu) ?? []))
          if (w.length >= min) n.set(key(w), (n.get(key(w)) ?? 0) + 1);
      return [...n.entries()].sort((a, b) => b[1] - a[1])[0]!;
    };
    // A two-letter prefix comes back unranked, a longer word ranked by bm25; both page the same way.
    // Track search covers album titles too, so a word of the biggest album's title matches all its tracks.
    const biggest = [...albums].sort((a: any, b: any) => b.trackCount - a.trackCount)[0];
    const word = biggest.title
      .split(/\s+/)
      .sort((a: string, b: string) => b.length - a.length)[0]
      .toLowerCase();
    for (const [q, matches] of [
      count((w) => w.slice(0, 2), 2),
      [word, biggest.trackCount] as [string, number],
    ]) {
      expect(matches, q).toBeGreaterThanOrEqual(3);
      const everything = await api.get(`/v1/search?q=${encodeURIComponent(q)}&type=track&limit=100`);
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await api.get(
          `/v1/search?q=${encodeURIComponent(q)}&type=track&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...res.body.tracks.items.map((t: any) => t.id));
        cursor = res.body.tracks.nextCursor;
      } while (cursor);
      expect(paged, q).toEqual(everything.body.tracks.items.map((t: any) => t.id));
      expect(new Set(paged).size, q).toBe(paged.length);
    }
  });

  it.each([
    '"',
    "'; DROP TABLE albums; --",
    'title:foo OR NEAR(a b)',
    '*',
    'a AND',
    ')(',
    '\u0000',
    'x'.repeat(200),
  ])('treats hostile search text %j as plain words', async (q) => {
    const res = await api.get(`/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.albums.items)).toBe(true);
    expect((await api.get('/v1/genres')).status).toBe(200);
  });

  it('rejects bad catalog input with JSON errors', async () => {
    for (const [path, status] of [
      ['/v1/search?q=', 400],
      ['/v1/search?q=x&limit=1000', 400],
      ['/v1/search?q=x&cursor=!!', 400],
      ['/v1/search?q=x&type=track&cursor=bm90LWpzb24', 400],
      ['/v1/albums/999999', 404],
      ['/v1/albums/abc', 400],
      ['/v1/artists/-1', 400],
      ['/v1/nope', 404],
    ] as const) {
      const res = await api.get(path);
      expect(res.status, path).toBe(status);
      expect(typeof res.body.error.code, path).toBe('string');
      expect(JSON.stringify(res.body), path).not.toMatch(/at \w+ \(|node_modules/);
    }
  });
});

describe('encodings and prices', () => {
  it('lists every encoding with its shape and availability', async () => {
    const res = await api.get('/v1/encodings');
    expect(res.body.encodings.map((e: any) => e.id)).toEqual([...ENCODING_IDS]);
    for (const e of res.body.encodings) {
      expect(e.available, `${e.id}: ${e.unavailableReason}`).toBe(true);
      expect(['vbr', 'cbr', 'lossless']).toContain(e.mode);
    }
  });

  it('gives a price table per encoding with estimate ranges and money', async () => {
    const album = (await api.get('/v1/albums?limit=1')).body.items[0];
    const res = await api.get(`/v1/albums/${album.id}/prices`);
    expect(res.status).toBe(200);
    const table = PriceTable.parse(res.body);
    expect(table.encodings).toHaveLength(ENCODING_IDS.length);
    for (const e of table.encodings) {
      expect(e.tracks).toHaveLength(album.trackCount);
      expect(e.lowBytes).toBeLessThanOrEqual(e.bytes);
      expect(e.bytes).toBeLessThanOrEqual(e.highBytes);
      expect(e.bytes).toBe(e.tracks.reduce((s, t) => s + t.bytes, 0));
      expect(e.price.micros).toBe(Math.ceil((e.bytes * 20_000) / 1_000_000));
    }
    const mp3 = table.encodings.find((e) => e.encoding === 'mp3-320')!;
    const mp3128 = table.encodings.find((e) => e.encoding === 'mp3-128')!;
    // 320 vs 128 kbit/s, pulled below 2.5 by the fixed per-file header overhead of these short tracks.
    expect(mp3.bytes / mp3128.bytes).toBeGreaterThan(2.2);
    expect(mp3.bytes / mp3128.bytes).toBeLessThan(2.5);
    expect(table.rate.perMb.display).toBe('$0.02');
  });

  it('prices a subset of tracks and rejects tracks from elsewhere', async () => {
    const album = (await api.get(`/v1/albums/${(await api.get('/v1/albums?limit=1')).body.items[0].id}`))
      .body;
    const ids = album.discs[0].tracks.slice(0, 2).map((t: any) => t.id);
    const res = await api.get(`/v1/albums/${album.id}/prices?trackIds=${ids.join(',')}`);
    expect(res.body.encodings[0].tracks.map((t: any) => t.trackId)).toEqual(ids);
    expect((await api.get(`/v1/albums/${album.id}/prices?trackIds=99999999`)).status).toBe(400);
    expect((await api.get(`/v1/albums/${album.id}/prices?trackIds=1;DROP`)).status).toBe(400);
  });
});
