// What a catalog source (demo synthesis, folder import) hands to the catalog writer.

export interface MasterInfo {
  /** Absolute path of the lossless master (FLAC or WAV). */
  path: string;
  durationMs: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Size of the master file in bytes. */
  bytes: number;
}

export interface LoudnessInfo {
  /** ReplayGain 2.0 gain in dB (reference -18 LUFS). */
  gainDb: number;
  /** Sample peak as a linear ratio (1.0 = full scale). */
  peak: number;
}

export interface TrackInput {
  title: string;
  /** Track artists, in credit order; empty means the album artist. */
  artists: string[];
  discNumber: number;
  trackNumber: number;
  isrc?: string;
  /** A rights holder other than the release's (by name). */
  rightsHolder?: string;
  master: MasterInfo;
  loudness?: LoudnessInfo;
}

export interface AlbumInput {
  title: string;
  albumArtist: string;
  /** ISO date, YYYY-MM-DD (or YYYY when only the year is known). */
  releaseDate: string;
  label?: string;
  /** UPC/EAN barcode. */
  upc?: string;
  /** Who holds the rights (by name); default the label, else the album artist. */
  rightsHolder?: string;
  genres: string[];
  /** Path of the original cover image (JPEG or PNG), if any. */
  coverPath?: string;
  tracks: TrackInput[];
  albumLoudness?: LoudnessInfo;
  /** Demo seeding only: a starting sales count, so charts are not empty. */
  initialSales?: number;
}
