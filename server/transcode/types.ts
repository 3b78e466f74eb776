// Shapes shared by the transcoding module and its callers (the cache index lives in the caller's SQLite).

import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';

/** What the cache holds: the sold encodings, and each track's free preview (never one of those). */
export type CacheKind = EncodingId | 'preview';

export interface EncodeRecord<K extends CacheKind = EncodingId> {
  trackId: number;
  encoding: K;
  encoderVersion: string;
  /** Absolute path of the finished encode inside the cache directory. */
  path: string;
  bytes: number;
  /** Lowercase hex SHA-256 of the file. */
  sha256: string;
  /** ISO timestamp of when the encode was committed. */
  createdAt: string;
}

/** Sizes of finished encodes, looked up while a price table or a reservation is built. */
export interface ExactSizes {
  lookup(trackId: number, encoding: EncodingId): { bytes: number } | undefined;
}

/** Persistent map of finished encodes; keyed by encoder version so a tool or recipe change misses. */
export interface EncodeIndex {
  get(
    trackId: number,
    encoding: CacheKind,
    encoderVersion: string,
  ): Promise<EncodeRecord<CacheKind> | undefined>;
  /** Every record of these tracks, whatever the kind and version (one query for a price table). */
  ofTracks(trackIds: number[]): Promise<EncodeRecord<CacheKind>[]>;
  put(record: EncodeRecord<CacheKind>): Promise<void>;
  delete(trackId: number, encoding: CacheKind, encoderVersion: string): Promise<void>;
  /**
   * Claims the encode of one key for `owner` (one encoder run per key across every process that
   * shares the cache), taking over a claim not renewed for `staleMs`; false while another holds it.
   */
  claim(key: EncodeKey, owner: string, staleMs: number): Promise<boolean>;
  /** Keeps the owner's claim alive while it encodes. */
  renew(key: EncodeKey, owner: string): Promise<void>;
  release(key: EncodeKey, owner: string): Promise<void>;
}

export interface EncodeKey {
  trackId: number;
  encoding: CacheKind;
  encoderVersion: string;
}

export interface EncoderAvailability {
  encoding: EncodingId;
  available: boolean;
  /** Why the encoding is unavailable (technical English); absent when available. */
  reason?: string;
  /** The tool at fault, for a reason worded in the reader's language; with `encoder`, ffmpeg lacks it. */
  tool?: ToolName;
  encoder?: string;
  /** Tool versions plus a hash of the argument recipe; present when available. */
  encoderVersion?: string;
}

/** Binaries to run; each defaults to its bare name, resolved on PATH. */
export interface ToolPaths {
  ffmpeg?: string;
  lame?: string;
  mpcenc?: string;
}

export type ToolName = keyof ToolPaths;

export interface EncodeRequest {
  trackId: number;
  /** Lossless master (FLAC or WAV). */
  masterPath: string;
  /** Master duration; drives progress fractions and the encoder timeout. */
  durationMs: number;
  encoding: EncodingId;
}

/** A track's free preview: a short clip of the master, see preview-recipe.ts. */
export interface PreviewRequest {
  trackId: number;
  masterPath: string;
  durationMs: number;
}
