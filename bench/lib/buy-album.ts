// One timed purchase through the real client engine, as the CLI makes it: a fresh profile logs in,
// quotes, buys, and runs the queue until every file is tagged, verified and filed in its library.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { createEngine } from '../../electron/core/create-engine.ts';
import { onCleanup } from './harness.ts';
import { readChildrenCpuMs, readCpuMs } from './proc-stats.ts';

export interface BuyRun {
  /** engine.buy() called → the last file filed (engine.run() resolved), ms. */
  ms: number;
  /** From the buy: when the store marked the first / last item ready (encoded, settled), ms. */
  firstReadyMs: number;
  lastReadyMs: number;
  /** From the buy: when the first / last file was filed in the library, ms. */
  firstFiledMs: number;
  lastFiledMs: number;
  /** CPU ms over the run: the store process, and this process (the engine, all its threads). */
  storeCpuMs: number;
  clientCpuMs: number;
  /** CPU ms of the encoders the store ran (ffmpeg, lame) over the run. */
  encoderCpuMs: number;
}

export interface BuyTarget {
  storeUrl: string;
  storePid: number;
  /** The store's database, read (not written) for the items' ready_at times. */
  storeDb: string;
  albumId: number;
  trackCount: number;
}

/** Wall clock in the performance timeline, to compare the store's ISO timestamps with our marks. */
const wallToPerf = (iso: string) => Date.parse(iso) - performance.timeOrigin;

export async function buyAndFile(
  target: BuyTarget,
  account: { email: string; password: string },
  encoding: EncodingId,
  home: string,
): Promise<BuyRun> {
  rmSync(home, { recursive: true, force: true });
  const engine = createEngine({ home, timeouts: { connectMs: 5000, idleMs: 30_000 } });
  let open = true;
  const close = () => {
    if (open) engine.close();
    open = false;
  };
  onCleanup(close);
  try {
    await engine.login(target.storeUrl, account.email, account.password);
    engine.configure({ libraryDir: join(home, 'library') });
    // The quote the CLI shows before asking; buy() quotes again, as it does in the CLI.
    await engine.encodingTable(target.albumId);
    const filed: number[] = [];
    engine.events.on('job-state', ({ job }) => {
      if (job.state === 'done') filed.push(performance.now());
    });
    const storeCpu = readCpuMs(target.storePid) ?? 0;
    const encoderCpu = readChildrenCpuMs(target.storePid) ?? 0;
    const ownCpu = process.cpuUsage();
    const started = performance.now();
    const purchase = await engine.buy(target.albumId, encoding);
    const summary = await engine.run();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(ownCpu);
    const storeCpuMs = (readCpuMs(target.storePid) ?? 0) - storeCpu;
    const encoderCpuMs = (readChildrenCpuMs(target.storePid) ?? 0) - encoderCpu;
    const jobs = engine.queue().filter((j) => j.purchaseId === purchase.id);
    if (summary.done !== target.trackCount || jobs.some((j) => j.state !== 'done' || !j.finalPath))
      throw new Error(`the purchase did not file every track: ${JSON.stringify(summary)}`);
    for (const j of jobs) if (!existsSync(j.finalPath!)) throw new Error(`${j.finalPath} is missing`);
    const ready = readyTimes(target.storeDb, engine.purchases().find((p) => p.id === purchase.id)!.order_id!);
    return {
      ms,
      firstReadyMs: Math.min(...ready) - started,
      lastReadyMs: Math.max(...ready) - started,
      firstFiledMs: Math.min(...filed) - started,
      lastFiledMs: Math.max(...filed) - started,
      storeCpuMs,
      clientCpuMs: (cpu.user + cpu.system) / 1000,
      encoderCpuMs,
    };
  } finally {
    close();
    rmSync(home, { recursive: true, force: true });
  }
}

function readyTimes(storeDb: string, orderId: string): number[] {
  const db = new DatabaseSync(storeDb, { readOnly: true });
  try {
    const rows = db.prepare('SELECT ready_at FROM order_items WHERE order_id = ?').all(orderId) as {
      ready_at: string;
    }[];
    return rows.map((r) => wallToPerf(r.ready_at));
  } finally {
    db.close();
  }
}
