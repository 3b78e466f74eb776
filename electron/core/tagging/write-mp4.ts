// AAC and ALAC .m4a: iTunes-style MP4 atoms in moov/udta/meta/ilst.
import {
  ByteVector,
  Mpeg4AppleDataBoxFlagType,
  type Mpeg4AppleTag,
  Mpeg4BoxType,
  StringType,
  TagTypes,
} from 'node-taglib-sharp';
import { customFields, displayArtists } from './field-text.ts';
import { editWithTaglib, frontCover } from './taglib-file.ts';
import type { PreparedTags } from './types.ts';

const ITUNES = 'com.apple.iTunes';

/**
 * ©ART is single-valued for iTunes, so it gets a display string ("A & B") and the list goes in
 * ----:com.apple.iTunes:ARTISTS, one data atom per artist, as Picard does; music-metadata prefers
 * that list. Genres are one ©gen with a data atom per genre (iTunes shows the first). Label, ISRC,
 * ReplayGain and store ids are freeform ----:com.apple.iTunes atoms. node-taglib-sharp moves the
 * stco/co64 chunk offsets when moov grows, so the faststart layout keeps playing.
 */
export function writeMp4(path: string, tags: PreparedTags): void {
  editWithTaglib(path, 'taglib/m4a', (file) => {
    file.removeTags(TagTypes.AllTags);
    const tag = file.getTag(TagTypes.Apple, true) as Mpeg4AppleTag;
    const text = (box: ByteVector, value: string | null) => {
      if (value !== null) tag.setQuickTimeString(box, value);
    };
    text(Mpeg4BoxType.NAM, tags.title);
    text(Mpeg4BoxType.ART, displayArtists(tags.artists));
    text(Mpeg4BoxType.AART, tags.albumArtist);
    text(Mpeg4BoxType.ALB, tags.album);
    // trkn/disk are binary (number, total); a 0 total means "unknown" to every reader.
    if (tags.trackNumber !== null) {
      tag.track = tags.trackNumber;
      tag.trackCount = tags.trackTotal ?? 0;
    }
    if (tags.discNumber !== null) {
      tag.disc = tags.discNumber;
      tag.discCount = tags.discTotal ?? 0;
    }
    text(Mpeg4BoxType.DAY, tags.date);
    if (tags.genres.length > 0) {
      const atoms = tags.genres.map((g) => ByteVector.fromString(g, StringType.UTF8));
      tag.setQuickTimeData(Mpeg4BoxType.GEN, atoms, Mpeg4AppleDataBoxFlagType.ContainsText);
    }
    if (tags.artists.length > 1) tag.setItunesStrings(ITUNES, 'ARTISTS', ...tags.artists);
    if (tags.label !== null) tag.setItunesStrings(ITUNES, 'LABEL', tags.label);
    if (tags.isrc !== null) tag.setItunesStrings(ITUNES, 'ISRC', tags.isrc);
    for (const [key, value] of customFields(tags)) tag.setItunesStrings(ITUNES, key, value);
    if (tags.cover) tag.pictures = [frontCover(tags.cover)];
  });
}
