// Compares what was written with what music-metadata reads back, allowing only each format's known limits.
import type { PreparedTags, ReadBackTags, TagSystem } from './types.ts';

/**
 * One line per differing field; empty when the file reads back as intended. The allowances, all
 * documented limits of the format rather than of our writer:
 * - ID3v2.3 splits artists on "/" (its separator), so "AC/DC" reads as two names there;
 * - ID3v2.3 keeps no multi-value genres: they are one "; "-joined value;
 * - ID3v2.3 and ASF keep the year, not the full date;
 * - ID3 readers (music-metadata included, even for 2.4) parse "(17)"-style genre references, so a
 *   genre with parentheses, or made of digits only, reads back altered; the others must still match.
 */
export function verifyTags(expected: PreparedTags, actual: ReadBackTags, system: TagSystem): string[] {
  const diffs: string[] = [];
  const check = (field: string, want: unknown, got: unknown, same = Object.is(want, got)) => {
    if (!same) diffs.push(`${field}: wrote ${show(want)}, read ${show(got)}`);
  };
  check('title', expected.title, actual.title);
  const artists =
    system === 'id3v2.3'
      ? expected.artists
          .join('/')
          .split('/')
          .map((a) => a.trim())
      : expected.artists;
  check(
    'artists',
    artists,
    actual.artists,
    sameList(artists.filter(Boolean), actual.artists.filter(Boolean)),
  );
  check('album', expected.album, actual.album);
  check('albumArtist', expected.albumArtist, actual.albumArtist);
  check('trackNumber', expected.trackNumber, actual.trackNumber);
  check('trackTotal', expected.trackNumber === null ? null : expected.trackTotal, actual.trackTotal);
  check('discNumber', expected.discNumber, actual.discNumber);
  check('discTotal', expected.discNumber === null ? null : expected.discTotal, actual.discTotal);
  check('year', expected.year, actual.year);
  if (system !== 'id3v2.3' && system !== 'asf') check('date', expected.date, actual.date);
  check('genres', expected.genres, actual.genres, genresMatch(expected.genres, actual.genres, system));
  check('label', expected.label, actual.label);
  check('isrc', expected.isrc, actual.isrc);
  for (const key of ['trackId', 'albumId', 'artistId', 'orderId'] as const) {
    check(`storeIds.${key}`, expected.storeIds[key], actual.storeIds[key]);
  }
  for (const key of ['trackGainDb', 'trackPeak', 'albumGainDb', 'albumPeak'] as const) {
    const want = expected.replayGain[key];
    const got = actual.replayGain[key];
    check(
      `replayGain.${key}`,
      want,
      got,
      want === null ? got === null : got !== null && Math.abs(want - got) < 1e-9,
    );
  }
  const cover = expected.cover;
  const read = actual.cover;
  if (cover === null) check('cover', null, read ? `${read.data.length} bytes` : null);
  else if (read === null) check('cover', `${cover.data.length} bytes`, null);
  else {
    check('cover.mimeType', cover.mimeType, read.mimeType);
    check(
      'cover.data',
      `${cover.data.length} bytes`,
      `${read.data.length} bytes`,
      Buffer.from(cover.data).equals(read.data),
    );
  }
  return diffs;
}

function genresMatch(expected: string[], actual: string[], system: TagSystem): boolean {
  const digitsOnly = (g: string) => /^\d+$/.test(g);
  if (system === 'id3v2.3') {
    if (expected.length === 0) return actual.length === 0;
    const joined = expected.join('; ');
    return digitsOnly(joined) || sameList([joined], actual);
  }
  if (system === 'id3v2.4') {
    const plain = expected.filter((g) => !/[()]/.test(g) && !digitsOnly(g));
    if (plain.length < expected.length) return plain.every((g) => actual.includes(g));
  }
  return sameList(expected, actual);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
