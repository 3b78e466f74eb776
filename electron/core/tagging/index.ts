// Public face of tagging: write a store download's tags natively and verify them, read tags back, pick covers.
export {
  type CoverCap,
  type CoverChoice,
  chooseCover,
  DEFAULT_COVER_CAP,
  type FittingCover,
  fetchFittingCover,
} from './choose-cover.ts';
export { type ImageInfo, imageDimensions } from './image-dimensions.ts';
export { ParsePool, type ParsePoolOptions } from './parse-pool.ts';
export { DEFAULT_PARSE_TIMEOUT_MS, readTags } from './read-tags.ts';
export { TaggingError, type TaggingFailure } from './tagging-error.ts';
export type {
  CoverImage,
  ReadBackCover,
  ReadBackTags,
  ReplayGainValues,
  StoreIds,
  TagOptions,
  TagSystem,
} from './types.ts';
export { writeTaggedCopy, writeTags } from './write-tags.ts';
