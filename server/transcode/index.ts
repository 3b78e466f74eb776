// Public face of the transcoding module: probe the encoders once at startup, then hand that to a Transcoder.

export { probeEncoders } from './probe-encoders.ts';
export { Transcoder, type TranscoderOptions } from './transcoder.ts';
export type {
  CacheKind,
  EncodeIndex,
  EncodeKey,
  EncodeRecord,
  EncodeRequest,
  EncoderAvailability,
  ExactSizes,
  PreviewRequest,
  ToolPaths,
} from './types.ts';
