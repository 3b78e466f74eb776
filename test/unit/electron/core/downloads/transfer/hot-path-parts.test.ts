// The pieces of the download hot path: the batching body reader, the shared read blocks, the hashing
// thread, and the .part's batched writes.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type BatchLimits,
  BodyReader,
} from '../../../../../../electron/core/downloads/transfer/body-reader.ts';
import {
  holdView,
  releaseViews,
  retireBlock,
  takeBlock,
} from '../../../../../../electron/core/downloads/transfer/byte-blocks.ts';
import type { HttpResponse } from '../../../../../../electron/core/downloads/transfer/http-get.ts';
import { PartFile } from '../../../../../../electron/core/downloads/transfer/part-file.ts';
import { sha256Thread } from '../../../../../../electron/core/downloads/transfer/sha256-thread.ts';

const dir = mkdtempSync(join(tmpdir(), 'megadisc-hot-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A response stand-in: emit() data, end or errors by hand. */
class FakeResponse extends EventEmitter {
  paused = false;
  destroyed = false;
  complete = false;
  headers = {};
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  isPaused() {
    return this.paused;
  }
  destroy() {
    this.destroyed = true;
  }
}

const limits = (over: Partial<BatchLimits> = {}): BatchLimits => ({
  minBytes: 10,
  maxBytes: 100,
  maxQueued: 40,
  flushMs: 30,
  ...over,
});

describe('BodyReader', () => {
  it('waits for a batch, pauses above the bound, and splits a read bigger than a batch', async () => {
    const source = new FakeResponse();
    const reader = new BodyReader(source as unknown as HttpResponse, limits(), () => {});
    const next = reader.next(limits());
    source.emit('data', Buffer.from('abc'));
    source.emit('data', Buffer.from('defghijk'));
    expect((await next)!.map(String)).toEqual(['abc', 'defghijk']);
    source.emit('data', Buffer.alloc(50, 1));
    expect(source.paused).toBe(true);
    const split = await reader.next(limits({ maxBytes: 20 }));
    expect(split!.map((b) => b.length)).toEqual([20]);
    expect((await reader.next(limits()))!.map((b) => b.length)).toEqual([30]);
    expect(source.paused).toBe(false);
    source.emit('end');
    expect(await reader.next(limits())).toBeNull();
    reader.close();
  });

  it('flushes a partial batch after flushMs, and throws an error only after the bytes before it', async () => {
    const source = new FakeResponse();
    const reader = new BodyReader(source as unknown as HttpResponse, limits(), () => {});
    source.emit('data', Buffer.from('xy'));
    const started = performance.now();
    expect((await reader.next(limits({ minBytes: 1000 })))!.map(String)).toEqual(['xy']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
    source.emit('data', Buffer.from('z'));
    source.emit('error', new Error('reset'));
    expect((await reader.next(limits({ minBytes: 1000 })))!.map(String)).toEqual(['z']);
    await expect(reader.next(limits())).rejects.toThrow('reset');
    reader.close();
  });

  it('re-arms the idle clock on every read that does not complete a batch', async () => {
    const source = new FakeResponse();
    const waits: boolean[] = [];
    const reader = new BodyReader(source as unknown as HttpResponse, limits(), (w) => waits.push(w));
    const next = reader.next(limits({ minBytes: 5 }));
    source.emit('data', Buffer.from('a'));
    source.emit('data', Buffer.from('bcdef'));
    await next;
    expect(waits).toEqual([true, true, false]);
    reader.close();
  });
});

describe('shared read blocks', () => {
  it('come back for reuse once retired and every view is released', () => {
    const block = takeBlock();
    const a = block.subarray(0, 10);
    const b = block.subarray(10, 20);
    holdView(a);
    holdView(b);
    retireBlock(block);
    releaseViews([a]);
    expect(takeBlock()).not.toBe(block);
    releaseViews([b]);
    expect(takeBlock()).toBe(block);
  });
});

describe('the hashing thread', () => {
  it('hashes a prefix from disk, then updates in order (moved, copied and shared memory alike)', async () => {
    const data = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7) % 251));
    const path = join(dir, 'prefix.part');
    writeFileSync(path, data.subarray(0, 1_000_000));
    const job = await sha256Thread().open(path, 1_000_000);
    const owned = Buffer.from(data.subarray(1_000_000, 1_500_000));
    const view = Buffer.from(data.subarray(1_400_000, 2_000_000)).subarray(100_000);
    const shared = Buffer.from(new SharedArrayBuffer(1_000_000));
    data.copy(shared, 0, 2_000_000);
    const hashed: string[] = [];
    job.update([owned], () => hashed.push('owned'));
    job.update([view, shared], () => hashed.push('view+shared'));
    await job.drained(0);
    expect(await job.digest()).toBe(sha256(data));
    expect(hashed).toEqual(['owned', 'view+shared']);
  });

  it('hashes whole files, and reports a short .part as an error', async () => {
    const path = join(dir, 'whole.bin');
    writeFileSync(path, Buffer.alloc(2_500_000, 3));
    expect(await sha256Thread().file(path)).toEqual({ sha256: sha256(readFileSync(path)), bytes: 2_500_000 });
    await expect(sha256Thread().open(path, 3_000_000)).rejects.toThrow(/ended at 2500000 of 3000000/);
    await expect(sha256Thread().file(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('PartFile.writev', () => {
  it('writes a batch of chunks back to back at a position', async () => {
    const path = join(dir, 'batch.part');
    const part = await PartFile.open(path);
    try {
      await part.writev([Buffer.from('hello '), Buffer.from('big '), Buffer.from('world')], 0);
      await part.writev([Buffer.from('!')], 15);
      expect(readFileSync(path, 'utf8')).toBe('hello big world!');
    } finally {
      await part.close();
    }
  });
});
