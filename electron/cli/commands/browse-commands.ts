// new, charts, genres, genre, artist: the store's catalog as the app's store pages show it, a page at
// a time. Lists the store pages itself go by its cursor (--cursor); lists it sends whole (genres, an
// artist's albums) are cut into pages here (--page).
import type { AlbumPage, Genre } from '../../../api/schemas/catalog.ts';
import { routes, type StoreClient } from '../../core/store-client/store-client.ts';
import { isMegadiscError } from '../../shared/errors.ts';
import { type CliContext, requireInt, requireString, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { albumTable, genreTable, nextPageLine } from '../render/browse-text.ts';

/** The store sends at most this many items a page. */
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const DEFAULT_GENRE_LIMIT = 50;
const SORTS = ['new', 'sales', 'title'] as const;
type Sort = (typeof SORTS)[number];

const CURSOR_PAGING = { limit: { type: 'string' }, cursor: { type: 'string' } } as const;
const PAGE_PAGING = { limit: { type: 'string' }, page: { type: 'string' } } as const;

/**
 * Albums by release date, newest first. /v1/new-releases and /v1/charts take no cursor (they are the
 * home page's first page), so both lists page through /v1/albums in the same order (sort=new|sales).
 */
export const newReleases = (argv: string[]) =>
  withContext(argv, CURSOR_PAGING, async (ctx) => {
    noPositionals(ctx);
    const limit = limitOf(ctx, DEFAULT_LIMIT);
    const page = await albumPage(ctx, { sort: 'new', limit });
    const heading = ctx.i18n.t('cli.browse.newReleases');
    ctx.print(page, () => pageText(ctx, heading, page, { command: ['new', ...limitArgs(ctx, limit)] }));
    return 0;
  });

/** Albums by sales, best-selling first: the store's charts, paged. */
export const charts = (argv: string[]) =>
  withContext(argv, CURSOR_PAGING, async (ctx) => {
    noPositionals(ctx);
    const limit = limitOf(ctx, DEFAULT_LIMIT);
    const page = await albumPage(ctx, { sort: 'sales', limit });
    const heading = ctx.i18n.t('cli.browse.charts');
    ctx.print(page, () =>
      pageText(ctx, heading, page, { sales: true, command: ['charts', ...limitArgs(ctx, limit)] }),
    );
    return 0;
  });

export const genres = (argv: string[]) =>
  withContext(argv, PAGE_PAGING, async (ctx) => {
    noPositionals(ctx);
    const { i18n } = ctx;
    const all = (await (await ctx.engine.client(false)).call(routes.genres)).genres;
    const slice = pageOf(ctx, all, DEFAULT_GENRE_LIMIT);
    ctx.print(slice, () =>
      sliceText(ctx, i18n.t('cli.browse.genres'), slice, {
        body: () => genreTable(i18n, slice.items),
        empty: i18n.t('cli.browse.noGenres'),
        command: ['genres'],
      }),
    );
    return 0;
  });

/** A genre's albums; GENRE is its slug or its name, as `megadisc genres` lists them. */
export const genre = (argv: string[]) =>
  withContext(argv, { ...CURSOR_PAGING, sort: { type: 'string' } }, async (ctx) => {
    const { i18n, values } = ctx;
    const wanted = requireString(
      ctx.positionals.join(' ').trim(),
      'GENRE',
      i18n.t('cli.browse.genreRequired'),
    );
    const sort = values.sort === undefined ? 'new' : SORTS.find((s) => s === values.sort);
    if (!sort) throw new CliError('INVALID_ARGUMENT', i18n.t('cli.browse.badSort'));
    const limit = limitOf(ctx, DEFAULT_LIMIT);
    const all = (await (await ctx.engine.client(false)).call(routes.genres)).genres;
    const found = findGenre(all, wanted);
    if (!found) throw new CliError('NOT_FOUND', i18n.t('cli.browse.unknownGenre', { genre: wanted }));
    const page = await albumPage(ctx, { genre: found.slug, sort, limit });
    const heading = i18n.t('cli.browse.genre', { name: found.name, albums: found.albumCount });
    const sortArgs = values.sort === undefined ? [] : ['--sort', sort];
    ctx.print({ genre: found, ...page }, () =>
      pageText(ctx, heading, page, {
        sales: sort === 'sales',
        command: ['genre', found.slug, ...sortArgs, ...limitArgs(ctx, limit)],
      }),
    );
    return 0;
  });

/** An artist's albums and the albums they appear on, newest first, as the app's artist page. */
export const artist = (argv: string[]) =>
  withContext(argv, PAGE_PAGING, async (ctx) => {
    const { i18n } = ctx;
    const id = requireInt(ctx.positionals[0], 'ARTIST_ID');
    const client = await ctx.engine.client(false);
    const found = await client.call(routes.artist, { params: { id } }).catch((error: unknown) => {
      if (isMegadiscError(error) && error.code === 'NOT_FOUND') {
        const text = i18n.t('cli.browse.unknownArtist', { id: String(id) });
        throw new CliError('NOT_FOUND', text, undefined, { cause: error });
      }
      throw error;
    });
    const slice = pageOf(ctx, found.albums, DEFAULT_LIMIT);
    const heading = i18n.t('cli.browse.artist', { name: found.name, albums: slice.total });
    ctx.print({ artist: { id: found.id, name: found.name }, ...slice }, () =>
      sliceText(ctx, heading, slice, {
        body: () => albumTable(i18n, slice.items),
        empty: i18n.t('cli.browse.empty'),
        command: ['artist', String(id)],
      }),
    );
    return 0;
  });

/** The genre a person named: its slug, or its name in any letter case. */
export function findGenre(list: readonly Genre[], wanted: string): Genre | undefined {
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  return (
    list.find((g) => g.slug === wanted) ?? list.find((g) => same(g.name, wanted) || same(g.slug, wanted))
  );
}

async function albumPage(
  ctx: CliContext,
  query: { genre?: string; sort: Sort; limit: number },
): Promise<AlbumPage> {
  const cursor = typeof ctx.values.cursor === 'string' ? ctx.values.cursor : undefined;
  const client: StoreClient = await ctx.engine.client(false);
  try {
    return await client.call(routes.listAlbums, { query: { ...query, cursor } });
  } catch (error) {
    // Everything else in the query was checked here, so a 400 is about the cursor (one of another
    // list, or mistyped).
    if (cursor !== undefined && isMegadiscError(error) && error.status === 400) {
      throw new CliError('INVALID_ARGUMENT', ctx.i18n.t('cli.browse.badCursor'), undefined, { cause: error });
    }
    throw error;
  }
}

function noPositionals(ctx: CliContext): void {
  const extra = ctx.positionals[0];
  if (extra !== undefined)
    throw new CliError('INVALID_ARGUMENT', ctx.i18n.t('cli.usage.unexpected', { arg: extra }));
}

function limitOf(ctx: CliContext, fallback: number): number {
  if (ctx.values.limit === undefined) return fallback;
  const limit = requireInt(ctx.values.limit as string, '--limit');
  if (limit < 1 || limit > MAX_LIMIT)
    throw new CliError('INVALID_ARGUMENT', ctx.i18n.t('cli.browse.limitRange', { max: String(MAX_LIMIT) }));
  return limit;
}

/** --limit again in the next page's command, when it was given. */
function limitArgs(ctx: CliContext, limit: number): string[] {
  return ctx.values.limit === undefined ? [] : ['--limit', String(limit)];
}

/** --home again in the next page's command, when it was given: the next page is of the same store. */
function homeArgs(ctx: CliContext): string[] {
  return typeof ctx.values.home === 'string' ? ['--home', ctx.values.home] : [];
}

interface Slice<T> {
  items: T[];
  page: number;
  /** The page after this one, or null on the last. */
  nextPage: number | null;
  /** How many there are on all pages. */
  total: number;
  limit: number;
}

/** One page of a list the store sends whole. */
function pageOf<T>(ctx: CliContext, all: readonly T[], fallback: number): Slice<T> {
  const limit = limitOf(ctx, fallback);
  const page = ctx.values.page === undefined ? 1 : requireInt(ctx.values.page as string, '--page');
  if (page < 1) throw new CliError('INVALID_ARGUMENT', ctx.i18n.t('cli.browse.pageRange'));
  const start = (page - 1) * limit;
  return {
    items: all.slice(start, start + limit),
    page,
    nextPage: start + limit < all.length ? page + 1 : null,
    total: all.length,
    limit,
  };
}

function pageText(
  ctx: CliContext,
  heading: string,
  page: AlbumPage,
  options: { sales?: boolean; command: string[] },
): string {
  const { i18n } = ctx;
  const lines = [
    heading,
    page.items.length ? albumTable(i18n, page.items, options) : i18n.t('cli.browse.empty'),
  ];
  if (page.nextCursor !== null)
    lines.push('', nextPageLine(i18n, [...options.command, '--cursor', page.nextCursor, ...homeArgs(ctx)]));
  return lines.join('\n');
}

function sliceText<T>(
  ctx: CliContext,
  heading: string,
  slice: Slice<T>,
  text: { body: () => string; empty: string; command: string[] },
): string {
  const { i18n } = ctx;
  const pages = Math.max(1, Math.ceil(slice.total / slice.limit));
  const lines = [pages > 1 ? i18n.t('cli.browse.pageOf', { heading, page: slice.page, pages }) : heading];
  if (slice.items.length) lines.push(text.body());
  else lines.push(slice.page > 1 ? i18n.t('cli.browse.pastEnd', { page: slice.page, pages }) : text.empty);
  if (slice.nextPage !== null) {
    const limit = ctx.values.limit === undefined ? [] : ['--limit', String(slice.limit)];
    const next = [...text.command, ...limit, '--page', String(slice.nextPage), ...homeArgs(ctx)];
    lines.push('', nextPageLine(i18n, next));
  }
  return lines.join('\n');
}
