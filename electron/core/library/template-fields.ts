// The fields a path template may use, and how each is read from a track's tags.
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';

export interface FieldContext {
  tags: TagData;
  encoding: EncodingId;
  ext: string;
}

export interface FieldDef {
  value: (c: FieldContext) => string;
  /**
   * Whether the value carries information; an optional segment `<…>` is dropped when one of its
   * fields is not present. Defaults to "not empty". Disc fields are absent on single-disc albums.
   */
  present?: (c: FieldContext) => boolean;
  /** Accepts the zero-padding format `{field:02}`. */
  numeric?: boolean;
}

const text = (read: (t: TagData) => string | null | undefined): FieldDef => ({
  value: (c) => read(c.tags) ?? '',
});
const count = (read: (t: TagData) => number | null): FieldDef => ({
  value: (c) => {
    const n = read(c.tags);
    return n === null ? '' : String(n);
  },
  present: (c) => (read(c.tags) ?? 0) > 0,
  numeric: true,
});
const multiDisc = (c: FieldContext) => c.tags.discTotal > 1;
const joinedArtists = (t: TagData) => t.artists.filter((a) => a.trim() !== '').join(', ');

export const TEMPLATE_FIELDS: Readonly<Record<string, FieldDef>> = {
  // Falls back to the track artists, as Picard does, so compilations without one still file well.
  albumartist: text((t) => (t.albumArtist.trim() !== '' ? t.albumArtist : joinedArtists(t))),
  artist: text(joinedArtists),
  album: text((t) => t.album),
  title: text((t) => t.title),
  track: count((t) => t.trackNumber),
  tracktotal: count((t) => t.trackTotal),
  disc: { ...count((t) => t.discNumber), present: multiDisc },
  disctotal: { ...count((t) => t.discTotal), present: multiDisc },
  year: count((t) => t.year),
  date: text((t) => t.date),
  // The first genre: a folder name wants one word, not a list.
  genre: text((t) => t.genres[0]),
  label: text((t) => t.label),
  isrc: text((t) => t.isrc),
  encoding: { value: (c) => c.encoding },
  codec: { value: (c) => ENCODINGS[c.encoding].codec },
  ext: { value: (c) => c.ext },
};

export const FIELD_NAMES = Object.keys(TEMPLATE_FIELDS);

export function isPresent(def: FieldDef, context: FieldContext): boolean {
  return def.present ? def.present(context) : def.value(context).trim() !== '';
}
