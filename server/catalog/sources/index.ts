// Public surface of the catalog sources: demo synthesis, folder import, loudness, probing and cover resizing.
export { renderCoverSizes } from './cover-sizes.ts';
export {
  DEFAULT_DEMO_DEFINITION,
  type DemoDefinition,
  loadDemoDefinition,
  parseDemoDefinition,
  type ResolvedDemoDefinition,
} from './demo-definition.ts';
export { type SynthesizeOptions, synthesizeDemoCatalog } from './demo-synthesize.ts';
export { isTagEncoding, TAG_ENCODINGS, type TagEncoding } from './legacy-tag-text.ts';
export { type LoudnessOptions, measureAlbumLoudness, measureTrackLoudness } from './loudness.ts';
export { probeMaster } from './probe-master.ts';
export {
  type ImportReport,
  type ScanOptions,
  scanMasters,
} from './scan-masters.ts';
