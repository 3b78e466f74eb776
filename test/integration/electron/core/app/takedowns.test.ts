// Takedowns and territories seen through the app service, against the real store: the album page's
// three states, refused quotes and purchases, the library's "no longer sold" (offline too), owned
// files left untouched, and re-downloads while allowed and once withdrawn.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import { EventLog, startApp, tempHome, until } from '../../../../helpers/app-fixture.ts';
import { FaultProxy } from '../../../../helpers/fault-proxy.ts';
import { takeDown, withdrawRedownloads } from '../../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../../helpers/test-server.ts';

const home = tempHome();
let server: TestServer;
let proxy: FaultProxy;
let app: AppService;
let events: EventLog;
let operatorToken: string;
const ids: Record<'owned' | 'unowned' | 'elsewhere', number> = { owned: 0, unowned: 0, elsewhere: 0 };
let notices: Record<'owned' | 'unowned', string>;
let libraryId = 0;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const albumId = async (title: string) => (await app.api['store.search']({ q: title })).albums.items[0]!.id;

async function hashes(): Promise<Map<string, string>> {
  const album = await app.api['library.album']({ id: libraryId });
  const root = (await app.api['settings.get']({})).libraryDir;
  return new Map(album.tracks.flatMap((t) => t.files).map((f) => [f.path, sha(join(root, f.path))]));
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error as { code: string; message: string; link?: string };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  server = await startTestServer();
  operatorToken = await server.store.operatorToken.issue();
  proxy = await FaultProxy.start(server.url);
  app = await startApp(home, { kind: 'url', url: proxy.url });
  events = new EventLog(app, ['album-filed', 'library-availability', 'connection']);
  await app.api['session.login']({ storeUrl: proxy.url, email: 'demo@megadisc.local', password: 'demo' });
  ids.owned = await albumId('Static Psalms');
  ids.unowned = await albumId('Nuits Électriques');
  ids.elsewhere = await albumId('Glass Études');
});
afterAll(async () => {
  events?.stop();
  await app?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('takedowns and territories through the app service', () => {
  it('shows albums on sale as they were', async () => {
    const view = await app.api['store.album']({ id: ids.unowned });
    expect(view).toMatchObject({
      albumId: ids.unowned,
      album: { id: ids.unowned, title: 'Nuits Électriques', upc: expect.any(String) },
      availability: { state: 'on_sale', reason: null, noticeUrl: null, redownload: true },
      owned: null,
    });
  });

  it('buys one album, then both are taken down: not for sale, with the reason and the notice', async () => {
    const { purchaseId } = await app.api['store.buy']({ albumId: ids.owned, encoding: 'mp3-128' });
    await events.next('album-filed', (e) => e.purchaseId === purchaseId);
    libraryId = (await app.api['library.albums']({})).find((a) => a.title === 'Static Psalms')!.id;
    const before = await hashes();

    notices = {
      owned: await takeDown(server.url, operatorToken, [{ type: 'album', id: ids.owned }]),
      unowned: await takeDown(server.url, operatorToken, [{ type: 'album', id: ids.unowned }]),
    };

    const unowned = await app.api['store.album']({ id: ids.unowned });
    expect(unowned.album).toBeNull();
    expect(unowned.owned).toBeNull();
    expect(unowned.availability).toEqual({
      state: 'taken_down',
      reason: expect.stringContaining(notices.unowned),
      // The store's own blocked-by link.
      noticeUrl: `${server.store.publicUrl}/v1/takedowns/${notices.unowned}`,
      redownload: true,
    });

    const quotes = await refusal(app.api['store.quotes']({ albumId: ids.unowned }));
    expect(quotes).toMatchObject({ code: 'TAKEN_DOWN', link: unowned.availability.noticeUrl });
    expect(quotes.message).toContain('no longer sold');
    const purchasesBefore = (await app.api['downloads.list']({})).groups.length;
    expect((await refusal(app.api['store.buy']({ albumId: ids.unowned, encoding: 'flac' }))).code).toBe(
      'TAKEN_DOWN',
    );
    // Refused before anything was recorded: nothing to send again, nothing held.
    expect((await app.api['downloads.list']({})).groups).toHaveLength(purchasesBefore);

    // The owned album: its page names the listener's copy; the files are as they were.
    const owned = await app.api['store.album']({ id: ids.owned });
    expect(owned).toMatchObject({
      album: null,
      availability: { state: 'taken_down', redownload: true },
      owned: { libraryAlbumId: libraryId, title: 'Static Psalms', missingFiles: 0 },
    });
    expect(owned.owned!.fileCount).toBe(before.size);
    expect(await hashes()).toEqual(before);
  });

  it('marks the owned album no longer sold in the library, and keeps the mark offline', async () => {
    const answer = await app.api['library.availability']({});
    expect(answer.problem).toBeNull();
    expect(answer.items).toEqual([
      expect.objectContaining({
        albumId: libraryId,
        storeAlbumId: ids.owned,
        title: 'Static Psalms',
        state: 'taken_down',
        redownload: true,
        noticeUrl: expect.stringContaining(notices.owned),
      }),
    ]);
    expect(events.all('library-availability').length).toBeGreaterThan(0);
    const card = (await app.api['library.albums']({})).find((a) => a.id === libraryId)!;
    expect(card.availability).toMatchObject({ state: 'taken_down', checkedAt: expect.any(String) });
    expect((await app.api['library.album']({ id: libraryId })).availability?.state).toBe('taken_down');

    proxy.setDown(true);
    try {
      const offline = await app.api['library.availability']({});
      expect(offline.problem?.code).toBe('STORE_UNREACHABLE');
      expect(offline.items.map((i) => [i.albumId, i.state])).toEqual([[libraryId, 'taken_down']]);
      expect(events.all('connection').at(-1)).toMatchObject({ online: false });
      const cards = await app.api['library.albums']({});
      expect(cards.find((a) => a.id === libraryId)?.availability?.state).toBe('taken_down');
    } finally {
      proxy.setDown(false);
    }
  });

  it('downloads a missing file again while the store allows it, at no charge', async () => {
    const root = (await app.api['settings.get']({})).libraryDir;
    const [first] = [...(await hashes()).keys()];
    const balance = (await app.api['account.balance']({})).balanceBytes;
    rmSync(join(root, first!));
    expect(await app.api['library.redownload']({ albumId: libraryId })).toEqual({ requeued: 1 });
    await until(async () => (await app.api['library.verify']({ albumId: libraryId })).missing.length === 0);
    await until(async () => !(await app.api['downloads.list']({})).running);
    expect((await app.api['account.balance']({})).balanceBytes).toBe(balance);
  });

  it('once re-downloads are withdrawn, refuses "Download again" and leaves the files be', async () => {
    await withdrawRedownloads(server.url, operatorToken, true);
    try {
      const answer = await app.api['library.availability']({});
      expect(answer.items[0]).toMatchObject({ state: 'taken_down', redownload: false });
      expect((await app.api['store.album']({ id: ids.owned })).availability.redownload).toBe(false);

      const root = (await app.api['settings.get']({})).libraryDir;
      const before = await hashes();
      const [gone, ...kept] = [...before.keys()];
      rmSync(join(root, gone!));
      const refused = await refusal(app.api['library.redownload']({ albumId: libraryId }));
      expect(refused.code).toBe('REDOWNLOAD_WITHDRAWN');
      // The missing file stays in the index, marked missing; the others are untouched.
      expect((await app.api['library.verify']({ albumId: libraryId })).missing).toEqual([gone]);
      const album = await app.api['library.album']({ id: libraryId });
      expect(album.tracks.flatMap((t) => t.files).map((f) => f.path)).toContain(gone);
      for (const path of kept) expect(sha(join(root, path))).toBe(before.get(path));
    } finally {
      await withdrawRedownloads(server.url, operatorToken, false);
    }
  });

  it('shows an album licensed elsewhere, without prices, and refuses to buy it', async () => {
    await server.store.sql.run(`UPDATE albums SET territories = '["DE","AT"]' WHERE id = ?`, ids.elsewhere);
    const view = await app.api['store.album']({ id: ids.elsewhere });
    expect(view.album?.title).toBe('Glass Études');
    expect(view.availability).toMatchObject({ state: 'not_in_territory', noticeUrl: null });
    expect(view.availability.reason).toMatch(/DE, AT/);
    const quotes = await refusal(app.api['store.quotes']({ albumId: ids.elsewhere }));
    expect(quotes.code).toBe('NOT_IN_TERRITORY');
    expect((await refusal(app.api['store.buy']({ albumId: ids.elsewhere, encoding: 'flac' }))).code).toBe(
      'NOT_IN_TERRITORY',
    );
  });

  it("gets the store's reasons in the app's language: Russian once the listener picks it", async () => {
    await app.api['settings.update']({ language: 'ru' });
    try {
      const elsewhere = await app.api['store.album']({ id: ids.elsewhere });
      expect(elsewhere.availability.reason).toMatch(/продаётся только здесь: .*Герман/);
      const unowned = await app.api['store.album']({ id: ids.unowned });
      expect(unowned.availability.reason).toContain('больше не продаётся');
      expect(unowned.availability.noticeUrl).toContain(notices.unowned);
      // The technical text behind a refusal stays the store's English.
      const quotes = await refusal(app.api['store.quotes']({ albumId: ids.unowned }));
      expect(quotes.message).toContain('no longer sold');
    } finally {
      await app.api['settings.update']({ language: 'en' });
    }
  });
});
