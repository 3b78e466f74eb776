// search, album (tracks and the encoding/price table), encodings.
import type { Album } from '../../../api/schemas/catalog.ts';
import type { EncodingQuote } from '../../core/purchases/purchase-desk.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { requireInt, requireString, withContext } from '../cli-context.ts';
import { formatDuration, formatMb, table } from '../render/format.ts';

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
  withContext(argv, {}, async ({ engine, positionals, print }) => {
    const id = requireInt(positionals[0], 'ALBUM_ID');
    let data: { album: Album; quotes: EncodingQuote[] | null; balance: unknown };
    if (await engine.whoami()) {
      const t = await engine.encodingTable(id);
      data = { album: t.album, quotes: t.quotes, balance: t.balance };
    } else {
      data = { album: await engine.album(id), quotes: null, balance: null };
    }
    print(data, () => {
      const a = data.album;
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
      lines.push(table(rows, [0, 2]), '');
      lines.push(
        data.quotes ? table(quoteRows(data.quotes), [1, 4, 5]) : 'log in to see prices against your balance',
      );
      return lines.join('\n');
    });
    return 0;
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
