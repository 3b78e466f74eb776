// Legacy Windows-1251 tag fixtures. The byte layouts live in server code (the demo catalog writes its
// legacy-tagged album with them); this adds a short tagged WAV for tests.
import { addLegacyTags, type LegacyTags } from '../../server/catalog/sources/legacy-id3.ts';
import { writeTone } from './audio-fixtures.ts';

export {
  addLegacyTags,
  cp1251Bytes,
  type LegacyTags,
  legacyId3v1,
  legacyId3v23,
} from '../../server/catalog/sources/legacy-id3.ts';

/** A short tone saved as WAV with no tags of ffmpeg's own, then given legacy Windows-1251 tags. */
export async function writeLegacyWav(
  path: string,
  tags: LegacyTags,
  opts: { seconds?: number; hz?: number; v1?: boolean; v2?: boolean } = {},
): Promise<void> {
  await writeTone(path, {
    seconds: opts.seconds ?? 2,
    hz: opts.hz ?? 440,
    extra: ['-map_metadata', '-1', '-fflags', '+bitexact', '-c:a', 'pcm_s16le'],
  });
  await addLegacyTags(path, tags, opts);
}
