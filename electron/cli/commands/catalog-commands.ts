// search, album (tracks and the encoding/price table), encodings.
import type { Album } from '../../../api/schemas/catalog.ts';
import type { EncodingQuote } from '../../core/purchases/purchase-desk.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, requireString, withContext } from '../cli-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatDuration, formatMb, table } from '../render/format.ts';
import { notForSaleLine, notInCountryLine } from '../render/sale-text.ts';

export const search = (argv: string[]) =>
  withContext(argv, { type: { type: 'string' } }, async ({ engine, positionals, values, print }) => {
    const q = requireString(positionals.join(' '), 'a search QUERY');
    const type = values.type as 'artist' | 'album' | 'track' | undefined;
    const r = await engine.search(q, type);
    print(r, () => {
      const lines: string[] = [];
      if (r.artists.items.length)
        lines.push('Artists', ...r.artists.items.map((a) => `  ${a.name}  (artist ${a.id})`));
      if (r.albums.items.length) {
        lines.push(
          'Albums',
          ...r.albums.items.map((a) => `  ${a.artist.name} — ${a.title} (${a.year ?? '?'})  [album ${a.id}]`),
        );
      }
      if (r.tracks.items.length) {
        lines.push(
          'Tracks',
          ...r.tracks.items.map(
            (t) =>
              `  ${t.title} — ${t.artists.map((a) => a.name).join(', ')}, on ${t.album.title}  [album ${t.albumId}]`,
          ),
        );
      }
      return lines.length ? lines.join('\n') : `nothing found for "${q}"`;
    });
    return 0;
  });

/** Track numbers as `album` shows them: "3" on single-disc albums, "2-3" for disc 2 track 3. */
export function trackLabel(album: Album, disc: number, track: number): string {
  return album.discCount > 1 ? `${disc}-${track}` : String(track);
}

export function quoteRows(quotes: EncodingQuote[]): string[][] {
  const rows = [['encoding', 'size', '', 'range', 'cost', 'after', 'fits']];
  for (const q of quotes) {
    if (!q.available) {
      rows.push([q.encoding, '', '', `unavailable: ${q.unavailableReason}`, '', '', '']);
      continue;
    }
    rows.push([
      q.encoding,
      formatMb(q.bytes),
      q.exact ? 'exact' : 'est.',
      q.exact ? '' : `${formatMb(q.lowBytes)}–${formatMb(q.highBytes)}`,
      q.ownedAll ? 'owned: free' : q.chargePrice,
      formatMb(q.balanceAfterBytes),
      q.fits ? '✓' : '✗',
    ]);
  }
  return rows;
}

export const album = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, positionals, print, json }) => {
    const id = requireInt(positionals[0], 'ALBUM_ID');
    const view = await engine.storeAlbum(id);
    const { availability, owned } = view;
    if (availability.state === 'taken_down') {
      // The store shows the album no more: the reason is all there is to say.
      if (!json) throw new MegadiscError('TAKEN_DOWN', notForSaleLine(view));
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
        `${a.releaseDate}  ${a.label ?? ''}  ${a.genres.join(', ')}`,
        '',
      ];
      const rows: string[][] = [];
      for (const d of a.discs) {
        for (const t of d.tracks) {
          const guests = t.artists.filter((x) => x.id !== a.artist.id).map((x) => x.name);
          rows.push([
            trackLabel(a, d.number, t.trackNumber),
            t.title + (guests.length ? ` (feat. ${guests.join(', ')})` : ''),
            formatDuration(t.durationMs),
          ]);
        }
      }
      lines.push(table(rows, [0, 2]));
      if (onSale) {
        lines.push(
          '',
          data.quotes
            ? table(quoteRows(data.quotes), [1, 4, 5])
            : 'log in to see prices against your balance',
        );
      }
      return lines.join('\n');
    });
    if (onSale) return 0;
    // Not sold here: the album is shown, the refusal goes where errors go, with its own exit code.
    process.stderr.write(`megadisc: ${notInCountryLine(view)} (NOT_IN_TERRITORY)\n`);
    return EXIT.notInCountry;
  });

export const encodings = (argv: string[]) =>
  withContext(argv, {}, async ({ engine, print }) => {
    const r = await engine.encodings();
    print(r, () =>
      table([
        ['id', 'label', 'mode', 'file', 'available'],
        ...r.encodings.map((e) => [
          e.id,
          e.label,
          e.mode,
          `.${e.extension}`,
          e.available ? 'yes' : `no: ${e.unavailableReason}`,
        ]),
      ]),
    );
    return 0;
  });

export function parseTrackNumbers(album: Album, spec: string): number[] {
  return spec.split(',').map((part) => {
    const m = /^\s*(?:(\d+)-)?(\d+)\s*$/.exec(part);
    const disc = m?.[1] ? Number(m[1]) : 1;
    const track = m ? trackIdAt(album, disc, Number(m[2])) : undefined;
    if (track === undefined) {
      throw new MegadiscError(
        'INVALID_ARGUMENT',
        `no track "${part.trim()}" on this album; use the numbers "megadisc album" shows`,
      );
    }
    return track;
  });
}

function trackIdAt(album: Album, disc: number, number: number): number | undefined {
  return album.discs.find((d) => d.number === disc)?.tracks.find((t) => t.trackNumber === number)?.id;
}
