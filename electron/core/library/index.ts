// The offline library: path templates, safe names, the index of owned files and its upkeep.
export { type CardQuery, listAlbumCards } from './album-cards.ts';
export { DEFAULT_PATH_BUDGET, fitPathBudget, pathBudgetFor } from './fit-path-budget.ts';
export { hashFile } from './hash-file.ts';
export { LibraryIndex } from './library-index.ts';
export type {
  AlbumSort,
  FileStatus,
  LibraryAlbum,
  LibraryEntry,
  LibraryFile,
  LibraryTrack,
  ListOptions,
  Move,
  ReorganizeOptions,
  ReorganizeResult,
  RescanReport,
  VerifyProgress,
  VerifyReport,
} from './library-types.ts';
export type { NewFilePath } from './new-file-path.ts';
export { ownedCopy } from './owned-copy.ts';
export { DEFAULT_TEMPLATE, type PathTemplate, parseTemplate, validateTemplate } from './path-template.ts';
export { type RenderOptions, renderPath } from './render-path.ts';
export { isInside, resolveInLibrary, splitLibraryPath } from './resolve-in-library.ts';
export {
  isWindowsReserved,
  MAX_COMPONENT_BYTES,
  type SanitizeOptions,
  sanitizeComponent,
} from './sanitize-component.ts';
export { FIELD_NAMES } from './template-fields.ts';
export { type TrackPageQuery, trackPage } from './track-page.ts';
export { truncateText } from './truncate-text.ts';
export { pathKey, uniquePath } from './unique-path.ts';
