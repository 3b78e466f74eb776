// Shapes shared by the tag writers, the read-back worker and the verifier.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';

export type { EncodingId, TagData };

export type CoverMimeType = 'image/jpeg' | 'image/png';

export interface CoverImage {
  data: Uint8Array;
  mimeType: CoverMimeType;
}

export interface TagOptions {
  /** ID3v2 major version for MP3s; 4 unless the user needs 2.3 for an old player. */
  id3Version: 3 | 4;
  /**
   * Front cover to embed. The file's previous tags are always replaced as a whole, so leaving this
   * out (or null) means the file ends up without a cover.
   */
  cover?: CoverImage | null;
  /** Limit for the read-back parse that verifies the write (default 10 s). */
  parseTimeoutMs?: number;
}

/** The native tag system a file is written in; ID3v2 is split by version because readers differ. */
export type TagSystem = 'id3v2.4' | 'id3v2.3' | 'mp4' | 'vorbis' | 'apev2' | 'asf';

export interface ReplayGainValues {
  trackGainDb: number | null;
  trackPeak: number | null;
  albumGainDb: number | null;
  albumPeak: number | null;
}

export interface StoreIds {
  trackId: number | null;
  albumId: number | null;
  artistId: number | null;
  orderId: string | null;
}

export interface ReadBackCover {
  mimeType: string;
  data: Uint8Array;
  width: number | null;
  height: number | null;
}

/** Sanitized tag values: exactly what gets written, and what a read-back must return. */
export interface PreparedTags {
  title: string | null;
  artists: string[];
  album: string | null;
  albumArtist: string | null;
  trackNumber: number | null;
  trackTotal: number | null;
  discNumber: number | null;
  discTotal: number | null;
  year: number | null;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; falls back to the year alone. */
  date: string | null;
  genres: string[];
  label: string | null;
  isrc: string | null;
  storeIds: StoreIds;
  /** Rounded to what the text form keeps (2 decimals for gains, 6 for peaks). */
  replayGain: ReplayGainValues;
  cover: CoverImage | null;
}

/** What music-metadata sees in a file, flattened for comparison and for the library index. */
export interface ReadBackTags extends Omit<PreparedTags, 'cover'> {
  /** Tag systems found, as music-metadata names them: 'ID3v2.4', 'vorbis', 'APEv2', 'iTunes', 'asf'. */
  tagTypes: string[];
  container: string | null;
  codec: string | null;
  durationSec: number | null;
  cover: ReadBackCover | null;
  /** The parser's complaints about the file (non-standard separators, odd sizes). */
  warnings: string[];
}
