// What the browse commands print for a person: album and genre tables, and the command that shows
// the next page, ready to paste.
import type { AlbumSummary, Genre } from '../../../api/schemas/catalog.ts';
import type { Translator } from '../../../i18n/translator.ts';
import { formatDuration, table } from './format.ts';

/** One album a line: the id to pass to `megadisc album`, then who, what, when and how long. */
export function albumTable(
  i18n: Translator,
  albums: AlbumSummary[],
  options: { sales?: boolean } = {},
): string {
  const header = [
    i18n.t('cli.browse.column.id'),
    i18n.t('cli.browse.column.artist'),
    i18n.t('cli.browse.column.title'),
    i18n.t('cli.browse.column.year'),
    i18n.t('cli.browse.column.tracks'),
    i18n.t('cli.browse.column.length'),
  ];
  if (options.sales) header.push(i18n.t('cli.browse.column.sold'));
  const rows = albums.map((a) => {
    const row = [
      String(a.id),
      a.artist.name,
      a.title,
      a.year === null ? '?' : String(a.year),
      String(a.trackCount),
      formatDuration(a.durationMs),
    ];
    if (options.sales) row.push(String(a.sales));
    return row;
  });
  return table([header, ...rows], options.sales ? [0, 4, 5, 6] : [0, 4, 5]);
}

/** Genres with the slug `megadisc genre` takes and how many albums each has. */
export function genreTable(i18n: Translator, genres: Genre[]): string {
  return table(
    [
      [
        i18n.t('cli.browse.column.slug'),
        i18n.t('cli.browse.column.name'),
        i18n.t('cli.browse.column.albums'),
      ],
      ...genres.map((g) => [g.slug, g.name, String(g.albumCount)]),
    ],
    [2],
  );
}

// Characters a POSIX shell reads as themselves; anything else is single-quoted in the hint.
const SHELL_SAFE = /^[\w@%+=:,./-]+$/u;

function shellWord(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** "next page: megadisc genre ambient --limit 2 --cursor …", quoted for a POSIX shell. */
export function nextPageLine(i18n: Translator, args: readonly string[]): string {
  return i18n.t('cli.browse.next', { command: ['megadisc', ...args].map(shellWord).join(' ') });
}
