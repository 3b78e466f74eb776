// FLAC, Ogg Vorbis and Opus: Vorbis comments, one field per value; the cover as a FLAC picture.
import { TagTypes, type XiphComment } from 'node-taglib-sharp';
import { customFields } from './field-text.ts';
import { editWithTaglib, frontCover } from './taglib-file.ts';
import type { PreparedTags } from './types.ts';

export type XiphContainer = 'flac' | 'ogg' | 'opus';

const TAGLIB_TYPE: Record<XiphContainer, string> = {
  flac: 'taglib/flac',
  ogg: 'taglib/ogg',
  opus: 'taglib/opus',
};

/**
 * Multiple artists and genres are repeated ARTIST= / GENRE= fields, the Vorbis-comment way.
 * The cover is a FLAC PICTURE block in FLAC and a METADATA_BLOCK_PICTURE field (the same structure,
 * base64) in Ogg; node-taglib-sharp picks the right one for the container.
 *
 * Opus: RFC 7845 wants R128_TRACK_GAIN/R128_ALBUM_GAIN (Q7.8 dB relative to -23 LUFS) and frowns on
 * REPLAYGAIN_*. We write both: REPLAYGAIN_* because music-metadata, foobar2000 and most taggers read
 * them (and the peaks have no R128 form), R128_* (= ReplayGain - 5 dB, the -18 vs -23 LUFS references)
 * for opusfile-based players. The header's output gain is left alone: changing it would change the
 * decoded audio, which must stay identical.
 */
export function writeXiph(path: string, container: XiphContainer, tags: PreparedTags): void {
  editWithTaglib(path, TAGLIB_TYPE[container], (file) => {
    const old = file.getTag(TagTypes.Xiph, false) as XiphComment | undefined;
    // ENCODER names the encoder that made the audio; it is provenance, not a tag of ours.
    const encoder = old?.getField('ENCODER') ?? [];
    file.removeTags(TagTypes.AllTags);
    file.tag.pictures = [];
    const comment = file.getTag(TagTypes.Xiph, true) as XiphComment;
    const set = (key: string, values: Array<string | null>) => {
      const present = values.filter((v): v is string => v !== null);
      if (present.length > 0) comment.setFieldAsStrings(key, ...present);
    };
    set('ENCODER', encoder);
    set('TITLE', [tags.title]);
    set('ARTIST', tags.artists);
    set('ALBUM', [tags.album]);
    set('ALBUMARTIST', [tags.albumArtist]);
    set('TRACKNUMBER', [tags.trackNumber === null ? null : String(tags.trackNumber)]);
    set('TRACKTOTAL', [
      tags.trackNumber === null || tags.trackTotal === null ? null : String(tags.trackTotal),
    ]);
    set('DISCNUMBER', [tags.discNumber === null ? null : String(tags.discNumber)]);
    set('DISCTOTAL', [tags.discNumber === null || tags.discTotal === null ? null : String(tags.discTotal)]);
    set('DATE', [tags.date]);
    set('GENRE', tags.genres);
    set('LABEL', [tags.label]);
    set('ISRC', [tags.isrc]);
    for (const [key, value] of customFields(tags)) set(key, [value]);
    if (container === 'opus') {
      set('R128_TRACK_GAIN', [r128(tags.replayGain.trackGainDb)]);
      set('R128_ALBUM_GAIN', [r128(tags.replayGain.albumGainDb)]);
    }
    if (tags.cover) file.tag.pictures = [frontCover(tags.cover)];
  });
}

function r128(replayGainDb: number | null): string | null {
  if (replayGainDb === null) return null;
  const q78 = Math.round((replayGainDb - 5) * 256);
  return String(Math.max(-32768, Math.min(32767, q78)));
}
