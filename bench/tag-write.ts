// writeTags throughput: 1,000 files of all 14 store encodings (copies of untagged templates made with the
// store's own recipes), full TagData plus a 600 px JPEG cover, each write verified by the read-back parse.
// Pass 1 tags them one at a time, pass 2 two at a time (the read-back runs in worker threads, so writes
// can overlap), pass 3 times readTags alone on the tagged files, to show what verification costs.
// Usage: node bench/tag-write.ts
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENCODING_IDS, ENCODINGS, type EncodingId } from '../api/schemas/encoding-catalog.ts';
import type { TagData } from '../api/schemas/orders.ts';
import { readTags, writeTags } from '../electron/core/tagging/index.ts';
import { RECIPES } from '../server/transcode/recipes.ts';
import { runPipeline } from '../server/transcode/run-pipeline.ts';
import { makeMaster } from './lib/audio.ts';
import {
  fmt,
  markdownTable,
  median,
  note,
  onCleanup,
  percentile,
  printHeader,
  run,
  runMain,
  say,
} from './lib/harness.ts';

const FILES = 1000;
const SECONDS = 10;
const BIN = { ffmpeg: 'ffmpeg', lame: 'lame', mpcenc: 'mpcenc' };

const TAGS: TagData = {
  title: 'Night Drive',
  artists: ['Ana Lima', 'The Echo Unit'],
  album: 'Megadisc Sessions',
  albumArtist: 'Various Artists',
  trackNumber: 3,
  trackTotal: 12,
  discNumber: 1,
  discTotal: 2,
  year: 2021,
  date: '2021-05-07',
  genres: ['Electronic', 'Ambient'],
  label: 'Megadisc Records',
  isrc: 'USRC17607839',
  storeIds: { trackId: 1001, albumId: 2002, artistId: 3003, orderId: 'ord_AbCdEfGhIj0123' },
  coverUrl: null,
  replayGain: { trackGainDb: -6.52, trackPeak: 0.987654, albumGainDb: -7.1, albumPeak: 0.999123 },
};

interface Job {
  encoding: EncodingId;
  path: string;
}

const audioMd5 = (path: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:a', '-f', 'md5', '-']).toString().trim();

/** Fresh copies of the templates, round-robin over the encodings, in their own folder. */
function copies(templates: Map<EncodingId, string>, dir: string): Job[] {
  mkdirSync(dir);
  return Array.from({ length: FILES }, (_, i) => {
    const encoding = ENCODING_IDS[i % ENCODING_IDS.length]!;
    const path = join(dir, `${String(i).padStart(4, '0')}.${ENCODINGS[encoding].extension}`);
    copyFileSync(templates.get(encoding)!, path);
    return { encoding, path };
  });
}

/** Runs `step` over the jobs with `concurrency` at a time; per-job ms and the wall time. */
async function timed(jobs: Job[], concurrency: number, step: (job: Job) => Promise<unknown>) {
  const ms = new Map<Job, number>();
  const queue = [...jobs];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t = performance.now();
        await step(job);
        ms.set(job, performance.now() - t);
      }
    }),
  );
  return { ms, wallMs: performance.now() - started };
}

async function main(): Promise<void> {
  printHeader(`writeTags throughput (${FILES} files, 14 encodings)`, 'node bench/tag-write.ts');
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-tags-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  note('making the master, the 14 untagged templates and the cover…');
  const master = await makeMaster(join(dir, 'master.flac'), SECONDS);
  const templates = new Map<EncodingId, string>();
  for (const encoding of ENCODING_IDS) {
    const path = join(dir, `template-${encoding}.${ENCODINGS[encoding].extension}`);
    await runPipeline(RECIPES[encoding].stages(master.path, path, BIN), {
      timeoutMs: 120_000,
      onProgressStream: (s) => s.resume(),
    });
    templates.set(encoding, path);
  }
  const coverPath = join(dir, 'cover.jpg');
  await run('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=600x600:d=1',
    '-frames:v',
    '1',
    '-q:v',
    '2',
    coverPath,
  ]);
  const cover = { data: new Uint8Array(readFileSync(coverPath)), mimeType: 'image/jpeg' as const };
  const write = (job: Job) => writeTags(job.path, job.encoding, TAGS, { cover });

  // Untimed warm-up: starts the parse workers and loads every writer once.
  const warm = copies(templates, join(dir, 'warm')).slice(0, ENCODING_IDS.length);
  for (const job of warm) await write(job);

  note(`pass 1: ${FILES} files, one at a time…`);
  const serialJobs = copies(templates, join(dir, 'serial'));
  const serial = await timed(serialJobs, 1, write);
  note('pass 2: read-back alone (readTags on the tagged files)…');
  const reads = await timed(serialJobs, 1, (job) => readTags(job.path));
  const unchanged = new Map(
    ENCODING_IDS.map((e) => [
      e,
      audioMd5(serialJobs.find((j) => j.encoding === e)!.path) === audioMd5(templates.get(e)!),
    ]),
  );
  rmSync(join(dir, 'serial'), { recursive: true, force: true });
  note(`pass 3: ${FILES} files, two at a time…`);
  const parallel = await timed(copies(templates, join(dir, 'parallel')), 2, write);

  const rows = ENCODING_IDS.map((encoding) => {
    const jobs = serialJobs.filter((j) => j.encoding === encoding);
    const w = jobs.map((j) => serial.ms.get(j)!);
    const r = jobs.map((j) => reads.ms.get(j)!);
    return [
      encoding,
      jobs.length,
      fmt(statSync(templates.get(encoding)!).size / 1024, 0),
      fmt(median(w), 1),
      fmt(percentile(w, 90), 1),
      fmt(1000 / median(w), 0),
      fmt(median(r), 1),
      unchanged.get(encoding) ? 'yes' : 'NO',
    ];
  });
  const all = [...serial.ms.values()];
  rows.push([
    '**all**',
    FILES,
    '',
    fmt(median(all), 1),
    fmt(percentile(all, 90), 1),
    fmt(FILES / (serial.wallMs / 1000), 0),
    fmt(median([...reads.ms.values()]), 1),
    '',
  ]);
  say(
    `Templates: ${SECONDS} s stereo 44.1 kHz master encoded with the store's recipes; tags: full TagData ` +
      `(2 artists, 2 genres, ReplayGain, store ids) and a 600 px JPEG cover of ${fmt(cover.data.length / 1024, 0)} KB. ` +
      'Every write includes the temp copy, the fsyncs, the rename and the verifying read-back parse.\n',
  );
  say(
    markdownTable(
      [
        'encoding',
        'files',
        'file KB',
        'write median ms',
        'write p90 ms',
        'files/s',
        'read-back median ms',
        'audio unchanged',
      ],
      rows,
    ),
  );
  say(
    `\n**Totals.** One at a time: ${fmt(serial.wallMs / 1000, 1)} s, **${fmt(FILES / (serial.wallMs / 1000), 0)} files/s**. ` +
      `Two at a time: ${fmt(parallel.wallMs / 1000, 1)} s, **${fmt(FILES / (parallel.wallMs / 1000), 0)} files/s**.`,
  );
  say(
    '\n"files/s" per encoding is 1000 / median write time. "read-back" is readTags alone on the tagged ' +
      'file (the verification part of a write). "audio unchanged": the decoded-audio MD5 of one tagged ' +
      "file per encoding equals the template's.",
  );
}

runMain(main, { timeoutMs: 30 * 60_000 });
