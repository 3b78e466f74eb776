import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../electron/core/create-engine.ts';
import { FaultProxy } from '../../../helpers/fault-proxy.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let proxy: FaultProxy;
let engine: Engine;
const home = mkdtempSync(join(tmpdir(), 'megadisc-control-'));

async function until(probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  proxy = await FaultProxy.start(server.url);
  engine = createEngine({
    home,
    timeouts: { idleMs: 2000 },
    retry: { baseDelayMs: 20 },
    pollMs: 100,
    defaults: { libraryDir: join(home, 'library') },
  });
  await engine.login(proxy.url, 'demo@megadisc.local', 'demo');
});
afterAll(async () => {
  engine?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('controlling the queue while it runs', () => {
  it('pauses, cancels and re-limits jobs mid-transfer; a resumed job continues where it stopped', async () => {
    const album = (await engine.search('orchard')).albums.items[0]!;
    engine.configure({ concurrency: 2, bandwidthLimit: 100_000 });
    await engine.buy(album.id, 'alac');
    const progress = new Map<number, number>();
    engine.events.on('job-progress', (p) => progress.set(p.jobId, p.receivedBytes));
    const running = engine.run();

    await until(() => [...progress.values()].filter((b) => b > 20_000).length >= 2);
    const [first, second] = engine.queue().filter((j) => j.state === 'downloading');
    engine.pause([first!.id]);
    engine.cancel(second!.id);
    // Lift the limit mid-run: the remaining jobs finish quickly.
    engine.configure({ bandwidthLimit: null });
    const summary = await running;
    expect(summary.paused).toBe(1);

    const paused = engine.jobs.get(first!.id);
    expect(paused.state).toBe('paused');
    expect(paused.checkpoint_bytes).toBeGreaterThan(0);
    expect(existsSync(paused.part_path!)).toBe(true);
    const cancelled = engine.jobs.get(second!.id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.part_path && existsSync(cancelled.part_path)).toBeFalsy();
    expect(engine.queue().filter((j) => j.state === 'done').length).toBe(album.trackCount - 2);

    const mark = proxy.requests.length;
    engine.resume([first!.id]);
    const after = await engine.run();
    expect(after.paused).toBe(0);
    expect(engine.jobs.get(first!.id).state).toBe('done');
    const resumed = proxy.requests.slice(mark).filter((r) => r.url.includes('/file'));
    expect(resumed[0]!.range).toBe(`bytes=${paused.checkpoint_bytes}-`);
  });
});
