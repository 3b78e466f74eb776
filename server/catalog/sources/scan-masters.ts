// Folder import: finds FLAC/WAV masters, reads tags, probes and measures them, and groups them into AlbumInputs.
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StoreError } from '../../errors/store-error.ts';
import { findMasterFiles } from './find-master-files.ts';
import { groupAlbums, type ImportedFile } from './group-albums.ts';
import { CoverFinder } from './import-cover.ts';
import type { TagEncoding } from './legacy-tag-text.ts';
import { analyzeLoudness, measureAlbumLoudness } from './loudness.ts';
import { mapLimit } from './map-limit.ts';
import { probeMaster } from './probe-master.ts';
import { TagReader } from './tag-reader.ts';
import type { AlbumInput, LoudnessInfo } from './types.ts';

export interface ImportReport {
  albums: AlbumInput[];
  skipped: { path: string; reason: string }[];
}

export interface ScanOptions {
  /** Scratch space for files the import creates: embedded cover pictures are extracted to
   * `<workDir>/import-covers/<content hash>.jpg|png`. Default: a fresh private temp dir per scan. */
  workDir?: string;
  /** Measure ReplayGain for tracks and albums (decodes every file once more). Default true. */
  measureLoudness?: boolean;
  /** Parallel probe/measure jobs. Default 2. */
  concurrency?: number;
  /** Per-file tag parsing budget. Default 15 s. */
  parseTimeoutMs?: number;
  /** How to read single-byte tag text (ID3v1, ID3v2 ISO-8859-1 frames): 'auto' repairs Windows-1251
   * mojibake it recognises, 'cp1251' re-decodes all of it, 'latin1' takes it as written. Default 'auto'. */
  tagEncoding?: TagEncoding;
  onProgress?: (msg: string) => void;
}

/** ffmpeg's progress clock ticks in frames, so a healthy file can read a few hundred ms short. */
const TRUNCATION_TOLERANCE_MS = 500;

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function scanMasters(dir: string, opts: ScanOptions = {}): Promise<ImportReport> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new StoreError('BAD_REQUEST', 400, `Import folder not found: ${root}`);
  const progress = opts.onProgress ?? (() => {});
  const measure = opts.measureLoudness ?? true;
  const concurrency = opts.concurrency ?? 2;
  // A fixed shared /tmp path could be pre-planted by another user, hence mkdtemp when no workDir is given.
  const workDir = opts.workDir ? resolve(opts.workDir) : await mkdtemp(join(tmpdir(), 'megadisc-import-'));
  const covers = new CoverFinder(join(workDir, 'import-covers'));
  const tags = new TagReader(opts.parseTimeoutMs, opts.tagEncoding);
  const skipped: ImportReport['skipped'] = [];

  const paths = await findMasterFiles(root);
  progress(`found ${paths.length} master files`);
  let imported: (ImportedFile | undefined)[];
  try {
    imported = await mapLimit(paths, concurrency, async (path) => {
      try {
        return await importFile(path, tags, covers, measure);
      } catch (err) {
        skipped.push({ path, reason: reasonOf(err) });
        progress(`skipped ${path}: ${reasonOf(err)}`);
        return undefined;
      }
    });
  } finally {
    await tags.close();
  }

  const albums = groupAlbums(imported.filter((f): f is ImportedFile => f !== undefined));
  if (measure) {
    await mapLimit(albums, concurrency, async (album) => {
      try {
        album.albumLoudness = await measureAlbumLoudness(album.tracks.map((t) => t.master.path));
      } catch (err) {
        // Every track already decoded once, so this is unexpected; keep the album and say why it has no album gain.
        progress(`album loudness failed for ${album.title}: ${reasonOf(err)}`);
      }
    });
  }
  skipped.sort((a, b) => a.path.localeCompare(b.path));
  progress(`imported ${albums.length} albums, skipped ${skipped.length} files`);
  return { albums, skipped };
}

async function importFile(
  path: string,
  tags: TagReader,
  covers: CoverFinder,
  measure: boolean,
): Promise<ImportedFile> {
  const parsed = await tags.read(path).catch((err: unknown) => {
    throw new Error(`unreadable tags: ${reasonOf(err)}`);
  });
  if (parsed.lossless === false) throw new Error(`not lossless (${parsed.codec ?? 'unknown codec'})`);
  const master = await probeMaster(path);
  // Metering decodes the whole file, so it doubles as the integrity check for damage past the header.
  let loudness: LoudnessInfo | undefined;
  if (measure) {
    const analysis = await analyzeLoudness([path]);
    const decodedMs = (analysis.decodedSeconds ?? 0) * 1000;
    if (analysis.decodeErrors.length > 0 || decodedMs < master.durationMs - TRUNCATION_TOLERANCE_MS) {
      const detail = analysis.decodeErrors[0] ?? 'no decoder error';
      throw new Error(
        `corrupt or truncated audio: decoded ${(decodedMs / 1000).toFixed(1)} s of ${(master.durationMs / 1000).toFixed(1)} s (${detail})`,
      );
    }
    loudness = analysis.loudness;
  }
  const { picture, ...rest } = parsed;
  const coverPath =
    (await covers.folderImage(dirname(path))) ?? (picture && (await covers.saveEmbedded(picture)));
  const { mtime } = await stat(path);
  return { path: master.path, tags: rest, master, ...(loudness ? { loudness } : {}), coverPath, mtime };
}
