// A purchase from the UI's point of view: buy, the runner downloads in the background, the album is
// announced and shows in the library, the balance drops by exactly what the ledger settled.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import {
  EventLog,
  seedDemoFromTemplate,
  startApp,
  tempHome,
  until,
} from '../../../../helpers/app-fixture.ts';

const home = tempHome();
let app: AppService;
let events: EventLog;
const notified: [string, string][] = [];
const opened: string[] = [];

beforeAll(async () => {
  seedDemoFromTemplate(home);
  app = await startApp(
    home,
    { kind: 'auto' },
    {
      notify: (title, body) => notified.push([title, body]),
      openFolder: (path) => {
        opened.push(path);
      },
    },
  );
  events = new EventLog(app, ['album-filed', 'queue-changed', 'job-state', 'purchase-state', 'balance']);
});
afterAll(async () => {
  events?.stop();
  await app?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('buying through the app service', () => {
  let albumId = 0;
  let purchaseId = 0;
  let orderId = '';
  let balanceBefore = 0;

  it('quotes, buys, downloads in the background and announces the filed album', async () => {
    const found = await app.api['store.search']({ q: 'Glass Études' });
    const summary = found.albums.items.find((a) => a.title === 'Glass Études')!;
    albumId = summary.id;
    expect(await app.api['store.search']({ q: '   ' })).toMatchObject({ albums: { items: [] } });
    const page = await app.api['store.album']({ id: albumId });
    expect(page.availability).toEqual({ state: 'on_sale', reason: null, noticeUrl: null, redownload: true });
    expect(page.owned).toBeNull();
    const album = page.album!;
    expect((await app.api['store.artist']({ id: album.artist.id })).albums.map((a) => a.id)).toContain(
      albumId,
    );
    expect((await app.api['store.encodings']({})).map((e) => e.id)).toContain('flac');

    const table = await app.api['store.quotes']({ albumId });
    const flac = table.quotes.find((q) => q.encoding === 'flac')!;
    expect(flac.available).toBe(true);
    balanceBefore = table.balance.balanceBytes;

    const bought = await app.api['store.buy']({ albumId, encoding: 'flac' });
    purchaseId = bought.purchaseId;
    orderId = bought.orderId!;
    expect(orderId).toMatch(/\S/);
    expect(events.all('queue-changed').length).toBeGreaterThan(0);

    const filed = await events.next('album-filed', (e) => e.purchaseId === purchaseId);
    expect(filed).toEqual({
      purchaseId,
      albumTitle: 'Glass Études',
      artistName: album.artist.name,
      tracks: album.trackCount,
    });
    expect(notified).toEqual([['Album added to your library', `${album.artist.name} — Glass Études`]]);
    // Once: later job events of the same purchase do not announce it again.
    expect(events.all('album-filed')).toHaveLength(1);
  });

  it('lists the purchase as one group of done jobs, and the runner goes idle', async () => {
    await until(async () => !(await app.api['downloads.list']({})).running);
    const view = await app.api['downloads.list']({});
    expect(view.groups).toHaveLength(1);
    const [group] = view.groups;
    expect(group).toMatchObject({
      purchaseId,
      albumId,
      albumTitle: 'Glass Études',
      encoding: 'flac',
      purchaseState: 'ordered',
      error: null,
    });
    expect(group!.jobs.every((j) => j.state === 'done' && j.orderId === orderId)).toBe(true);
    expect(group!.bytesTotal).toBeGreaterThan(0);
    expect(group!.bytesDone).toBe(group!.bytesTotal);
  });

  it('charges exactly the settled bytes, and the spend report adds them up', async () => {
    const ledger = await app.api['account.ledger']({});
    const settled = ledger.entries.filter((e) => e.kind === 'settle' && e.orderId === orderId);
    const settledBytes = -settled.reduce((s, e) => s + e.amountBytes, 0);
    expect(settledBytes).toBeGreaterThan(0);
    const balance = await app.api['account.balance']({});
    expect(balance).toMatchObject({ reservedBytes: 0, mismatch: null, offline: false });
    expect(balanceBefore - balance.balanceBytes).toBe(settledBytes);
    // What was charged is what arrived.
    const group = (await app.api['downloads.list']({})).groups[0]!;
    expect(group.bytesTotal).toBe(settledBytes);

    const spend = await app.api['account.spend']({});
    const album = (await app.api['store.album']({ id: albumId })).album!;
    expect(spend.totalBytes).toBe(settledBytes);
    expect(spend.perMb).toMatchObject({ currency: expect.any(String), micros: expect.any(Number) });
    const micros = Math.round((settledBytes * spend.perMb!.micros) / 1_000_000);
    // The demo account's megabytes were a free credit: at what was paid, they cost nothing.
    expect(spend.byArtist).toEqual([{ key: album.artist.name, bytes: settledBytes, micros, paidMicros: 0 }]);
    // By the month each item settled in: usually one, but the settles may straddle a UTC month end.
    const months = new Map<string, number>();
    for (const e of settled) {
      const month = e.createdAt.slice(0, 7);
      months.set(month, (months.get(month) ?? 0) - e.amountBytes);
    }
    expect(spend.byMonth).toEqual(
      [...months]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, bytes]) => ({
          key,
          bytes,
          micros: Math.round((bytes * spend.perMb!.micros) / 1_000_000),
          paidMicros: 0,
        })),
    );
    expect(spend.byMonth.reduce((sum, row) => sum + row.bytes, 0)).toBe(settledBytes);
  });

  it('shows the album in the library, pages its tracks, verifies it and reveals its folder', async () => {
    const cards = await app.api['library.albums']({});
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card).toMatchObject({ title: 'Glass Études', encodings: ['flac'], trackCount: 2, problems: 0 });
    expect(await app.api['library.albums']({ q: 'glass éTUDES' })).toHaveLength(1);
    expect(await app.api['library.albums']({ q: 'nothing like it' })).toHaveLength(0);

    const album = await app.api['library.album']({ id: card.id });
    expect(album.tracks).toHaveLength(2);
    const files = album.tracks.flatMap((t) => t.files);
    expect(card.bytes).toBe(files.reduce((s, f) => s + f.bytes, 0));
    await expect(app.api['library.album']({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const page = await app.api['library.tracks']({ offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.trackNumber)).toEqual([1, 2]);

    expect(await app.api['library.verify']({})).toEqual({ ok: 2, missing: [], changed: [] });
    const libraryDir = (await app.api['settings.get']({})).libraryDir;
    rmSync(join(libraryDir, files[0]!.path));
    expect(await app.api['library.verify']({ albumId: card.id })).toEqual({
      ok: 1,
      missing: [files[0]!.path],
      changed: [],
    });

    await app.api['library.openFolder']({ albumId: card.id });
    expect(opened).toHaveLength(1);
    expect(statSync(opened[0]!).isDirectory()).toBe(true);
    expect(existsSync(join(libraryDir, files[1]!.path))).toBe(true);
    expect(join(libraryDir, files[1]!.path).startsWith(opened[0]!)).toBe(true);
  });

  it('serves covers: the store one at the nearest size, cached on disk; the library one from the folder', async () => {
    const store = await app.cover('store', albumId, 250);
    expect(store?.contentType).toBe('image/jpeg');
    expect(store!.bytes.length).toBeGreaterThan(100);
    expect(Buffer.from(store!.bytes.subarray(0, 2)).toString('hex')).toBe('ffd8');
    const again = await app.cover('store', albumId, 250);
    expect(Buffer.compare(again!.bytes, store!.bytes)).toBe(0);
    expect(existsSync(join(home, 'cache', 'covers'))).toBe(true);
    expect(await app.cover('store', 999_999, 250)).toBeNull();

    const card = (await app.api['library.albums']({}))[0]!;
    const library = await app.cover('library', card.id, 250);
    expect(library?.contentType).toBe('image/jpeg');
    expect(await app.cover('library', 999_999, 250)).toBeNull();
  });
});
