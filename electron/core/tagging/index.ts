// Public face of tagging: write a store download's tags natively and verify them, read tags back, pick covers.
import type * as Writers from './write-tags.ts';

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

// The writers pull in node-taglib-sharp, ~65 ms to load: they load with the first file tagged, not
// when the app starts.
const writers = () => import('./write-tags.ts');
export const writeTaggedCopy: typeof Writers.writeTaggedCopy = async (...args) =>
  (await writers()).writeTaggedCopy(...args);
export const writeTags: typeof Writers.writeTags = async (...args) => (await writers()).writeTags(...args);
