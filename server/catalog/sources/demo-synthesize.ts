// Renders the demo catalog: FLAC masters and covers with ffmpeg, then loudness, returned as AlbumInputs.
// An album with legacyTags gets WAV/FLAC masters tagged in Windows-1251 and is read back by the importer.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toLatin } from '../../../api/text/transliterate.ts';
import { renderDemoCover } from './demo-cover-art.ts';
import {
  type DemoAlbum,
  type DemoDefinition,
  type DemoTrack,
  parseDemoDefinition,
} from './demo-definition.ts';
import { importLegacyAlbum, writeLegacyTags } from './demo-legacy-tags.ts';
import { masterFormat, trackJobArgs } from './demo-track-job.ts';
import { measureAlbumLoudness, parseEbur128Summary } from './loudness.ts';
import { mapLimit } from './map-limit.ts';
import { probeMaster } from './probe-master.ts';
import { ffmpegPath, runProcess } from './run-process.ts';
import type { AlbumInput, LoudnessInfo, TrackInput } from './types.ts';

export interface SynthesizeOptions {
  /** Multiplies every track length (tests use ~0.05 for 2-3 second tracks). */
  durationScale?: number;
  onProgress?: (msg: string) => void;
  /** Parallel ffmpeg jobs; each is single-threaded, so this is roughly the number of cores used. */
  concurrency?: number;
}

/** Shortest track we render, so tiny scales still give every fade and loop something to work with. */
const MIN_SECONDS = 1;

interface PlannedTrack {
  albumIndex: number;
  track: DemoTrack;
  input: Omit<TrackInput, 'master' | 'loudness'>;
  seconds: number;
  outPath: string;
}

/** ASCII file names keep masters portable across filesystems; the Unicode title lives in the tags and catalog. */
function slug(text: string): string {
  const ascii = toLatin(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return (
    ascii
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'track'
  );
}

export async function synthesizeDemoCatalog(
  definition: DemoDefinition,
  outDir: string,
  opts: SynthesizeOptions = {},
): Promise<AlbumInput[]> {
  const def = parseDemoDefinition(definition);
  const scale = opts.durationScale ?? 1;
  if (!(scale > 0)) throw new Error(`durationScale must be positive, got ${scale}`);
  const progress = opts.onProgress ?? (() => {});
  const concurrency = opts.concurrency ?? 2;
  const root = resolve(outDir);
  const artistName = new Map(def.artists.map((a) => [a.id, a.name]));

  const planned: PlannedTrack[] = [];
  const covers: { albumIndex: number; path: string }[] = [];
  for (const [albumIndex, album] of def.albums.entries()) {
    const dir = join(root, album.id);
    await mkdir(dir, { recursive: true });
    covers.push({ albumIndex, path: join(dir, 'cover.jpg') });
    for (const [d, disc] of album.discs.entries()) {
      for (const [t, track] of disc.tracks.entries()) {
        const file = `${d + 1}-${String(t + 1).padStart(2, '0')}-${slug(track.title)}.${masterFormat(album, track)}`;
        planned.push({
          albumIndex,
          track,
          // Millisecond-aligned lengths make probed durations match exactly.
          seconds: Math.max(MIN_SECONDS, Math.round(track.seconds * scale * 1000) / 1000),
          outPath: join(dir, file),
          input: {
            title: track.title,
            artists: (track.artists ?? []).map((id) => artistName.get(id) as string),
            discNumber: d + 1,
            trackNumber: t + 1,
            ...(track.isrc ? { isrc: track.isrc } : {}),
            ...(track.rightsHolder ? { rightsHolder: track.rightsHolder } : {}),
          },
        });
      }
    }
  }

  // Covers and tracks are independent jobs; interleaving them keeps both cores busy.
  type Job = { kind: 'cover'; cover: (typeof covers)[number] } | { kind: 'track'; plan: PlannedTrack };
  const jobs: Job[] = [
    ...covers.map((cover) => ({ kind: 'cover' as const, cover })),
    ...planned.map((plan) => ({ kind: 'track' as const, plan })),
  ];
  const rendered = new Map<PlannedTrack, TrackInput>();
  await mapLimit(jobs, concurrency, async (job) => {
    if (job.kind === 'cover') {
      const album = def.albums[job.cover.albumIndex]!;
      await renderDemoCover(album.cover, album.title, artistName.get(album.artist)!, job.cover.path);
      progress(`cover: ${album.title}`);
      return;
    }
    const { plan } = job;
    const album = def.albums[plan.albumIndex]!;
    const loudness = await renderTrack(plan, album, artistName);
    const master = await probeMaster(plan.outPath);
    rendered.set(plan, { ...plan.input, master, loudness });
    progress(`track: ${album.title} ${plan.input.discNumber}-${plan.input.trackNumber} ${plan.track.title}`);
  });

  return mapLimit(def.albums, concurrency, async (album, albumIndex) => {
    const tracks = planned.filter((p) => p.albumIndex === albumIndex).map((p) => rendered.get(p)!);
    if (album.legacyTags) {
      const loudness = new Map(tracks.map((t) => [t.master.path, t.loudness!]));
      const albumArtist = artistName.get(album.artist)!;
      const imported = await importLegacyAlbum(join(root, album.id), album, albumArtist, loudness, progress);
      imported.albumLoudness = await measureAlbumLoudness(imported.tracks.map((t) => t.master.path));
      progress(`album read back from ${album.legacyTags} tags, loudness measured: ${imported.title}`);
      return imported;
    }
    const albumLoudness = await measureAlbumLoudness(tracks.map((t) => t.master.path));
    progress(`album loudness: ${album.title}`);
    return {
      title: album.title,
      albumArtist: artistName.get(album.artist)!,
      releaseDate: album.releaseDate,
      ...(album.label ? { label: album.label } : {}),
      ...(album.upc ? { upc: album.upc } : {}),
      genres: album.genres,
      coverPath: covers[albumIndex]!.path,
      tracks,
      albumLoudness,
      ...(album.initialSales !== undefined ? { initialSales: album.initialSales } : {}),
    };
  });
}

async function renderTrack(
  plan: PlannedTrack,
  album: DemoAlbum,
  artistName: Map<string, string>,
): Promise<LoudnessInfo> {
  const partial = `${plan.outPath}.part`;
  const args = trackJobArgs({
    album,
    track: plan.track,
    discNumber: plan.input.discNumber,
    trackNumber: plan.input.trackNumber,
    seconds: plan.seconds,
    albumArtist: artistName.get(album.artist)!,
    trackArtists: plan.input.artists,
    outPath: partial,
  });
  try {
    // Rendering runs at ~100x real time; the generous budget only exists to stop a wedged ffmpeg.
    const { stderr } = await runProcess(ffmpegPath(), args, { timeoutMs: 60_000 + plan.seconds * 1000 });
    if (album.legacyTags) {
      const input = { album, track: plan.track, trackNumber: plan.input.trackNumber };
      await writeLegacyTags(partial, { ...input, albumArtist: artistName.get(album.artist)! });
    }
    await rename(partial, plan.outPath);
    return parseEbur128Summary(stderr);
  } catch (err) {
    await rm(partial, { force: true });
    throw new Error(`Demo track "${plan.track.title}" failed to render: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
