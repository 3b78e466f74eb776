// The file server's disk and memory paths on a file of many chunks, over real HTTP on loopback:
// every byte range comes out right, clients that go away mid-file leave no open file behind, and a
// file replaced on disk is served as it is now.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENT } from '../../../../server/http/bind-route.ts';
import { installErrorHandling } from '../../../../server/http/error-handler.ts';
import { createFileServer, type FileServingOptions } from '../../../../server/http/serve-file.ts';

const CHUNK = 64 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'megadisc-serve-file-'));
const path = join(dir, 'big.flac');
let content = randomBytes(5 * 1024 * 1024 + 123);
const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function serverWith(opts: FileServingOptions): Promise<{ app: FastifyInstance; url: string }> {
  const files = createFileServer(opts);
  const app = Fastify();
  installErrorHandling(app);
  app.get('/file', (request, reply) =>
    Promise.resolve(
      files.serve(request, reply, {
        path,
        bytes: content.length,
        sha256: hex(content),
        mimeType: 'audio/flac',
        fileName: 'big.flac',
      }),
    ).then((r) => (r === SENT ? reply : r)),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}/file` };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

const openFiles = () => readdirSync('/proc/self/fd').length;

/** Starts a download, reads its first bytes and hangs up. */
function abandon(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', (e) => (req.destroyed ? resolve() : reject(e)));
    req.end();
  });
}

beforeAll(() => writeFileSync(path, content));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['from disk', { memoryBytes: 0, diskChunkBytes: CHUNK }],
  ['from memory after the first request', { memoryBytes: 64 * 1024 * 1024, diskChunkBytes: CHUNK }],
])('a file of many chunks %s', (_label, opts) => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await serverWith(opts));
  });
  afterAll(() => app.close());

  it('serves the whole file and ranges across chunk edges', async () => {
    for (let round = 0; round < 2; round++) {
      const whole = await get(url);
      expect(whole.status).toBe(200);
      expect(whole.body.equals(content)).toBe(true);
      for (const [from, to] of [
        [0, 0],
        [CHUNK - 1, CHUNK],
        [CHUNK - 10, 3 * CHUNK + 10],
        [content.length - CHUNK - 1, content.length - 1],
      ] as const) {
        const part = await get(url, { range: `bytes=${from}-${to}` });
        expect(part.status).toBe(206);
        expect(part.headers.get('content-range')).toBe(`bytes ${from}-${to}/${content.length}`);
        expect(part.body.equals(content.subarray(from, to + 1))).toBe(true);
      }
    }
  });

  it('serves many clients at once', async () => {
    const all = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        get(url, i % 2 ? { range: `bytes=${i * 1000}-` } : {}).then((r) => ({ r, i })),
      ),
    );
    for (const { r, i } of all)
      expect(r.body.equals(i % 2 ? content.subarray(i * 1000) : content)).toBe(true);
  });

  it('closes the file when clients hang up mid-download', async () => {
    await get(url); // warm: the memory path has the bytes now
    const before = openFiles();
    for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 10 }, () => abandon(url)));
    const deadline = Date.now() + 5000;
    while (openFiles() > before + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBeLessThanOrEqual(before + 2);
    expect((await get(url)).body.equals(content)).toBe(true);
  });

  it('serves the file as it is after it was replaced, and 503 while it is gone', async () => {
    const next = randomBytes(content.length);
    writeFileSync(`${path}.new`, next);
    renameSync(`${path}.new`, path);
    const old = content;
    content = next; // the route now describes the new file (its bytes and SHA-256)
    try {
      expect((await get(url)).body.equals(next)).toBe(true);
      expect((await get(url, { range: 'bytes=100-199' })).body.equals(next.subarray(100, 200))).toBe(true);
      renameSync(path, `${path}.away`);
      const gone = await get(url);
      expect(gone.status).toBe(503);
      expect(gone.headers.get('retry-after')).toBe('5');
      renameSync(`${path}.away`, path);
    } finally {
      writeFileSync(`${path}.new`, old);
      renameSync(`${path}.new`, path);
      content = old;
    }
    expect((await get(url)).body.equals(content)).toBe(true);
  });
});
