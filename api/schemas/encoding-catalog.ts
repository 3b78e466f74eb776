// The store's encoding catalogue: shared by server (transcoding, pricing) and client (display).

export const ENCODING_IDS = [
  'mp3-v0',
  'mp3-v2',
  'mp3-320',
  'mp3-256',
  'mp3-192',
  'mp3-128',
  'aac-256',
  'aac-128',
  'vorbis-q6',
  'opus-160',
  'mpc-standard',
  'wma-192',
  'flac',
  'alac',
] as const;

export type EncodingId = (typeof ENCODING_IDS)[number];
export type EncodingMode = 'vbr' | 'cbr' | 'lossless';

export interface EncodingSpec {
  id: EncodingId;
  label: string;
  codec: 'mp3' | 'aac' | 'vorbis' | 'opus' | 'musepack' | 'wma' | 'flac' | 'alac';
  container: 'mp3' | 'mp4' | 'ogg' | 'mpc' | 'asf' | 'flac';
  extension: string;
  mimeType: string;
  mode: EncodingMode;
  /** Nominal average bitrate in kbit/s for lossy encodings; null for lossless. */
  nominalKbps: number | null;
  /**
   * Bounds on the average bitrate, as used for price estimates. `maxKbps` is the
   * reservation ceiling: for MP3 it is the format's hard limit, for the others a
   * margin measured on noise-like material (the worst case for a lossy encoder).
   */
  minKbps: number | null;
  maxKbps: number | null;
}

const spec = (s: EncodingSpec): EncodingSpec => s;

export const ENCODINGS: Record<EncodingId, EncodingSpec> = {
  'mp3-v0': spec({
    id: 'mp3-v0',
    label: 'MP3 V0 (LAME VBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'vbr',
    nominalKbps: 245,
    minKbps: 32,
    maxKbps: 320,
  }),
  'mp3-v2': spec({
    id: 'mp3-v2',
    label: 'MP3 V2 (LAME VBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'vbr',
    nominalKbps: 190,
    minKbps: 32,
    maxKbps: 320,
  }),
  'mp3-320': spec({
    id: 'mp3-320',
    label: 'MP3 320 kbps (LAME CBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'cbr',
    nominalKbps: 320,
    minKbps: 320,
    maxKbps: 320,
  }),
  'mp3-256': spec({
    id: 'mp3-256',
    label: 'MP3 256 kbps (LAME CBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'cbr',
    nominalKbps: 256,
    minKbps: 256,
    maxKbps: 256,
  }),
  'mp3-192': spec({
    id: 'mp3-192',
    label: 'MP3 192 kbps (LAME CBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'cbr',
    nominalKbps: 192,
    minKbps: 192,
    maxKbps: 192,
  }),
  'mp3-128': spec({
    id: 'mp3-128',
    label: 'MP3 128 kbps (LAME CBR)',
    codec: 'mp3',
    container: 'mp3',
    extension: 'mp3',
    mimeType: 'audio/mpeg',
    mode: 'cbr',
    nominalKbps: 128,
    minKbps: 128,
    maxKbps: 128,
  }),
  'aac-256': spec({
    id: 'aac-256',
    label: 'AAC 256 kbps',
    codec: 'aac',
    container: 'mp4',
    extension: 'm4a',
    mimeType: 'audio/mp4',
    mode: 'cbr',
    nominalKbps: 256,
    minKbps: 200,
    maxKbps: 290,
  }),
  'aac-128': spec({
    id: 'aac-128',
    label: 'AAC 128 kbps',
    codec: 'aac',
    container: 'mp4',
    extension: 'm4a',
    mimeType: 'audio/mp4',
    mode: 'cbr',
    nominalKbps: 128,
    minKbps: 100,
    maxKbps: 150,
  }),
  'vorbis-q6': spec({
    id: 'vorbis-q6',
    label: 'Ogg Vorbis q6',
    codec: 'vorbis',
    container: 'ogg',
    extension: 'ogg',
    mimeType: 'audio/ogg',
    mode: 'vbr',
    nominalKbps: 192,
    minKbps: 20,
    maxKbps: 500,
  }),
  'opus-160': spec({
    id: 'opus-160',
    label: 'Opus 160 kbps',
    codec: 'opus',
    container: 'ogg',
    extension: 'opus',
    mimeType: 'audio/ogg; codecs=opus',
    mode: 'vbr',
    nominalKbps: 160,
    minKbps: 40,
    maxKbps: 256,
  }),
  'mpc-standard': spec({
    id: 'mpc-standard',
    label: 'Musepack --standard',
    codec: 'musepack',
    container: 'mpc',
    extension: 'mpc',
    mimeType: 'audio/x-musepack',
    mode: 'vbr',
    nominalKbps: 180,
    minKbps: 24,
    maxKbps: 500,
  }),
  'wma-192': spec({
    id: 'wma-192',
    label: 'WMA 192 kbps',
    codec: 'wma',
    container: 'asf',
    extension: 'wma',
    mimeType: 'audio/x-ms-wma',
    mode: 'cbr',
    nominalKbps: 192,
    minKbps: 185,
    maxKbps: 205,
  }),
  flac: spec({
    id: 'flac',
    label: 'FLAC (lossless)',
    codec: 'flac',
    container: 'flac',
    extension: 'flac',
    mimeType: 'audio/flac',
    mode: 'lossless',
    nominalKbps: null,
    minKbps: null,
    maxKbps: null,
  }),
  alac: spec({
    id: 'alac',
    label: 'ALAC (lossless)',
    codec: 'alac',
    container: 'mp4',
    extension: 'm4a',
    mimeType: 'audio/mp4',
    mode: 'lossless',
    nominalKbps: null,
    minKbps: null,
    maxKbps: null,
  }),
};

export function isEncodingId(value: string): value is EncodingId {
  return (ENCODING_IDS as readonly string[]).includes(value);
}
