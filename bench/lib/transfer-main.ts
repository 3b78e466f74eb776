// Child-process entry: downloads one file with the client's transfer layer (transferWithRetry), so that
// the benchmark can watch this process's own RSS. Argument: a JSON TransferJob. Prints "LOADED" once
// the modules are in (then idles 1 s so the sampler sees the loaded process at rest), "DONE <json>" at
// the end with its own memory figures before and after (then idles 0.5 s so the sampler sees it after
// the transfer), and exits.
import { setTimeout as sleep } from 'node:timers/promises';
import { transferWithRetry } from '../../electron/core/downloads/transfer/index.ts';

export interface TransferJob {
  url: string;
  headers: Record<string, string>;
  partPath: string;
  bytes: number;
  sha256: string;
  /** The transfer's checkpoint settings (its defaults when absent). */
  checkpoint?: { bytes?: number; ms?: number; atEnd?: boolean };
}

const job = JSON.parse(process.argv[2] ?? 'null') as TransferJob | null;
if (!job) throw new Error('usage: transfer-main.ts <json>');
const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external };
};
process.stdout.write('LOADED\n');
await sleep(1000);
const before = memory();
let progressEvents = 0;
const started = performance.now();
const result = await transferWithRetry({
  url: job.url,
  headers: job.headers,
  partPath: job.partPath,
  expected: { bytes: job.bytes, sha256: job.sha256 },
  checkpoint: job.checkpoint,
  // What the download manager does with progress (an event per ~100 ms), minus the listeners.
  onProgress: () => {
    progressEvents += 1;
  },
});
const ms = performance.now() - started;
process.stdout.write(`DONE ${JSON.stringify({ ...result, ms, progressEvents, before, after: memory() })}\n`);
await sleep(500);
