// Downloads a real FLAC from the real store through a fault-injecting proxy, one fault at a time.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { TokenBucket } from '../../../../../../electron/core/downloads/token-bucket.ts';
import {
  type Checkpoint,
  finalizeFile,
  type RetryInfo,
  type TransferProgress,
  type TransferRequest,
  transferOnce,
  transferWithRetry,
} from '../../../../../../electron/core/downloads/transfer/index.ts';
import { FaultProxy } from '../../../../../helpers/fault-proxy.ts';
import { startResettingListener } from '../../../../../helpers/ports.ts';
import { StoreApi } from '../../../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../../../helpers/test-server.ts';

let server: TestServer;
let proxy: FaultProxy;
let api: StoreApi;
let item: { bytes: number; sha256: string; download: { url: string; signedUrl: string } };
let body: Buffer;
let root: string;
let dir: string;

/** A byte offset at a fraction of the file, so the cuts work whatever size the encoder produced. */
const at = (fraction: number) => Math.floor(item.bytes * fraction);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = await startTestServer();
  api = await new StoreApi(server.url).login();
  const albums = (await api.get('/v1/albums?limit=100&sort=title')).body.items;
  // The album with the longest tracks on average gives the biggest files for the fewest encodes.
  const album = albums.sort((a: any, b: any) => b.durationMs / b.trackCount - a.durationMs / a.trackCount)[0];
  const created = await api.post(
    '/v1/orders',
    { albumId: album.id, encoding: 'flac' },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
  expect(created.status).toBe(201);
  const order = await api.waitForOrder(created.body.id);
  item = order.items.filter((i: any) => i.state === 'ready').sort((a: any, b: any) => b.bytes - a.bytes)[0];
  body = (await api.get(item.download.url)).body;
  expect(sha256(body)).toBe(item.sha256);
  // Faults cut the body at fractions of its size (see at()); that needs a few chunks' worth of file.
  expect(item.bytes).toBeGreaterThan(100_000);
  proxy = await FaultProxy.start(server.url);
  root = mkdtempSync(join(tmpdir(), 'megadisc-transfer-'));
});

afterAll(async () => {
  await proxy?.close();
  await server?.dispose();
  if (root) rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.reset();
  dir = mkdtempSync(join(root, 'job-'));
});

/** Everything a test may want to look at afterwards. */
function harness(overrides: Partial<TransferRequest> = {}) {
  const checkpoints: Checkpoint[] = [];
  const progress: TransferProgress[] = [];
  const delays: number[] = [];
  const retries: (RetryInfo & { checkpoint: Checkpoint | undefined })[] = [];
  const req: TransferRequest = {
    url: proxy.url + item.download.url,
    headers: { authorization: `Bearer ${api.token}` },
    partPath: join(dir, 'track.flac.part'),
    expected: { bytes: item.bytes, sha256: item.sha256 },
    onCheckpoint: (c) => checkpoints.push(c),
    onProgress: (p) => progress.push(p),
    ...overrides,
  };
  const policy = {
    random: () => 0,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
  const onRetry = (info: RetryInfo) => retries.push({ ...info, checkpoint: checkpoints.at(-1) });
  return {
    req,
    checkpoints,
    progress,
    delays,
    retries,
    run: () => transferWithRetry(req, policy, onRetry),
    partBytes: () => readFileSync(req.partPath),
  };
}

async function expectComplete(h: ReturnType<typeof harness>, result: { sha256: string; bytes: number }) {
  expect(result.sha256).toBe(item.sha256);
  expect(result.bytes).toBe(item.bytes);
  const onDisk = h.partBytes();
  expect(onDisk.length).toBe(item.bytes);
  expect(sha256(onDisk)).toBe(item.sha256);
  expect(h.checkpoints.at(-1)?.bytes).toBe(item.bytes);
}

describe('transfer through a healthy connection', () => {
  it('downloads, verifies and finalizes a file with one plain GET', async () => {
    const h = harness();
    const result = await transferOnce(h.req);
    await expectComplete(h, result);
    expect(result.etag).toBe(`"${item.sha256}"`);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({
      range: null,
      ifRange: null,
      status: 200,
      bodyBytes: item.bytes,
    });

    const finalPath = join(dir, 'track.flac');
    await finalizeFile(h.req.partPath, finalPath);
    expect(existsSync(h.req.partPath)).toBe(false);
    expect(sha256(readFileSync(finalPath))).toBe(item.sha256);
  });

  it('works with a signed URL and no bearer token', async () => {
    const h = harness({ url: proxy.url + item.download.signedUrl, headers: {} });
    await expectComplete(h, await h.run());
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.authorization).toBe(false);
  });

  it('surfaces 401 at once without retrying', async () => {
    const h = harness({ headers: {} });
    await expect(h.run()).rejects.toMatchObject({ code: 'HTTP_STATUS', status: 401, retryable: false });
    expect(proxy.requests).toHaveLength(1);
    expect(h.retries).toHaveLength(0);
  });
});

describe('resuming', () => {
  it('asks for bytes=<checkpoint>- and receives only the rest', async () => {
    const h = harness({ resumeFrom: { bytes: at(0.6), etag: `"${item.sha256}"` } });
    // The .part is longer than the checkpoint (bytes written after the last fdatasync): cut back to it.
    writeFileSync(h.req.partPath, Buffer.concat([body.subarray(0, at(0.6)), Buffer.alloc(5_000, 0xee)]));
    await expectComplete(h, await transferOnce(h.req));
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({
      range: `bytes=${at(0.6)}-`,
      ifRange: `"${item.sha256}"`,
      status: 206,
      bodyBytes: item.bytes - at(0.6),
    });
  });

  it('resumes from the actual size when the .part is shorter than the checkpoint', async () => {
    const h = harness({ resumeFrom: { bytes: at(0.6), etag: `"${item.sha256}"` } });
    writeFileSync(h.req.partPath, body.subarray(0, at(0.4)));
    await expectComplete(h, await transferOnce(h.req));
    expect(proxy.requests[0]).toMatchObject({ range: `bytes=${at(0.4)}-`, bodyBytes: item.bytes - at(0.4) });
  });

  it('starts from zero without a checkpoint, whatever the .part holds', async () => {
    const h = harness({ resumeFrom: null });
    writeFileSync(h.req.partPath, Buffer.alloc(at(0.5), 1));
    await expectComplete(h, await transferOnce(h.req));
    expect(proxy.requests[0]).toMatchObject({ range: null, bodyBytes: item.bytes });
  });

  it('re-downloads once from zero when the resumed prefix is corrupt', async () => {
    const corrupt = Buffer.from(body.subarray(0, at(0.6)));
    corrupt[500]! ^= 0xff;
    const cp = { bytes: at(0.6), etag: `"${item.sha256}"` };

    const once = harness({ resumeFrom: cp });
    writeFileSync(once.req.partPath, corrupt);
    await expect(transferOnce(once.req)).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    proxy.reset();

    const h = harness({ resumeFrom: cp });
    writeFileSync(h.req.partPath, corrupt);
    await expectComplete(h, await h.run());
    expect(proxy.requests.map((r) => r.range)).toEqual([`bytes=${at(0.6)}-`, null]);
    expect(h.retries.map((r) => [r.error.code, r.delayMs])).toEqual([['CHECKSUM_MISMATCH', 0]]);
  });

  it('gives up with a clear CHECKSUM_MISMATCH when even a fresh download does not match', async () => {
    const h = harness({ expected: { bytes: item.bytes, sha256: 'a'.repeat(64) } });
    const error = await h.run().catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKSUM_MISMATCH', retryable: false });
    expect(error.message).toMatch(/again after a full re-download/);
    expect(proxy.requests.map((r) => r.range)).toEqual([null, null]);
  });
});

describe('faults', () => {
  it('resumes after a connection reset mid-body', async () => {
    proxy.plan([{ kind: 'reset-after', bytes: at(0.15) }]);
    const h = harness();
    await expectComplete(h, await h.run());
    expect(h.retries).toHaveLength(1);
    expect(h.retries[0]!.error).toMatchObject({ code: 'NETWORK', retryable: true });
    const cp = h.retries[0]!.checkpoint!;
    // An RST may discard bytes still in flight, so the checkpoint can fall short of the cut, not past it.
    expect(cp.bytes).toBeGreaterThan(0);
    expect(cp.bytes).toBeLessThanOrEqual(at(0.15));
    expect(proxy.requests).toHaveLength(2);
    expect(proxy.requests[1]).toMatchObject({
      range: `bytes=${cp.bytes}-`,
      bodyBytes: item.bytes - cp.bytes,
    });
  });

  it('resumes after a body shorter than its Content-Length', async () => {
    proxy.plan([{ kind: 'truncate-after', bytes: at(0.25) }]);
    const h = harness();
    await expectComplete(h, await h.run());
    expect(h.retries.map((r) => r.error.code)).toEqual(['NETWORK']);
    expect(h.retries[0]!.checkpoint).toEqual({ bytes: at(0.25), etag: `"${item.sha256}"` });
    expect(proxy.requests[1]).toMatchObject({
      range: `bytes=${at(0.25)}-`,
      ifRange: `"${item.sha256}"`,
      bodyBytes: item.bytes - at(0.25),
    });
  });

  it('gives up on a stalled body after idleMs and resumes', async () => {
    proxy.plan([{ kind: 'stall', afterBytes: at(0.2) }]);
    const h = harness({ timeouts: { idleMs: 500 } });
    const started = performance.now();
    await expectComplete(h, await h.run());
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(h.retries.map((r) => r.error.code)).toEqual(['STALLED']);
    expect(h.retries[0]!.checkpoint!.bytes).toBe(at(0.2));
    expect(proxy.requests[1]).toMatchObject({ range: `bytes=${at(0.2)}-`, bodyBytes: item.bytes - at(0.2) });
  });

  it('gives up on a server that accepts but never answers', async () => {
    proxy.plan([{ kind: 'hang' }]);
    const h = harness({ timeouts: { idleMs: 300 } });
    await expectComplete(h, await h.run());
    expect(h.retries.map((r) => r.error.code)).toEqual(['STALLED']);
    expect(proxy.requests.map((r) => r.range)).toEqual([null, null]);
  });

  it('backs off exponentially on refused connections and stops after maxAttempts', async () => {
    // A listener that resets every connection, not a closed port: a freed port may be taken by
    // anyone meanwhile, and then something answers.
    const dead = await startResettingListener();
    onTestFinished(() => dead.close());
    const h = harness({ url: dead.url + item.download.url });
    const delays: number[] = [];
    const run = transferWithRetry(
      h.req,
      { maxAttempts: 4, baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void delays.push(ms) },
      (info) => h.retries.push({ ...info, checkpoint: undefined }),
    );
    await expect(run).rejects.toMatchObject({ code: 'NETWORK', retryable: true });
    expect(delays).toEqual([50, 100, 200]);
    expect(h.retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('survives a short stall that is under idleMs', async () => {
    proxy.plan([{ kind: 'stall', afterBytes: at(0.2), ms: 200 }]);
    const h = harness({ timeouts: { idleMs: 1_500 } });
    await expectComplete(h, await h.run());
    expect(h.retries).toHaveLength(0);
    expect(proxy.requests).toHaveLength(1);
  });

  it('honours Retry-After on a 503', async () => {
    proxy.plan([{ kind: 'status', status: 503, retryAfter: '1' }]);
    const h = harness();
    await expectComplete(h, await h.run());
    // random() = 0 makes the jittered backoff 0: the whole wait is the server's second.
    expect(h.delays).toEqual([1_000]);
    expect(h.retries[0]!.error).toMatchObject({ code: 'HTTP_STATUS', status: 503, retryAfterMs: 1_000 });
    expect(proxy.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('rewrites from zero when a Range request is answered 200 with the whole file', async () => {
    proxy.plan([{ kind: 'truncate-after', bytes: at(0.3) }, { kind: 'ignore-range' }]);
    const h = harness();
    await expectComplete(h, await h.run());
    expect(proxy.requests[1]).toMatchObject({
      range: `bytes=${at(0.3)}-`,
      status: 200,
      bodyBytes: item.bytes,
    });
    // Exactly the file: no duplicated 40 kB prefix.
    expect(statSync(h.req.partPath).size).toBe(item.bytes);
  });

  it('starts again from zero when a 206 carries a different ETag', async () => {
    proxy.plan([{ kind: 'truncate-after', bytes: at(0.3) }, { kind: 'change-etag' }]);
    const h = harness();
    const result = await h.run();
    await expectComplete(h, result);
    expect(result.etag).toBe(`"${item.sha256}"`);
    expect(h.retries.map((r) => r.error.code)).toEqual(['NETWORK', 'RANGE_MISMATCH']);
    expect(h.retries[1]!.checkpoint).toEqual({ bytes: 0, etag: null });
    expect(proxy.requests.map((r) => r.range)).toEqual([null, `bytes=${at(0.3)}-`, null]);
    expect(proxy.requests[2]!.bodyBytes).toBe(item.bytes);
  });

  it('aborts an attempt with a wrong Content-Range without touching the .part', async () => {
    proxy.plan([{ kind: 'truncate-after', bytes: at(0.3) }, { kind: 'wrong-content-range' }]);
    const h = harness();
    await expectComplete(h, await h.run());
    expect(h.retries.map((r) => r.error.code)).toEqual(['NETWORK', 'RANGE_MISMATCH']);
    expect(h.retries[1]!.checkpoint).toEqual({ bytes: at(0.3), etag: `"${item.sha256}"` });
    expect(proxy.requests.map((r) => r.range)).toEqual([null, `bytes=${at(0.3)}-`, `bytes=${at(0.3)}-`]);
    expect(h.checkpoints.map((c) => c.bytes)).not.toContain(0);
  });

  it('verifies a complete .part on 416 without downloading it again', async () => {
    const h = harness({ resumeFrom: { bytes: item.bytes, etag: `"${item.sha256}"` } });
    writeFileSync(h.req.partPath, body);
    await expectComplete(h, await h.run());
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]).toMatchObject({ range: `bytes=${item.bytes}-`, status: 416 });
    expect(proxy.requests[0]!.bodyBytes).toBeLessThan(1_000);
  });
});

describe('local failures and control', () => {
  it('fails with PERMISSION_DENIED in an unwritable folder, without a single request', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    // root ignores mode bits; the immutable attribute stops root too.
    const isRoot = process.getuid?.() === 0;
    const immutable = isRoot && tryChattr('+i', locked);
    // Last resort for root without CAP_LINUX_IMMUTABLE: sysfs refuses to create files (EACCES).
    const partPath = isRoot && !immutable ? '/sys/megadisc-test.part' : join(locked, 'track.flac.part');
    try {
      const h = harness({ partPath });
      await expect(h.run()).rejects.toMatchObject({ code: 'PERMISSION_DENIED', retryable: false });
      expect(proxy.requests).toHaveLength(0);
      expect(h.retries).toHaveLength(0);
    } finally {
      if (immutable) tryChattr('-i', locked);
      chmodSync(locked, 0o700);
    }
  });

  // /dev/full accepts open() and fails every write with a real ENOSPC from the kernel.
  it.skipIf(!existsSync('/dev/full'))(
    'fails with DISK_FULL when writes hit ENOSPC, and does not retry',
    async () => {
      const h = harness({ partPath: '/dev/full' });
      await expect(h.run()).rejects.toMatchObject({ code: 'DISK_FULL', retryable: false });
      expect(proxy.requests).toHaveLength(1);
      expect(h.retries).toHaveLength(0);
    },
  );

  it('aborts with ABORTED, keeps the .part and reports a final checkpoint', async () => {
    proxy.plan([{ kind: 'stall', afterBytes: at(0.25) }]);
    const controller = new AbortController();
    const h = harness({ signal: controller.signal });
    // Abort once the stalled transfer has written everything it was sent.
    const poll = setInterval(() => {
      if (existsSync(h.req.partPath) && statSync(h.req.partPath).size === at(0.25)) controller.abort();
    }, 20);
    onTestFinished(() => clearInterval(poll));
    await expect(h.run()).rejects.toMatchObject({ code: 'ABORTED' });
    expect(h.retries).toHaveLength(0);
    expect(statSync(h.req.partPath).size).toBe(at(0.25));
    expect(h.checkpoints.at(-1)).toEqual({ bytes: at(0.25), etag: `"${item.sha256}"` });
    expect(h.partBytes().equals(body.subarray(0, at(0.25)))).toBe(true);
  });

  it('can be aborted during a backoff wait', async () => {
    proxy.plan([{ kind: 'status', status: 503, retryAfter: '30' }]);
    const controller = new AbortController();
    const started = performance.now();
    const run = transferWithRetry({ ...harness().req, signal: controller.signal }, {}, () => {
      setTimeout(() => controller.abort(), 50);
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports progress at most ~10 times a second, and checkpoints along the way', async () => {
    const rate = Math.ceil(item.bytes / 1.5);
    // The default idle timeout: that the throttle holding us is not a stall is checked on a manual
    // clock below, where a busy machine cannot fire the watchdog.
    const h = harness({ throttle: new TokenBucket({ bytesPerSecond: rate, burstBytes: 16_384 }) });
    const started = performance.now();
    await expectComplete(h, await h.run());
    expect(h.retries).toHaveLength(0);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(1.2);
    expect(h.progress.length).toBeGreaterThanOrEqual(5);
    expect(h.progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    const received = h.progress.map((p) => p.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(h.progress.at(-1)).toMatchObject({
      receivedBytes: item.bytes,
      totalBytes: item.bytes,
      etaSeconds: 0,
    });
    const mid = h.progress[Math.floor(h.progress.length / 2)]!;
    expect(mid.bytesPerSecond).toBeGreaterThan(rate * 0.5);
    expect(mid.bytesPerSecond).toBeLessThan(rate * 1.5);
    expect(mid.etaSeconds).toBeGreaterThan(0);
    // ~1 s of progress triggers a checkpoint before the end.
    expect(h.checkpoints.length).toBeGreaterThanOrEqual(2);
    expect(h.checkpoints[0]!.bytes).toBeLessThan(item.bytes);
  });

  it('does not count time held by the throttle as a stall', async () => {
    // A manual clock: the watchdog sees time pass only when the test moves it, so a slow or busy
    // machine cannot make the store look stalled. The throttle holds the transfer on its second
    // chunk (the body queue fills and the socket pauses meanwhile) while that clock moves ten idle
    // windows ahead, and real time enough for the watchdog's timer to look at it.
    const idleMs = 50;
    let now = 0;
    let takes = 0;
    let hold = () => {};
    const holding = new Promise<void>((resolve) => {
      hold = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const throttle = {
      take: async () => {
        if (++takes !== 2) return;
        hold();
        await released;
      },
    };
    const h = harness({ throttle, now: () => now, timeouts: { idleMs } });
    const run = h.run();
    await holding;
    now += 10 * idleMs;
    // Timers never fire early, and an armed watchdog's timer (due within idleMs of its arming,
    // before this wait began) would fire first.
    await new Promise((resolve) => setTimeout(resolve, 3 * idleMs));
    release();
    await expectComplete(h, await run);
    expect(h.retries).toHaveLength(0);
    expect(proxy.requests).toHaveLength(1);
  });

  it('holds one shared rate limit across concurrent downloads', async () => {
    const rate = item.bytes;
    const bucket = new TokenBucket({ bytesPerSecond: rate, burstBytes: 16_384 });
    const a = harness({ throttle: bucket });
    const b = harness({ throttle: bucket, partPath: join(dir, 'other.flac.part') });
    const started = performance.now();
    await Promise.all([a.run(), b.run()]);
    // Two files at one file per second: about 2 s, not 1.
    expect(performance.now() - started).toBeGreaterThan(1_800);
    expect(sha256(a.partBytes())).toBe(item.sha256);
    expect(sha256(b.partBytes())).toBe(item.sha256);
  });
});

function tryChattr(flag: string, path: string): boolean {
  try {
    execFileSync('chattr', [flag, path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
