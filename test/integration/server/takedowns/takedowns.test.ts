// Takedown notices against the real store on loopback: filing (and what an incomplete notice is
// told), the operator's decision, what leaves sale and what 451 says, orders in flight, re-downloads,
// counter-notices, the append-only audit log and the operator's auth.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerBalances } from '../../../helpers/ledger-checks.ts';
import { queryPlanOf, statementsRun } from '../../../helpers/query-plan.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { onPostgres, startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let operator: StoreApi;
let demo: StoreApi;
let anyone: StoreApi;
/** The demo albums by title: [0] notice and counter, [1] order in flight, [2] one track, [3] every track, [4] rejected. */
let albums: any[];

beforeAll(async () => {
  server = await startTestServer();
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
  demo = await new StoreApi(server.url).login();
  anyone = new StoreApi(server.url);
  albums = (await anyone.get('/v1/albums?sort=title&limit=100')).body.items;
  expect(albums.length).toBeGreaterThanOrEqual(5);
});
afterAll(() => server?.dispose());

type Work = { type: 'album' | 'track'; id: number };

function notice(works: Work[], extra: Record<string, unknown> = {}) {
  return {
    claimant: { name: 'Ada Claimant', email: 'ada@example.com', address: '1 Rights Row, Springfield' },
    onBehalfOf: 'Example Records Ltd',
    works,
    basis: 'We hold the exclusive rights to these recordings and did not license this store.',
    goodFaith: true,
    accurate: true,
    signature: 'Ada Claimant',
    ...extra,
  };
}

async function fileApproved(works: Work[], extra: Record<string, unknown> = {}): Promise<string> {
  const filed = await anyone.post('/v1/takedowns', notice(works, extra));
  expect(filed.status).toBe(201);
  const decided = await operator.post(`/v1/operator/takedowns/${filed.body.receiptId}/decision`, {
    decision: 'approve',
    by: 'Legal Desk',
  });
  expect(decided.status).toBe(200);
  return filed.body.receiptId;
}

const ids = (page: any) => page.items.map((a: any) => a.id);
const order = (api: StoreApi, body: unknown, key = `td-${randomUUID()}`) =>
  api.post('/v1/orders', body, { 'idempotency-key': key });

function expectBlocked(res: any, code: string, noticeId: string) {
  expect(res.status).toBe(451);
  expect(res.body.error.code).toBe(code);
  expect(res.headers.get('link')).toBe(`<${server.url}/v1/takedowns/${noticeId}>; rel="blocked-by"`);
}

async function listed(albumId: number): Promise<Record<string, boolean>> {
  const album = albums.find((a) => a.id === albumId);
  const search = (await anyone.get(`/v1/search?q=${encodeURIComponent(album.title)}&limit=50`)).body;
  const genres = (await anyone.get('/v1/genres')).body.genres;
  const genre = genres.find((g: any) => g.name === album.genres[0] || g.slug === album.genres[0]);
  const inGenre = (await anyone.get(`/v1/albums?genre=${genre.slug}&limit=100`)).body.items;
  return {
    browse: ids((await anyone.get('/v1/albums?sort=title&limit=100')).body).includes(albumId),
    newReleases: ids((await anyone.get('/v1/new-releases?limit=100')).body).includes(albumId),
    charts: ids((await anyone.get('/v1/charts?limit=100')).body).includes(albumId),
    artist: (await anyone.get(`/v1/artists/${album.artist.id}`)).body.albums.some(
      (a: any) => a.id === albumId,
    ),
    genre: ids({ items: inGenre }).includes(albumId),
    genreCount: genre.albumCount === inGenre.length,
    searchAlbums: ids(search.albums).includes(albumId),
    searchTracks: search.tracks.items.some((t: any) => t.albumId === albumId),
  };
}

describe('filing a notice', () => {
  it('names every missing field of an incomplete notice, and files nothing', async () => {
    const before = (await operator.get('/v1/operator/takedowns')).body.items.length;
    const res = await anyone.post('/v1/takedowns', {
      claimant: { name: 'Ada', email: 'not-an-email' },
      works: [{ type: 'album', id: albums[0].id }],
      basis: 'We own it, see our catalogue.',
      accurate: true,
      goodFaith: false,
      signature: 'Ada',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('NOTICE_INCOMPLETE');
    expect(res.body.error.message).toContain('missing: claimant.address, onBehalfOf, goodFaith');
    expect(res.body.error.message).toContain('invalid: claimant.email');
    const empty = await anyone.post('/v1/takedowns', {});
    expect(empty.body.error.message).toContain(
      'missing: claimant.name, claimant.email, claimant.address, onBehalfOf, basis, works, goodFaith, accurate, signature',
    );
    expect(empty.body.error.message).not.toContain('invalid');
    const counter = await anyone.post('/v1/takedowns', { ...notice([]), kind: 'counter' });
    expect(counter.body.error.message).toMatch(/missing: refersTo, works/);
    expect((await operator.get('/v1/operator/takedowns')).body.items).toHaveLength(before);
  });

  it('refuses works the store does not have, and a counter-notice to a notice not approved', async () => {
    const unknown = await anyone.post('/v1/takedowns', notice([{ type: 'track', id: 999_999 }]));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('track 999999');
    const pending = await anyone.post('/v1/takedowns', notice([{ type: 'album', id: albums[4].id }]));
    expect(pending.status).toBe(201);
    const early = await anyone.post(
      '/v1/takedowns',
      notice([{ type: 'album', id: albums[4].id }], { kind: 'counter', refersTo: pending.body.receiptId }),
    );
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/received notice; a counter-notice answers an approved notice/);
    const nowhere = await anyone.post(
      '/v1/takedowns',
      notice([{ type: 'album', id: albums[4].id }], { kind: 'counter', refersTo: 'TD-AAAAAAAAAAAA' }),
    );
    expect(nowhere.status).toBe(404);
  });
});

describe('an approved notice', () => {
  let noticeId: string;

  it('gives a receipt and a public page without the claimant’s contact details', async () => {
    const target = albums[0];
    expect(Object.values(await listed(target.id)).every(Boolean)).toBe(true);
    const filed = await anyone.post('/v1/takedowns', notice([{ type: 'album', id: target.id }]));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'notice', state: 'received' });
    expect(filed.body.receiptId).toMatch(/^TD-[A-Z2-7]{12}$/);
    noticeId = filed.body.receiptId;
    const view = await anyone.get(`/v1/takedowns/${noticeId}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      id: noticeId,
      kind: 'notice',
      state: 'received',
      onBehalfOf: 'Example Records Ltd',
      works: [{ type: 'album', id: target.id }],
      receivedAt: filed.body.receivedAt,
      decidedAt: null,
    });
    expect(JSON.stringify(view.body)).not.toContain('Rights Row');
    // Filed is not decided: still on sale.
    expect((await anyone.get(`/v1/albums/${target.id}`)).status).toBe(200);
  });

  it('takes the album off browse, new releases, charts, the artist page, genres and search at once', async () => {
    const target = albums[0];
    const decided = await operator.post(`/v1/operator/takedowns/${noticeId}/decision`, {
      decision: 'approve',
      note: 'rights confirmed',
      by: 'Legal Desk',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      state: 'approved',
      decidedBy: 'Legal Desk',
      decisionNote: 'rights confirmed',
      body: { claimant: { address: '1 Rights Row, Springfield' } },
    });
    expect(await listed(target.id)).toEqual({
      browse: false,
      newReleases: false,
      charts: false,
      artist: false,
      genre: false,
      genreCount: true, // the genre's count still matches what browsing it shows
      searchAlbums: false,
      searchTracks: false,
    });
    const again = await operator.post(`/v1/operator/takedowns/${noticeId}/decision`, {
      decision: 'reject',
      by: 'Someone Else',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DECIDED');
  });

  it('answers 451 with a blocked-by link for the album page, its prices and a new order', async () => {
    const target = albums[0];
    const page = await anyone.get(`/v1/albums/${target.id}`);
    expectBlocked(page, 'TAKEN_DOWN', noticeId);
    expect(page.body.error.message).toContain(`"${target.title}" by ${target.artist.name} is no longer sold`);
    expect(page.body.error.message).toContain(`on behalf of Example Records Ltd (${noticeId})`);
    expectBlocked(await demo.get(`/v1/albums/${target.id}/prices`), 'TAKEN_DOWN', noticeId);
    const before = (await demo.get('/v1/account')).body;
    const key = `td-${randomUUID()}`;
    expectBlocked(await order(demo, { albumId: target.id, encoding: 'mp3-v0' }, key), 'TAKEN_DOWN', noticeId);
    expect((await demo.get('/v1/account')).body).toEqual(before);
    const availability = await anyone.get(`/v1/availability?ids=${target.id},${albums[4].id},999999`);
    expect(availability.body.items).toEqual([
      {
        albumId: target.id,
        state: 'taken_down',
        reason: expect.stringContaining(noticeId),
        noticeId,
        redownload: true,
      },
      { albumId: albums[4].id, state: 'on_sale', reason: null, noticeId: null, redownload: true },
    ]);
    // Why is read by a person: in Russian when asked in Russian, naming the release and the claimant.
    const russian = await anyone.get(`/v1/availability?ids=${target.id}`, { 'accept-language': 'ru' });
    expect(russian.headers.get('content-language')).toBe('ru');
    expect(russian.body.items[0].reason).toContain(`«${target.title}»`);
    expect(russian.body.items[0].reason).toContain('Example Records Ltd');
    expect(russian.body.items[0].reason).not.toContain('no longer sold');
  });

  // SQLite's query plan: PostgreSQL plans differently (and by its statistics), so this one is SQLite's alone.
  it.skipIf(onPostgres)(
    'keeps browsing on its sort index: the works off sale are read once, through the partial indexes',
    async () => {
      const [sql] = await statementsRun(server.store.sql, () =>
        server.store.catalog.listAlbums({ sort: 'new', limit: 20 }),
      );
      const plan = (await queryPlanOf(server.store.sql, sql!)).join('\n');
      expect(plan).toMatch(/SCAN a USING (COVERING )?INDEX albums_by_release/);
      // An uncorrelated list, computed once per statement, not a probe per album.
      expect(plan).toMatch(/LIST SUBQUERY/);
      expect(plan).not.toMatch(/CORRELATED SCALAR SUBQUERY \d+\n.*takedowns/);
      expect(plan).toMatch(/SEARCH takedowns USING INDEX takedowns_active_albums/);
      expect(plan).toMatch(/SEARCH td USING INDEX takedowns_active_tracks/);
      expect(plan).not.toMatch(/SCAN (td|takedowns)\b/);
    },
  );

  it('lets an order already being encoded finish, charged once, and its owner download it again', async () => {
    const target = albums[1];
    const transcoder = server.store.transcoder as any;
    const ensure = transcoder.ensure.bind(transcoder);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    transcoder.ensure = async (...args: unknown[]) => {
      await gate;
      return ensure(...args);
    };
    let created: any;
    let noticeId: string;
    const before = (await demo.get('/v1/account')).body;
    try {
      created = await order(demo, { albumId: target.id, encoding: 'opus-160' });
      expect(created.status).toBe(201);
      for (;;) {
        const o = (await demo.get(`/v1/orders/${created.body.id}`)).body;
        if (o.items.every((i: any) => i.state === 'encoding')) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      noticeId = await fileApproved([{ type: 'album', id: target.id }]);
      expect((await anyone.get(`/v1/albums/${target.id}`)).status).toBe(451);
    } finally {
      release();
      delete transcoder.ensure;
    }
    const done = await demo.waitForOrder(created.body.id);
    expect(done.state).toBe('complete');
    const { entries, account } = await expectLedgerBalances(demo);
    const mine = entries.filter((e) => e.orderId === created.body.id);
    expect(mine.filter((e) => e.kind === 'reserve')).toHaveLength(1);
    expect(mine.filter((e) => e.kind === 'settle')).toHaveLength(done.items.length);
    expect(account.balanceBytes).toBe(before.balanceBytes - done.chargedBytes);
    expect(account.reservedBytes).toBe(0);

    const item = done.items[0];
    const again = await demo.get(item.download.url);
    expect(again.status).toBe(200);
    expect(again.body.length).toBe(item.bytes);

    // The operator withdraws re-downloads of taken-down works: the owner's copy is refused too.
    const on = await operator.post('/v1/operator/settings', { withdrawRedownloads: true });
    expect(on.body).toEqual({ withdrawRedownloads: true });
    try {
      const withdrawn = await demo.get(item.download.url);
      expectBlocked(withdrawn, 'REDOWNLOAD_WITHDRAWN', noticeId!);
      expect(withdrawn.headers.get('etag')).toBeNull();
      expectBlocked(await anyone.get(item.download.signedUrl), 'REDOWNLOAD_WITHDRAWN', noticeId!);
      const availability = (await demo.get(`/v1/availability?ids=${target.id}`)).body.items[0];
      expect(availability).toMatchObject({ state: 'taken_down', noticeId, redownload: false });
      // Works on sale are not affected.
      const other = await order(demo, { albumId: albums[4].id, encoding: 'opus-160' });
      const otherDone = await demo.waitForOrder(other.body.id);
      expect((await demo.get(otherDone.items[0].download.url)).status).toBe(200);
    } finally {
      await operator.post('/v1/operator/settings', { withdrawRedownloads: false });
    }
    expect((await demo.get(item.download.url)).status).toBe(200);
  });

  it('is lifted by an approved counter-notice: the album is back everywhere', async () => {
    const target = albums[0];
    const counter = await anyone.post(
      '/v1/takedowns',
      notice([{ type: 'album', id: target.id }], {
        kind: 'counter',
        refersTo: noticeId,
        claimant: { name: 'Bo Artist', email: 'bo@example.com', address: '2 Studio Lane' },
        onBehalfOf: 'Bo Artist',
        basis: 'I wrote and recorded these songs and never assigned the rights.',
        signature: 'Bo Artist',
      }),
    );
    expect(counter.status).toBe(201);
    expect(counter.body.kind).toBe('counter');
    const counterId = counter.body.receiptId;
    // Not yet decided: still down.
    expect((await anyone.get(`/v1/albums/${target.id}`)).status).toBe(451);
    const decided = await operator.post(`/v1/operator/takedowns/${counterId}/decision`, {
      decision: 'approve',
      by: 'Legal Desk',
    });
    expect(decided.body).toMatchObject({ kind: 'counter', state: 'approved', refersTo: noticeId });
    expect(Object.values(await listed(target.id)).every(Boolean)).toBe(true);
    expect((await anyone.get(`/v1/albums/${target.id}`)).status).toBe(200);
    expect((await demo.get(`/v1/albums/${target.id}/prices`)).status).toBe(200);
    const row = await server.store.sql.get<any>(
      'SELECT lifted_at, lifted_by_notice FROM takedowns WHERE notice_id = ?',
      noticeId,
    );
    expect(row).toEqual({ lifted_at: decided.body.decidedAt, lifted_by_notice: counterId });
    expect((await anyone.get(`/v1/availability?ids=${target.id}`)).body.items[0].state).toBe('on_sale');
  });
});

describe('a track-level takedown', () => {
  it('leaves the track out of prices and album orders, and answers 451 when it is asked for by id', async () => {
    const album = (await anyone.get(`/v1/albums/${albums[2].id}`)).body;
    const tracks = album.discs.flatMap((d: any) => d.tracks.map((t: any) => t.id));
    expect(tracks.length).toBeGreaterThanOrEqual(2);
    const [gone, kept] = tracks;
    const noticeId = await fileApproved([{ type: 'track', id: gone }]);
    // The album stays on sale, without that track, which its page still lists, marked withdrawn.
    const page = await anyone.get(`/v1/albums/${album.id}`);
    expect(page.status).toBe(200);
    const listed = page.body.discs.flatMap((d: any) => d.tracks);
    expect(listed.map((t: any) => t.id)).toEqual(tracks);
    expect(listed.filter((t: any) => t.withdrawn).map((t: any) => t.id)).toEqual([gone]);
    expect(album.discs.flatMap((d: any) => d.tracks).some((t: any) => 'withdrawn' in t)).toBe(false);
    expect(ids((await anyone.get('/v1/albums?sort=title&limit=100')).body)).toContain(album.id);
    const prices = (await demo.get(`/v1/albums/${album.id}/prices`)).body.encodings[0];
    expect(prices.tracks.map((t: any) => t.trackId)).toEqual(tracks.slice(1));
    expectBlocked(
      await demo.get(`/v1/albums/${album.id}/prices?trackIds=${gone},${kept}`),
      'TAKEN_DOWN',
      noticeId,
    );
    expectBlocked(
      await order(demo, { albumId: album.id, trackIds: [gone], encoding: 'opus-160' }),
      'TAKEN_DOWN',
      noticeId,
    );
    const whole = await order(demo, { albumId: album.id, encoding: 'opus-160' });
    expect(whole.status).toBe(201);
    expect(whole.body.items.map((i: any) => i.trackId)).toEqual(tracks.slice(1));
    const title = album.discs[0].tracks[0].title;
    const found = (await anyone.get(`/v1/search?type=track&q=${encodeURIComponent(title)}&limit=50`)).body;
    expect(found.tracks.items.map((t: any) => t.id)).not.toContain(gone);
    await demo.waitForOrder(whole.body.id);
  });

  it('takes the whole album off sale when every one of its tracks is taken down', async () => {
    const album = (await anyone.get(`/v1/albums/${albums[3].id}`)).body;
    const tracks = album.discs.flatMap((d: any) => d.tracks.map((t: any) => ({ type: 'track', id: t.id })));
    const noticeId = await fileApproved(tracks.slice(0, -1));
    expect((await anyone.get(`/v1/albums/${album.id}`)).status).toBe(200);
    const last = await fileApproved(tracks.slice(-1));
    expect(noticeId).not.toBe(last);
    expectBlocked(await anyone.get(`/v1/albums/${album.id}`), 'TAKEN_DOWN', last);
    expect(ids((await anyone.get('/v1/albums?sort=title&limit=100')).body)).not.toContain(album.id);
    expect((await anyone.get(`/v1/availability?ids=${album.id}`)).body.items[0].state).toBe('taken_down');
  });
});

describe('a rejected notice', () => {
  it('changes nothing on sale', async () => {
    const target = albums[4];
    const filed = await anyone.post('/v1/takedowns', notice([{ type: 'album', id: target.id }]));
    const decided = await operator.post(`/v1/operator/takedowns/${filed.body.receiptId}/decision`, {
      decision: 'reject',
      note: 'not their recording',
      by: 'Legal Desk',
    });
    expect(decided.body).toMatchObject({ state: 'rejected', decisionNote: 'not their recording' });
    expect((await anyone.get(`/v1/albums/${target.id}`)).status).toBe(200);
    expect(Object.values(await listed(target.id)).every(Boolean)).toBe(true);
    expect((await anyone.get(`/v1/takedowns/${filed.body.receiptId}`)).body.state).toBe('rejected');
  });
});

describe('the audit log', () => {
  it('records every filing, decision, takedown, restore and setting, with who and when', async () => {
    const log = (await operator.get('/v1/operator/audit-log')).body.items as any[];
    const actions = new Set(log.map((e) => e.action));
    for (const action of [
      'notice.file',
      'notice.approve',
      'notice.reject',
      'work.take_down',
      'counter_notice.file',
      'counter_notice.approve',
      'work.restore',
      'settings.withdraw_redownloads',
    ])
      expect(actions, action).toContain(action);
    for (const e of log) expect(Date.parse(e.at)).not.toBeNaN();
    expect(log.filter((e) => e.action.endsWith('.file')).every((e) => e.actor === 'public')).toBe(true);
    expect(log.find((e) => e.action === 'notice.approve').actor).toBe('Legal Desk');
    expect(log.find((e) => e.action === 'work.restore')).toMatchObject({
      subject: `album:${albums[0].id}`,
      detail: expect.stringMatching(/^TD-\w+ lifted by TD-\w+$/),
    });
    // Newest first.
    expect(log.map((e) => e.id)).toEqual([...log.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    const db = server.store.sql;
    await expect(db.run(`UPDATE audit_log SET actor = 'nobody'`)).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const count = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!;
    expect(count.n).toBeGreaterThan(0);
  });
});

describe('operator routes', () => {
  it('refuse an account’s token and no token at all', async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', '/v1/operator/takedowns'],
      ['POST', '/v1/operator/takedowns/TD-AAAAAAAAAAAA/decision', { decision: 'approve', by: 'me' }],
      ['GET', '/v1/operator/audit-log'],
      ['POST', '/v1/operator/settings', { withdrawRedownloads: true }],
      ['POST', '/v1/operator/accounts/country', { email: 'demo@megadisc.local', country: 'DE' }],
    ];
    for (const api of [demo, anyone]) {
      for (const [method, path, json] of calls) {
        const res = await api.request(method, path, json === undefined ? {} : { json });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
    expect((await operator.get('/v1/operator/takedowns')).status).toBe(200);
  });
});

describe('filing limits', () => {
  it('rate-limits filings per address', async () => {
    let res: any;
    for (let i = 0; i < 25; i++) {
      res = await anyone.post('/v1/takedowns', {});
      if (res.status === 429) break;
    }
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
