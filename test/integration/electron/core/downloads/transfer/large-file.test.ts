// A 64 MB download must not grow memory with the file: the body streams to disk with backpressure.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { transferOnce } from '../../../../../../electron/core/downloads/transfer/index.ts';

const BLOCK = randomBytes(64 * 1024);
const BLOCKS = 1024;
const SIZE = BLOCK.length * BLOCKS;
let server: http.Server;
let url: string;
let dir: string;
/** Body bytes the server has generated so far. */
let generated = 0;

beforeAll(async () => {
  // The body is generated block by block as the client reads it, so the server holds no copy either.
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-length': SIZE, etag: '"big"' });
    Readable.from(
      (function* () {
        for (let i = 0; i < BLOCKS; i++) {
          generated += BLOCK.length;
          yield BLOCK;
        }
      })(),
    ).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.bin`;
  dir = mkdtempSync(join(tmpdir(), 'megadisc-big-'));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('streams 64 MB with flat memory and verifies it', async () => {
  const hash = createHash('sha256');
  for (let i = 0; i < BLOCKS; i++) hash.update(BLOCK);
  const sha256 = hash.digest('hex');

  const checkpoints: number[] = [];
  // How far the server ran ahead of what was on disk: bounded only if backpressure reaches the server.
  let maxLead = 0;
  const result = await transferOnce({
    url,
    partPath: join(dir, 'big.bin.part'),
    expected: { bytes: SIZE, sha256 },
    onCheckpoint: (c) => checkpoints.push(c.bytes),
    onProgress: (p) => {
      maxLead = Math.max(maxLead, generated - p.receivedBytes);
    },
    // A slow disk: without backpressure the whole file would pile up in memory meanwhile.
    throttle: { take: () => new Promise((resolve) => setImmediate(resolve)) },
  });
  expect(result).toEqual({ bytes: SIZE, sha256, etag: '"big"' });
  expect(statSync(join(dir, 'big.bin.part')).size).toBe(SIZE);
  // In flight: our 256 KiB queue, stream buffers and the loopback socket buffers; not the file.
  expect(maxLead).toBeLessThan(SIZE / 4);
  // Checkpoints every ~1 MiB (fdatasync'ed), so a crash loses at most about that much.
  expect(checkpoints.length).toBeGreaterThanOrEqual(60);
  const gaps = checkpoints.slice(1).map((b, i) => b - checkpoints[i]!);
  expect(Math.max(...gaps)).toBeLessThan(2 * 1024 * 1024);
});
