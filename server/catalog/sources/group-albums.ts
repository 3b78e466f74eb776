// Groups per-file import records into albums: keys, track/disc numbering, dates, genres and artists.
import { basename, dirname, extname } from 'node:path';
import type { FileTags } from './tag-reader.ts';
import type { AlbumInput, LoudnessInfo, MasterInfo, TrackInput } from './types.ts';

export interface ImportedFile {
  path: string;
  tags: Omit<FileTags, 'picture'>;
  master: MasterInfo;
  loudness?: LoudnessInfo;
  /** Cover found for this file: a folder image next to it or its extracted embedded picture. */
  coverPath?: string;
  /** Modification time, the release-date fallback of last resort. */
  mtime: Date;
}

export const UNKNOWN_ARTIST = 'Unknown Artist';

const clean = (value: string | undefined) => value?.normalize('NFC').trim() || undefined;

/** ISO date the catalog accepts: YYYY-MM-DD when the tag has a full date, else just the year. */
export function normalizeReleaseDate(date: string | undefined, year: number | undefined): string | undefined {
  const full = /^(\d{4})[-/.](\d{2})[-/.](\d{2})/.exec(date ?? '');
  if (full) return `${full[1]}-${full[2]}-${full[3]}`;
  const leadingYear = /^(\d{4})/.exec(date ?? '')?.[1];
  if (leadingYear) return leadingYear;
  return year && year > 0 && year < 10000 ? String(year).padStart(4, '0') : undefined;
}

/** "QZ-K6M-24-00001" and lowercase variants are common in the wild; anything else is not an ISRC. */
export function normalizeIsrc(value: string | undefined): string | undefined {
  const compact = value?.replace(/[-\s]/g, '').toUpperCase();
  return compact && /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(compact) ? compact : undefined;
}

function albumArtistOf(tags: ImportedFile['tags']): string {
  return clean(tags.albumArtist) ?? clean(tags.artist) ?? clean(tags.artists[0]) ?? UNKNOWN_ARTIST;
}

function trackArtists(tags: ImportedFile['tags'], albumArtist: string): string[] {
  const listed = tags.artists.length > 0 ? tags.artists : tags.artist ? [tags.artist] : [];
  const artists = [...new Set(listed.map(clean).filter((a): a is string => Boolean(a)))];
  // The catalog reads an empty list as "the album artist", which keeps the common case compact.
  return artists.length === 1 && artists[0] === albumArtist ? [] : artists;
}

/** Tagged numbers win; untagged or clashing tracks take the next free number on their disc, in file order. */
function numberTracks(files: ImportedFile[]): Map<ImportedFile, { disc: number; track: number }> {
  const positive = (n: number | undefined) =>
    n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  const ordered = [...files].sort((a, b) => {
    const discDiff = (positive(a.tags.discNo) ?? 1) - (positive(b.tags.discNo) ?? 1);
    const trackDiff = (positive(a.tags.trackNo) ?? Infinity) - (positive(b.tags.trackNo) ?? Infinity);
    return (
      discDiff ||
      (Number.isNaN(trackDiff) ? 0 : trackDiff) ||
      a.path.localeCompare(b.path, 'en', { numeric: true })
    );
  });
  const used = new Map<number, Set<number>>();
  const result = new Map<ImportedFile, { disc: number; track: number }>();
  for (const file of ordered) {
    const disc = positive(file.tags.discNo) ?? 1;
    const taken = used.get(disc) ?? new Set<number>();
    used.set(disc, taken);
    let track = positive(file.tags.trackNo);
    if (track === undefined || taken.has(track)) track = Math.max(0, ...taken) + 1;
    taken.add(track);
    result.set(file, { disc, track });
  }
  return result;
}

export function groupAlbums(files: ImportedFile[]): AlbumInput[] {
  const groups = new Map<string, ImportedFile[]>();
  for (const file of files) {
    const album = clean(file.tags.album) ?? basename(dirname(file.path));
    // Case-insensitive keys: "The Album" and "the album" from two rips are one release.
    const key = `${albumArtistOf(file.tags).toLowerCase()}\u0000${album.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }

  const albums: AlbumInput[] = [];
  for (const members of groups.values()) {
    const first = members[0] as ImportedFile;
    const albumArtist = albumArtistOf(first.tags);
    const numbers = numberTracks(members);
    const label = members.map((f) => clean(f.tags.label)).find(Boolean);
    const tracks: TrackInput[] = members.map((file) => {
      const { disc, track } = numbers.get(file)!;
      const isrc = normalizeIsrc(file.tags.isrc);
      const trackLabel = clean(file.tags.label);
      return {
        title: clean(file.tags.title) ?? basename(file.path, extname(file.path)),
        artists: trackArtists(file.tags, albumArtist),
        discNumber: disc,
        trackNumber: track,
        ...(isrc ? { isrc } : {}),
        // A track labelled differently from its release (a compilation) is owed to its own label.
        ...(trackLabel && trackLabel !== label ? { rightsHolder: trackLabel } : {}),
        master: file.master,
        ...(file.loudness ? { loudness: file.loudness } : {}),
      };
    });
    tracks.sort((a, b) => a.discNumber - b.discNumber || a.trackNumber - b.trackNumber);

    const dates = members
      .map((f) => normalizeReleaseDate(f.tags.date, f.tags.year))
      .filter(Boolean) as string[];
    const genres = new Map<string, string>();
    for (const genre of members.flatMap((f) => f.tags.genres.flatMap((g) => g.split(';')))) {
      const name = clean(genre);
      if (name && !genres.has(name.toLowerCase())) genres.set(name.toLowerCase(), name);
    }
    // UPC-A, EAN-13 or EAN-8, digits only; anything else in the tag is not a barcode.
    const upc = members
      .map((f) => f.tags.barcode?.replace(/[\s-]/g, ''))
      .find((b) => b && /^(\d{8}|\d{12,13})$/.test(b));
    const coverPath = members.map((f) => f.coverPath).find(Boolean);
    const oldest = Math.min(...members.map((f) => f.mtime.getTime()));
    albums.push({
      title: clean(first.tags.album) ?? basename(dirname(first.path)),
      albumArtist,
      // A full date beats a bare year; untagged releases fall back to the files' year so the field is never empty.
      releaseDate:
        dates.find((d) => d.length === 10) ?? dates[0] ?? String(new Date(oldest).getUTCFullYear()),
      ...(label ? { label } : {}),
      ...(upc ? { upc } : {}),
      genres: [...genres.values()],
      ...(coverPath ? { coverPath } : {}),
      tracks,
    });
  }
  return albums.sort((a, b) => a.albumArtist.localeCompare(b.albumArtist) || a.title.localeCompare(b.title));
}
