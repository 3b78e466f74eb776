// MP3: one ID3v2 tag (2.4 or a real 2.3) at the start of the file; no ID3v1, no APE.
import {
  Id3v2AttachmentFrame,
  type Id3v2FrameIdentifier,
  Id3v2FrameIdentifiers,
  type Id3v2Tag,
  Id3v2UserTextInformationFrame,
  TagTypes,
} from 'node-taglib-sharp';
import { customFields, numberPair } from './field-text.ts';
import { editWithTaglib, frontCover } from './taglib-file.ts';
import type { PreparedTags } from './types.ts';

const FRAME_IDS = [
  'TIT2',
  'TPE1',
  'TPE2',
  'TALB',
  'TRCK',
  'TPOS',
  'TDRC',
  'TYER',
  'TDAT',
  'TCON',
  'TPUB',
  'TSRC',
] as const;

// The library types its frame table as a string index; resolve the ids we use once, loudly.
const Frames = Object.fromEntries(
  FRAME_IDS.map((id) => {
    const frame = Id3v2FrameIdentifiers[id];
    if (!frame) throw new Error(`node-taglib-sharp lacks ID3v2 frame ${id}`);
    return [id, frame];
  }),
) as Record<(typeof FRAME_IDS)[number], Id3v2FrameIdentifier>;

/**
 * Multiple values: ID3v2.4 stores them NUL-separated in one frame (TPE1, TCON). ID3v2.3 has no such
 * thing; its spec separates TPE1 names with "/", which readers (music-metadata, foobar2000, Picard's
 * own 2.3 mode) split on, so artists are joined with "/" there. The price: a name containing "/"
 * ("AC/DC") comes back as two artists from a 2.3 tag, which is why 2.4 is the default. 2.3 genres are
 * joined with "; " into one TCON value, since readers don't split 2.3 genres at all.
 *
 * The tag is inserted before the first MPEG frame, so the Xing/Info + LAME header frame that lame
 * wrote stays byte-for-byte where it is, and with it gapless playback info.
 */
export function writeId3v2(path: string, tags: PreparedTags, version: 3 | 4): void {
  editWithTaglib(path, 'taglib/mp3', (file) => {
    file.removeTags(TagTypes.AllTags);
    const tag = file.getTag(TagTypes.Id3v2, true) as Id3v2Tag;
    tag.version = version;
    const set = (frame: Id3v2FrameIdentifier, ...values: Array<string | null>) => {
      const present = values.filter((v): v is string => v !== null);
      if (present.length > 0) tag.setTextFrame(frame, ...present);
    };
    set(Frames.TIT2, tags.title);
    if (version === 4) set(Frames.TPE1, ...tags.artists);
    else set(Frames.TPE1, tags.artists.length > 0 ? tags.artists.join('/') : null);
    set(Frames.TPE2, tags.albumArtist);
    set(Frames.TALB, tags.album);
    set(Frames.TRCK, numberPair(tags.trackNumber, tags.trackTotal));
    set(Frames.TPOS, numberPair(tags.discNumber, tags.discTotal));
    if (version === 4) {
      set(Frames.TDRC, tags.date);
    } else {
      // 2.3 has no TDRC: the year goes in TYER, a full date adds TDAT as DDMM.
      set(Frames.TYER, tags.year === null ? null : String(tags.year).padStart(4, '0'));
      if (tags.date?.length === 10) set(Frames.TDAT, tags.date.slice(8, 10) + tags.date.slice(5, 7));
    }
    if (version === 4) set(Frames.TCON, ...tags.genres);
    else set(Frames.TCON, tags.genres.length > 0 ? tags.genres.join('; ') : null);
    set(Frames.TPUB, tags.label);
    set(Frames.TSRC, tags.isrc);
    for (const [key, value] of customFields(tags)) {
      const frame = Id3v2UserTextInformationFrame.fromDescription(key);
      frame.text = [value];
      tag.addFrame(frame);
    }
    if (tags.cover) tag.addFrame(Id3v2AttachmentFrame.fromPicture(frontCover(tags.cover)));
  });
}
