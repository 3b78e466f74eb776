// Encode time per store encoding for one 60 s stereo 44.1 kHz master: the store's Transcoder.ensure()
// (fresh cache every run, so it really encodes) against the same encoder command lines run bare from a
// shell. Median of 3 runs each, interleaved store/bare.
// Usage: npm run bench:encode
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENCODINGS } from '../api/schemas/encoding-catalog.ts';
import { type EncodeRecord, probeEncoders, Transcoder } from '../server/transcode/index.ts';
import { MemoryEncodeIndex } from '../server/transcode/memory-encode-index.ts';
import { RECIPES } from '../server/transcode/recipes.ts';
import { makeMaster } from './lib/audio.ts';
import { bareCommand } from './lib/bare-encode.ts';
import {
  fmt,
  markdownTable,
  median,
  note,
  onCleanup,
  printHeader,
  run,
  runMain,
  say,
} from './lib/harness.ts';

const RUNS = 3;
const SECONDS = 60;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function main(): Promise<void> {
  printHeader('Encode time per encoding (60 s stereo 44.1 kHz master)', 'npm run bench:encode');
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-encode-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  note('synthesizing the master…');
  const master = await makeMaster(join(dir, 'master.flac'), SECONDS);
  const availability = await probeEncoders();
  const encodings = [...availability.values()].filter((a) => a.available).map((a) => a.encoding);
  const skipped = [...availability.values()].filter((a) => !a.available);

  // Warm-up (untimed): one bare run per distinct tool chain, so binaries and the master are in the page cache.
  const chains = new Map(encodings.map((e) => [RECIPES[e].tools.join('+'), e]));
  for (const e of chains.values()) {
    const out = join(dir, `warm.${ENCODINGS[e].extension}`);
    await run('sh', ['-c', bareCommand(e, master.path, out)]);
    rmSync(out, { force: true });
  }

  const rows: (string | number)[][] = [];
  const commands: string[] = [];
  let storeTotal = 0;
  let bareTotal = 0;
  for (const encoding of encodings) {
    const ext = ENCODINGS[encoding].extension;
    const store: number[] = [];
    const bare: number[] = [];
    let record: EncodeRecord | undefined;
    let bareHash = '';
    const command = bareCommand(encoding, master.path, join(dir, `bare.${ext}`));
    commands.push(`${encoding}: ${command}`);
    for (let i = 0; i < RUNS; i++) {
      const cacheDir = join(dir, `cache-${encoding}-${i}`);
      const transcoder = new Transcoder({
        cacheDir,
        index: new MemoryEncodeIndex(),
        availability,
        concurrency: 1,
      });
      const started = performance.now();
      record = await transcoder.ensure({
        trackId: 1,
        masterPath: master.path,
        durationMs: master.durationMs,
        encoding,
      });
      store.push(performance.now() - started);
      await transcoder.close();
      rmSync(cacheDir, { recursive: true, force: true });

      rmSync(join(dir, `bare.${ext}`), { force: true }); // mpcenc refuses to overwrite
      const result = await run('sh', ['-c', command]);
      bare.push(result.ms);
      bareHash = sha256(join(dir, `bare.${ext}`));
    }
    note(
      `${encoding}: store ${store.map((v) => v.toFixed(0)).join('/')} ms, bare ${bare.map((v) => v.toFixed(0)).join('/')} ms`,
    );
    const s = median(store);
    const b = median(bare);
    storeTotal += s;
    bareTotal += b;
    rows.push([
      encoding,
      fmt(s, 0),
      fmt(b, 0),
      fmt(s / b, 2),
      fmt(s - b, 0),
      fmt(SECONDS / (s / 1000), 0),
      fmt(record!.bytes / 1024, 0),
      fmt((record!.bytes * 8) / SECONDS / 1000, 0),
      bareHash === record!.sha256 ? 'yes' : 'NO',
    ]);
  }
  rows.push([
    '**all**',
    fmt(storeTotal, 0),
    fmt(bareTotal, 0),
    fmt(storeTotal / bareTotal, 2),
    fmt(storeTotal - bareTotal, 0),
    '',
    '',
    '',
    '',
  ]);
  say(
    `Master: ${SECONDS} s, stereo, 44.1 kHz, 16-bit FLAC, ${fmt(master.bytes / 1e6, 1)} MB ` +
      `(${fmt((master.bytes * 8) / SECONDS / 1000, 0)} kbps). Median of ${RUNS} runs, store and bare interleaved, after an untimed warm-up.\n`,
  );
  say(
    markdownTable(
      [
        'encoding',
        'store ms',
        'bare ms',
        'store/bare',
        'store - bare ms',
        'speed (x realtime)',
        'size KB',
        'kbps',
        'same bytes',
      ],
      rows,
    ),
  );
  if (skipped.length > 0)
    say(`\nNot available here: ${skipped.map((a) => `${a.encoding} (${a.reason})`).join(', ')}`);
  say(
    '\nStore = `Transcoder.ensure()` on a fresh cache (stat, queue, ffmpeg progress on fd 3, SHA-256 and rename ' +
      'of the output). Bare = the same argument lists from server/transcode/recipes.ts without `-progress`, ' +
      'run as a `sh -c` pipeline. "same bytes": the bare output has the same SHA-256 as the store\'s.\n',
  );
  say('<details><summary>Bare command lines</summary>\n');
  say(['```sh', ...commands.map((c) => c.replaceAll(dir, '$DIR')), '```'].join('\n'));
  say('\n</details>');
}

runMain(main, { timeoutMs: 20 * 60_000 });
