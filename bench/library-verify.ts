// Benchmark: `library verify` (re-hash every indexed file) over 1,000 files of mixed formats,
// against sha256sum over the same files, in the same run.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EncodingId } from '../api/schemas/encoding-catalog.ts';
import type { TagData } from '../api/schemas/orders.ts';
import { LibraryIndex } from '../electron/core/library/index.ts';
import { openProfile } from '../electron/core/profile/open-profile.ts';
import { makeMaster } from './lib/audio.ts';
import { fmt, markdownTable, median, onCleanup, printHeader, run, runMain, say } from './lib/harness.ts';

const FILES = Number(process.env.BENCH_LIBRARY_FILES ?? 1000);
const RUNS = 3;

const FORMATS: { encoding: EncodingId; ext: string; args: string[] }[] = [
  { encoding: 'flac', ext: 'flac', args: ['-c:a', 'flac'] },
  { encoding: 'mp3-320', ext: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '320k'] },
  { encoding: 'vorbis-q6', ext: 'ogg', args: ['-c:a', 'libvorbis', '-q:a', '6'] },
  { encoding: 'aac-256', ext: 'm4a', args: ['-c:a', 'aac', '-b:a', '256k'] },
];

function tags(n: number): TagData {
  return {
    title: `Track ${n}`,
    artists: ['Bench Artist'],
    album: `Album ${Math.floor(n / 10)}`,
    albumArtist: 'Bench Artist',
    trackNumber: (n % 10) + 1,
    trackTotal: 10,
    discNumber: 1,
    discTotal: 1,
    year: 2026,
    date: '2026-01-01',
    genres: ['Bench'],
    label: null,
    isrc: null,
    storeIds: { trackId: n + 1, albumId: Math.floor(n / 10) + 1, artistId: 1, orderId: 'ord_bench' },
    coverUrl: null,
    replayGain: { trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null },
  };
}

async function main(): Promise<void> {
  printHeader('Library verify', 'npm run bench:library');
  const dir = await mkdtemp(join(tmpdir(), 'megadisc-bench-library-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const master = join(dir, 'master.flac');
  await makeMaster(master, 20);
  const templates = [];
  for (const f of FORMATS) {
    const path = join(dir, `template.${f.ext}`);
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', master, ...f.args, path]);
    templates.push({ ...f, path, bytes: (await stat(path)).size });
  }
  const root = join(dir, 'library');
  const index = new LibraryIndex(openProfile(join(dir, 'profile')));
  let totalBytes = 0;
  for (let n = 0; n < FILES; n++) {
    const t = templates[n % templates.length]!;
    const rel = `Bench Artist/Album ${Math.floor(n / 10)}/${String(n).padStart(4, '0')}.${t.ext}`;
    await mkdir(join(root, rel, '..'), { recursive: true });
    await copyFile(t.path, join(root, rel));
    totalBytes += t.bytes;
    const sha256 = createHash('sha256')
      .update(await readFile(join(root, rel)))
      .digest('hex');
    index.add({
      store: 'bench',
      path: rel,
      encoding: t.encoding,
      bytes: t.bytes,
      sha256,
      purchaseId: null,
      itemId: null,
      tags: tags(n),
    });
  }
  say(
    `${FILES} files, ${fmt(totalBytes / 1e6, 0)} MB (${templates.map((t) => `${t.ext} ${fmt(t.bytes / 1e6, 1)} MB`).join(', ')}); page cache warm after the first pass`,
  );

  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const report = await index.verify(root);
    ours.push(performance.now() - started);
    if (report.ok.length !== FILES)
      throw new Error(`verify found ${report.missing.length} missing, ${report.changed.length} changed`);
    const shell = await run('sh', ['-c', `find "${root}" -type f -print0 | xargs -0 sha256sum > /dev/null`]);
    peer.push(shell.ms);
  }
  const row = (name: string, ms: number[]) => [
    name,
    fmt(median(ms), 0),
    fmt(FILES / (median(ms) / 1000), 0),
    fmt(totalBytes / 1e6 / (median(ms) / 1000), 0),
  ];
  say(
    markdownTable(
      ['tool', 'median ms', 'files/s', 'MB/s'],
      [row('megadisc library verify', ours), row('sha256sum (find | xargs)', peer)],
    ),
  );
  say(`ratio megadisc/sha256sum (time): ${fmt(median(ours) / median(peer), 2)}`);
}

runMain(main, { timeoutMs: 10 * 60_000 });
