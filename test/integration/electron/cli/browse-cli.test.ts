// `megadisc new | charts | genres | genre | artist` as a real child process against the real store
// with the demo catalog: tables for a person, the app API's shapes with --json, pages that follow
// one another without repeats, and clear refusals with a code and an exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOutput, loginDemo, runCli } from '../../../helpers/cli-process.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
const home = mkdtempSync(join(tmpdir(), 'megadisc-cli-browse-'));
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--home', home], env);
async function cliJson(...args: string[]): Promise<any> {
  const r = await cli([...args, '--json']);
  expect(r.code, r.output).toBe(0);
  return jsonOutput(r.output);
}

/** The demo catalog, newest first. */
const NEWEST_FIRST = [
  'Low Tide Atlas',
  'Nuits Électriques',
  'Pixel Orchard',
  'Glass Études',
  'Тёплые сумерки',
  'Static Psalms',
  'Ночной троллейбус',
];
const ALBUM_SUMMARY_KEYS = [
  'artist',
  'cover',
  'discCount',
  'durationMs',
  'genres',
  'id',
  'label',
  'releaseDate',
  'sales',
  'title',
  'trackCount',
  'year',
];

/** Follows --cursor from page to page; the ids of every page. */
async function allPages(args: string[]): Promise<{ pages: number; ids: number[]; titles: string[] }> {
  const ids: number[] = [];
  const titles: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: any = await cliJson(...args, ...(cursor ? ['--cursor', cursor] : []));
    pages++;
    ids.push(...page.items.map((a: any) => a.id));
    titles.push(...page.items.map((a: any) => a.title));
    cursor = page.nextCursor;
  } while (cursor !== null && pages < 20);
  return { pages, ids, titles };
}

/** The arguments of the "next page: megadisc …" hint, read as a POSIX shell reads them. */
function nextPageArgs(output: string): string[] {
  const line = /^next page: megadisc (.+)$/m.exec(output)?.[1];
  if (!line) throw new Error(`no next-page hint in:\n${output}`);
  return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => m[1]?.replaceAll("'\\''", "'") ?? m[2]!);
}

beforeAll(async () => {
  server = await startTestServer();
  await loginDemo(server.url, home);
}, 120_000);
afterAll(async () => {
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('megadisc new', () => {
  it('lists the demo albums newest first, as a table and as an AlbumPage', async () => {
    const r = await cli(['new']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^New releases$/m);
    expect(r.output).toMatch(/^id\s+artist\s+title\s+year\s+tracks\s+length$/m);
    expect(r.output).toMatch(/^\s*1\s+Ångström Fields\s+Low Tide Atlas\s+2024\s+3\s+\d+:\d\d$/m);
    const order = NEWEST_FIRST.map((t) => r.output.indexOf(t));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(r.output).not.toContain('next page');

    const page = await cliJson('new');
    expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((a: any) => a.title)).toEqual(NEWEST_FIRST);
    for (const a of page.items) expect(Object.keys(a).sort()).toEqual(ALBUM_SUMMARY_KEYS);
    expect(page.items[0].artist).toEqual({ id: expect.any(Number), name: 'Ångström Fields' });
  });

  it('pages by cursor without repeats, and prints the command for the next page', async () => {
    const paged = await allPages(['new', '--limit', '3']);
    expect(paged.pages).toBe(3);
    expect(paged.titles).toEqual(NEWEST_FIRST);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);

    const first = await cli(['new', '--limit', '3']);
    expect(first.code, first.output).toBe(0);
    const next = nextPageArgs(first.output);
    expect(next.slice(0, 4)).toEqual(['new', '--limit', '3', '--cursor']);
    expect(next.slice(-2)).toEqual(['--home', home]);
    const second = await runCli(next);
    expect(second.code, second.output).toBe(0);
    for (const t of NEWEST_FIRST.slice(0, 3)) expect(second.output).not.toContain(t);
    for (const t of NEWEST_FIRST.slice(3, 6)) expect(second.output).toContain(t);
  });

  it('refuses a cursor the store did not make, and a limit it does not take', async () => {
    const bad = await cli(['new', '--cursor', 'bm90LWEtY3Vyc29y']);
    expect(bad.code).toBe(2);
    expect(bad.output.trim()).toBe(
      'megadisc: the store does not know this --cursor; use the one the previous page of the same command printed (INVALID_ARGUMENT)',
    );
    const limit = await cli(['new', '--limit', '101']);
    expect(limit.code).toBe(2);
    expect(limit.output).toContain('--limit must be a number from 1 to 100 (INVALID_ARGUMENT)');
  });
});

describe('megadisc charts', () => {
  it('lists albums best-selling first with their sales, and pages without repeats', async () => {
    const r = await cli(['charts', '--limit', '2']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Charts: best-selling albums$/m);
    expect(r.output).toMatch(/^\s*3\s+Bitcrush Orchard\s+Pixel Orchard\s+2019\s+6\s+\d+:\d\d\s+1250$/m);
    expect(r.output).toMatch(/^\s*2\s+Café Lumière\s+Nuits Électriques\s+2023\s+4\s+\d+:\d\d\s+910$/m);
    expect(nextPageArgs(r.output).slice(0, 4)).toEqual(['charts', '--limit', '2', '--cursor']);

    const whole = await cliJson('charts');
    const sales = whole.items.map((a: any) => a.sales);
    expect(sales).toEqual([...sales].sort((a: number, b: number) => b - a));
    const paged = await allPages(['charts', '--limit', '3']);
    expect(paged.pages).toBe(3);
    expect(paged.ids).toEqual(whole.items.map((a: any) => a.id));
    expect(new Set(paged.ids).size).toBe(7);
  });
});

describe('megadisc genres and genre', () => {
  it('lists genres with their album counts, a page at a time', async () => {
    const r = await cli(['genres']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^genre\s+name\s+albums$/m);
    expect(r.output).toMatch(/^ambient\s+Ambient\s+3$/m);
    expect(r.output).toMatch(/^electronic\s+Electronic\s+3$/m);

    const all = await cliJson('genres');
    expect(Object.keys(all).sort()).toEqual(['items', 'limit', 'nextPage', 'page', 'total']);
    expect(all.items).toContainEqual({ slug: 'ambient', name: 'Ambient', albumCount: 3 });
    expect(all).toMatchObject({ page: 1, nextPage: null, total: all.items.length });

    const first = await cliJson('genres', '--limit', '2');
    expect(first).toMatchObject({ page: 1, nextPage: 2, limit: 2, total: all.total });
    const second = await cliJson('genres', '--limit', '2', '--page', '2');
    expect(second.page).toBe(2);
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));

    const hinted = await cli(['genres', '--limit', '2']);
    expect(hinted.output).toContain('Genres (page 1 of ');
    expect(nextPageArgs(hinted.output)).toEqual(['genres', '--limit', '2', '--page', '2', '--home', home]);
  });

  it('lists a genre’s albums by slug or by name, and pages them by cursor', async () => {
    const r = await cli(['genre', 'ambient']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Ambient: 3 albums$/m);
    for (const t of ['Low Tide Atlas', 'Glass Études', 'Тёплые сумерки']) expect(r.output).toContain(t);
    for (const t of ['Pixel Orchard', 'Static Psalms']) expect(r.output).not.toContain(t);

    const byName = await cliJson('genre', 'AMBIENT');
    expect(Object.keys(byName).sort()).toEqual(['genre', 'items', 'nextCursor']);
    expect(byName.genre).toEqual({ slug: 'ambient', name: 'Ambient', albumCount: 3 });
    expect(byName.items.map((a: any) => a.title)).toEqual([
      'Low Tide Atlas',
      'Glass Études',
      'Тёплые сумерки',
    ]);
    for (const a of byName.items) expect(a.genres).toContain('Ambient');

    const paged = await allPages(['genre', 'ambient', '--limit', '2']);
    expect(paged.pages).toBe(2);
    expect(paged.ids).toEqual(byName.items.map((a: any) => a.id));

    const bySales = await cli(['genre', 'electronic', '--sort', 'sales', '--limit', '1']);
    expect(bySales.output).toMatch(/^\s*3\s+Bitcrush Orchard\s+Pixel Orchard\s+.*1250$/m);
    expect(nextPageArgs(bySales.output).slice(0, 6)).toEqual([
      'genre',
      'electronic',
      '--sort',
      'sales',
      '--limit',
      '1',
    ]);
  });

  it('refuses a genre the store does not list with NOT_FOUND and exit 1, and a missing one as bad usage (2)', async () => {
    const r = await cli(['genre', 'polka']);
    expect(r.code).toBe(1);
    expect(r.output.trim()).toBe(
      'megadisc: no genre "polka" in the store; see "megadisc genres" (NOT_FOUND)',
    );
    const missing = await cli(['genre']);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('a GENRE is required');
    const sort = await cli(['genre', 'ambient', '--sort', 'loudest']);
    expect(sort.output).toContain('--sort takes new, sales or title (INVALID_ARGUMENT)');
  });
});

describe('megadisc artist', () => {
  let cafe: number;
  let angstrom: number;
  beforeAll(async () => {
    const found = (q: string) => cliJson('search', q, '--type', 'artist');
    cafe = (await found('lumiere')).artists.items[0].id;
    angstrom = (await found('angstrom')).artists.items[0].id;
  });

  it('lists an artist’s albums and the ones they appear on', async () => {
    const r = await cli(['artist', String(cafe)]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Café Lumière: 2 albums$/m);
    expect(r.output).toMatch(/Café Lumière\s+Nuits Électriques\s+2023/);
    expect(r.output).toMatch(/Café Lumière\s+Glass Études\s+2016/);

    // Ångström Fields is a guest on a track of Nuits Électriques.
    const guest = await cliJson('artist', String(angstrom));
    expect(Object.keys(guest).sort()).toEqual(['artist', 'items', 'limit', 'nextPage', 'page', 'total']);
    expect(guest.artist).toEqual({ id: angstrom, name: 'Ångström Fields' });
    expect(guest.items.map((a: any) => a.title)).toEqual(['Low Tide Atlas', 'Nuits Électriques']);
    for (const a of guest.items) expect(Object.keys(a).sort()).toEqual(ALBUM_SUMMARY_KEYS);
  });

  it('pages an artist’s albums with --page, without repeats', async () => {
    const first = await cli(['artist', String(cafe), '--limit', '1']);
    expect(first.output).toMatch(/^Café Lumière: 2 albums \(page 1 of 2\)$/m);
    const next = nextPageArgs(first.output);
    expect(next).toEqual(['artist', String(cafe), '--limit', '1', '--page', '2', '--home', home]);
    const second = await runCli(next);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('Glass Études');
    expect(second.output).not.toContain('Nuits Électriques');
    expect(second.output).not.toContain('next page');

    const one = await cliJson('artist', String(cafe), '--limit', '1');
    const two = await cliJson('artist', String(cafe), '--limit', '1', '--page', '2');
    expect(one).toMatchObject({ page: 1, nextPage: 2, total: 2 });
    expect(two).toMatchObject({ page: 2, nextPage: null, total: 2 });
    expect(one.items[0].id).not.toBe(two.items[0].id);
  });

  it('refuses an artist the store does not know, and an id that is not a number', async () => {
    const r = await cli(['artist', '99999']);
    expect(r.code).toBe(1);
    expect(r.output.trim()).toBe(
      'megadisc: no artist 99999 in the store; find one with "megadisc search --type artist NAME" (NOT_FOUND)',
    );
    const word = await cli(['artist', 'lumiere']);
    expect(word.code).toBe(2);
    expect(word.output.trim()).toBe('megadisc: ARTIST_ID must be a number (INVALID_ARGUMENT)');
  });
});

describe('browsing in Russian', () => {
  it('prints headings, columns, plurals and the next-page hint in Russian; --json is unchanged', async () => {
    const r = await cli(['--lang', 'ru', 'genre', 'ambient', '--limit', '2']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Ambient: 3 альбома$/m);
    expect(r.output).toMatch(/^id\s+исполнитель\s+название\s+год\s+треков\s+длительность$/m);
    expect(r.output).toMatch(/^следующая страница: megadisc genre ambient --limit 2 --cursor \S+/m);
    expect(r.output).not.toMatch(/albums|next page/);

    const missing = await cli(['genre', 'polka'], { LANG: 'ru_RU.UTF-8' });
    expect(missing.code).toBe(1);
    expect(missing.output.trim()).toBe(
      'megadisc: жанра «polka» в магазине нет; см. «megadisc genres» (NOT_FOUND)',
    );

    const json = await cli(['genre', 'ambient', '--json'], { LANG: 'ru_RU.UTF-8' });
    expect(jsonOutput(json.output)).toEqual(await cliJson('genre', 'ambient'));
  });

  it('lists the browse commands in help, in both languages', async () => {
    const en = await runCli(['help']);
    expect(en.output).toMatch(/^ {2}megadisc new \[--limit N\] \[--cursor C\]$/m);
    expect(en.output).toContain('albums by sales, best-selling first');
    expect(en.output).toContain('megadisc artist ID [--limit N] [--page N]');
    const ru = await runCli(['help', '--lang', 'ru']);
    expect(ru.output).toContain('альбомы по продажам, сначала самые продаваемые');
  });
});
