// search, album (tracks and the encoding/price table), encodings.

import type { Album } from '../../../api/schemas/catalog.ts';
import type { EncodingMode } from '../../../api/schemas/encoding-catalog.ts';
import type { Translator } from '../../../i18n/translator.ts';
import type { EncodingQuote } from '../../core/purchases/purchase-desk.ts';
import { requireInt, requireString, withContext } from '../context/cli-context.ts';
import { CliError } from '../context/cli-error.ts';
import { EXIT } from '../context/exit-codes.ts';
import { errorLine } from '../render/error-line.ts';
import { formatDuration, formatMb, table } from '../render/format.ts';
import { notForSaleLine, notInCountryLine } from '../render/sale-text.ts';

export const search = (argv: string[]) =>
  withContext(argv, { type: { type: 'string' } }, async ({ engine, positionals, values, print, i18n }) => {
    const q = requireString(positionals.join(' '), 'QUERY', i18n.t('cli.search.queryRequired'));
    const type = values.type as 'artist' | 'album' | 'track' | undefined;
    const r = await engine.search(q, type);
    print(r, () => {
      const lines: string[] = [];
      if (r.artists.items.length) {
        lines.push(
          i18n.t('cli.search.artists'),
          ...r.artists.items.map(
            (a) => `  ${i18n.t('cli.search.artist', { name: a.name, id: String(a.id) })}`,
          ),
        );
      }
      if (r.albums.items.length) {
        lines.push(
          i18n.t('cli.search.albums'),
          ...r.albums.items.map(
            (a) =>
              `  ${i18n.t('cli.search.album', {
                artist: a.artist.name,
                title: a.title,
                year: a.year === null ? '?' : String(a.year),
                id: String(a.id),
              })}`,
          ),
        );
      }
      if (r.tracks.items.length) {
        lines.push(
          i18n.t('cli.search.tracks'),
          ...r.tracks.items.map(
            (t) =>
              `  ${i18n.t('cli.search.track', {
                title: t.title,
                artists: t.artists.map((a) => a.name).join(', '),
                album: t.album.title,
                id: String(t.albumId),
              })}`,
          ),
        );
      }
      return lines.length ? lines.join('\n') : i18n.t('cli.search.nothing', { query: q });
    });
    return 0;
  });

/** Track numbers as `album` shows them: "3" on single-disc albums, "2-3" for disc 2 track 3. */
export function trackLabel(album: Album, disc: number, track: number): string {
  return album.discCount > 1 ? `${disc}-${track}` : String(track);
}

export function quoteRows(i18n: Translator, quotes: EncodingQuote[]): string[][] {
  const rows = [
    [
      i18n.t('cli.quote.encoding'),
      i18n.t('cli.quote.size'),
      '',
      i18n.t('cli.quote.range'),
      i18n.t('cli.quote.cost'),
      i18n.t('cli.quote.after'),
      i18n.t('cli.quote.fits'),
    ],
  ];
  for (const q of quotes) {
    if (!q.available) {
      rows.push([
        q.encoding,
        '',
        '',
        i18n.t('cli.quote.unavailable', { reason: q.unavailableReason ?? '' }),
        '',
        '',
        '',
      ]);
      continue;
    }
    rows.push([
      q.encoding,
      formatMb(i18n, q.bytes),
      q.exact ? i18n.t('cli.quote.exact') : i18n.t('cli.quote.estimate'),
      q.exact
        ? ''
        : i18n.t('cli.quote.between', { low: formatMb(i18n, q.lowBytes), high: formatMb(i18n, q.highBytes) }),
      q.ownedAll ? i18n.t('cli.quote.ownedFree') : i18n.money(q.chargeMoney.micros, q.chargeMoney.currency),
      formatMb(i18n, q.balanceAfterBytes),
      q.fits ? '✓' : '✗',
    ]);
  }
  return rows;
}

export const album = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, positionals, print, json, i18n }) => {
    const id = requireInt(positionals[0], 'ALBUM_ID');
    const view = await engine.storeAlbum(id);
    const { availability, owned } = view;
    if (availability.state === 'taken_down') {
      // The store shows the album no more: the reason is all there is to say.
      if (!json) throw new CliError('TAKEN_DOWN', notForSaleLine(i18n, view));
      print({ album: null, quotes: null, balance: null, availability, owned }, () => '');
      return EXIT.notForSale;
    }
    const a = view.album!;
    const onSale = availability.state === 'on_sale';
    let data = {
      album: a,
      quotes: null as EncodingQuote[] | null,
      balance: null as unknown,
      availability,
      owned,
    };
    if (onSale && (await engine.whoami())) {
      const t = await engine.encodingTable(id);
      data = { ...data, album: t.album, quotes: t.quotes, balance: t.balance };
    }
    print(data, () => {
      const lines = [
        `${a.artist.name} — ${a.title}`,
        [releaseDate(i18n, a.releaseDate), a.label ?? '', a.genres.join(', ')].join('  '),
        '',
      ];
      const rows: string[][] = [];
      for (const d of a.discs) {
        for (const t of d.tracks) {
          const guests = t.artists.filter((x) => x.id !== a.artist.id).map((x) => x.name);
          rows.push([
            trackLabel(a, d.number, t.trackNumber),
            guests.length
              ? i18n.t('cli.album.featuring', { title: t.title, guests: i18n.list(guests) })
              : t.title,
            formatDuration(t.durationMs),
          ]);
        }
      }
      lines.push(table(rows, [0, 2]));
      if (onSale) {
        lines.push(
          '',
          data.quotes ? table(quoteRows(i18n, data.quotes), [1, 4, 5]) : i18n.t('cli.album.logInForPrices'),
        );
      }
      return lines.join('\n');
    });
    if (onSale) return 0;
    // Not sold here: the album is shown, the refusal goes where errors go, with its own exit code.
    process.stderr.write(
      `${errorLine(i18n, new CliError('NOT_IN_TERRITORY', notInCountryLine(i18n, view)))}\n`,
    );
    return EXIT.notInCountry;
  });

/** A release date as the locale writes it: a whole date, or the year (and month) the store knows. */
function releaseDate(i18n: Translator, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return i18n.date(`${value}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return value;
}

const MODE_KEYS = {
  vbr: 'cli.encodings.mode.vbr',
  cbr: 'cli.encodings.mode.cbr',
  lossless: 'cli.encodings.mode.lossless',
} as const satisfies Record<EncodingMode, string>;

export const encodings = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print, i18n }) => {
    const r = await engine.encodings();
    print(r, () =>
      table([
        [
          i18n.t('cli.encodings.id'),
          i18n.t('cli.encodings.label'),
          i18n.t('cli.encodings.mode'),
          i18n.t('cli.encodings.file'),
          i18n.t('cli.encodings.available'),
        ],
        ...r.encodings.map((e) => [
          e.id,
          e.label,
          i18n.t(MODE_KEYS[e.mode]),
          `.${e.extension}`,
          e.available
            ? i18n.t('cli.encodings.yes')
            : i18n.t('cli.encodings.no', { reason: e.unavailableReason ?? '' }),
        ]),
      ]),
    );
    return 0;
  });

export function parseTrackNumbers(i18n: Translator, album: Album, spec: string): number[] {
  return spec.split(',').map((part) => {
    const m = /^\s*(?:(\d+)-)?(\d+)\s*$/.exec(part);
    const disc = m?.[1] ? Number(m[1]) : 1;
    const track = m ? trackIdAt(album, disc, Number(m[2])) : undefined;
    if (track === undefined)
      throw new CliError('INVALID_ARGUMENT', i18n.t('cli.album.noSuchTrack', { track: part.trim() }));
    return track;
  });
}

function trackIdAt(album: Album, disc: number, number: number): number | undefined {
  return album.discs.find((d) => d.number === disc)?.tracks.find((t) => t.trackNumber === number)?.id;
}
