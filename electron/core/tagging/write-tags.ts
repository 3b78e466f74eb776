// Tags a downloaded file: write a temp copy, verify it reads back right, then move it into place.
import { randomBytes } from 'node:crypto';
import { copyFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ENCODINGS, isEncodingId } from '../../../api/schemas/encoding-catalog.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { finalizeFile } from '../downloads/transfer/index.ts';
import { onDisk } from '../downloads/transfer/on-disk.ts';
import { truncateText } from '../library/truncate-text.ts';
import { prepareTags } from './prepare-tags.ts';
import { DEFAULT_PARSE_TIMEOUT_MS, sharedParsePool } from './read-tags.ts';
import { TaggingError } from './tagging-error.ts';
import type { EncodingId, PreparedTags, TagData, TagOptions, TagSystem } from './types.ts';
import { verifyTags } from './verify-tags.ts';
import { writeApev2 } from './write-apev2.ts';
import { writeAsf } from './write-asf.ts';
import { writeId3v2 } from './write-id3v2.ts';
import { writeMp4 } from './write-mp4.ts';
import { writeXiph } from './write-xiph.ts';

/**
 * Writes the tags in the encoding's native system, replacing whatever tags the file had. The work
 * happens on a copy next to the file (same filesystem, so the rename is atomic); the copy is read back
 * with music-metadata and compared field by field *before* it replaces the original, so a failed
 * write or verification leaves the original untouched and throws (TaggingError 'verify-failed' lists
 * the differing fields). The copy is fsynced before the rename and the directory after it.
 */
export function writeTags(
  path: string,
  encoding: EncodingId,
  tags: TagData,
  opts: Partial<TagOptions> = {},
): Promise<void> {
  return writeTaggedCopy(path, path, encoding, tags, opts);
}

/**
 * The same, but the tagged result lands at `target` and `source` is never modified: the download
 * step files a verified download straight into the library, with one copy instead of two. The temp
 * copy sits next to the target, so the final rename stays on one filesystem.
 */
export async function writeTaggedCopy(
  source: string,
  target: string,
  encoding: EncodingId,
  tags: TagData,
  opts: Partial<TagOptions> = {},
): Promise<void> {
  const id3Version = opts.id3Version ?? 4;
  if (id3Version !== 3 && id3Version !== 4) {
    throw new MegadiscError('INVALID_ARGUMENT', `id3Version must be 3 or 4, not ${String(id3Version)}`);
  }
  const system = tagSystemFor(encoding, id3Version);
  const prepared = prepareTags(tags, opts.cover);
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) throw new MegadiscError('INVALID_ARGUMENT', `no file to tag at ${source}`);

  const temp = tempPathFor(target);
  try {
    await onDisk(temp, () => copyFile(source, temp));
    await applyTags(temp, encoding, prepared, id3Version);
    const readBack = await sharedParsePool().parse(temp, opts.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS);
    const differences = verifyTags(prepared, readBack, system);
    if (differences.length > 0) {
      throw new TaggingError(
        'verify-failed',
        `tags of ${basename(target)} did not read back as written: ${differences.join('; ')}`,
        { differences },
      );
    }
    await finalizeFile(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Which native tag system an encoding gets; ID3v2 is split by version because readers differ. */
function tagSystemFor(encoding: EncodingId, id3Version: 3 | 4): TagSystem {
  if (!isEncodingId(encoding)) throw new MegadiscError('INVALID_ARGUMENT', `unknown encoding: ${encoding}`);
  switch (ENCODINGS[encoding].container) {
    case 'mp3':
      return id3Version === 3 ? 'id3v2.3' : 'id3v2.4';
    case 'mp4':
      return 'mp4';
    case 'ogg':
    case 'flac':
      return 'vorbis';
    case 'mpc':
      return 'apev2';
    case 'asf':
      return 'asf';
  }
}

async function applyTags(temp: string, encoding: EncodingId, tags: PreparedTags, id3Version: 3 | 4) {
  switch (ENCODINGS[encoding].container) {
    case 'mp3':
      return writeId3v2(temp, tags, id3Version);
    case 'mp4':
      return writeMp4(temp, tags);
    case 'ogg':
      return writeXiph(temp, ENCODINGS[encoding].codec === 'opus' ? 'opus' : 'ogg', tags);
    case 'flac':
      return writeXiph(temp, 'flac', tags);
    case 'mpc':
      return writeApev2(temp, tags);
    case 'asf':
      return writeAsf(temp, tags);
  }
}

/**
 * Hidden, next to the file, keeping the real extension last (parsers use it as a hint). A crash can
 * leave one behind; the ".tagging-" infix makes such leftovers easy to recognise and sweep.
 */
function tempPathFor(path: string): string {
  const ext = extname(path);
  // Shortened so the extra 18 characters can't push a long name past the filesystem's 255-byte limit.
  const stem = truncateText(basename(path, ext), 120);
  return join(dirname(path), `.${stem}.tagging-${randomBytes(4).toString('hex')}${ext}`);
}
