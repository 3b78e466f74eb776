// Public face of the transcoding module: probe the encoders once at startup, then hand that to a Transcoder.

export { probeEncoders } from './probe-encoders.ts';
export { Transcoder, type TranscoderOptions } from './transcoder.ts';
export type { EncodeIndex, EncodeRecord, EncodeRequest, EncoderAvailability, ToolPaths } from './types.ts';
