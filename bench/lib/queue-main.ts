// Child-process entry: opens an engine on a prepared profile, lists the queue and lets engine.run()
// work on it for a while under a bandwidth limit, reporting its own memory at each step, so the
// benchmark can compare a profile with many queued jobs against one with few. Argument: a JSON
// QueueJob. Prints one "STEP <json>" line per step.
import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine } from '../../electron/core/create-engine.ts';

export interface QueueJob {
  home: string;
  runSeconds: number;
  bandwidthLimit: number;
  concurrency: number;
}

const job = JSON.parse(process.argv[2] ?? 'null') as QueueJob | null;
if (!job) throw new Error('usage: queue-main.ts <json>');

const step = (name: string, extra: Record<string, unknown> = {}) => {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(
    `STEP ${JSON.stringify({ name, rss: m.rss, heapUsed: m.heapUsed, cpuMs, ...extra })}\n`,
  );
};

step('loaded');
await sleep(500);
const opened = performance.now();
const engine = createEngine({ home: job.home, pollMs: 1000 });
step('opened', { ms: performance.now() - opened });
const listed = performance.now();
// Only the count is kept, as a view that shows one page would.
const jobs = engine.queue().length;
step('queue', { ms: performance.now() - listed, jobs });
engine.configure({ bandwidthLimit: job.bandwidthLimit, concurrency: job.concurrency });
const controller = new AbortController();
const running = engine.run(controller.signal);
step('run-started');
await sleep(job.runSeconds * 1000);
step('run-before-stop');
controller.abort();
const summary = await running;
step('run-stopped', { summary });
engine.close();
await sleep(300);
