// The store's own fast path for downloads: hot files come from memory, but every request still
// looks at the file on disk, so a file that left the cache or changed is never served from memory.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../server/app.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let server: TestServer;
let demo: StoreApi;
let items: any[];
const paths = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  demo = await new StoreApi(server.url).login();
  const albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
  const created = await demo.post(
    '/v1/orders',
    { albumId: albums[2].id, encoding: 'mp3-320' },
    { 'idempotency-key': `memory-${randomUUID()}` },
  );
  items = (await demo.waitForOrder(created.body.id)).items;
  expect(items.length).toBeGreaterThanOrEqual(2);
  for (const item of items) {
    const row = (await server.store.sql.get<{ file_path: string }>(
      'SELECT file_path FROM order_items WHERE id = ?',
      item.id,
    ))!;
    paths.set(item.id, `${server.dataDir}/${row.file_path}`);
  }
});
afterAll(() => server?.dispose());

describe('downloads served from memory', () => {
  it('gives many concurrent first requests the same right bytes, whole and in ranges', async () => {
    const item = items[0];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        demo.get(item.download.url, i % 2 ? { range: `bytes=${i * 100}-${i * 100 + 99}` } : {}),
      ),
    );
    const full = readFileSync(paths.get(item.id)!);
    results.forEach((res, i) => {
      if (i % 2) {
        expect(res.status).toBe(206);
        expect(res.body.equals(full.subarray(i * 100, i * 100 + 100))).toBe(true);
      } else {
        expect(res.status).toBe(200);
        expect(sha256(res.body)).toBe(item.sha256);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-length')).toBe(String(item.bytes));
      }
    });
  });

  it('answers 503 as soon as the file leaves the cache, though its bytes are in memory', async () => {
    const item = items[0];
    const path = paths.get(item.id)!;
    expect((await demo.get(item.download.url)).status).toBe(200);
    renameSync(path, `${path}.away`);
    try {
      const res = await demo.get(item.download.url);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('etag')).toBeNull();
    } finally {
      renameSync(`${path}.away`, path);
    }
    const back = await demo.get(item.download.url);
    expect(back.status).toBe(200);
    expect(sha256(back.body)).toBe(item.sha256);
  });

  it('serves the file as it is on disk after it was replaced', async () => {
    const item = items[1];
    const path = paths.get(item.id)!;
    const original = readFileSync(path);
    expect(sha256((await demo.get(item.download.url)).body)).toBe(item.sha256);
    // The same size, other bytes, a new inode (written next to it and renamed, like an encode).
    const other = Buffer.alloc(original.length, 0x5a);
    writeFileSync(`${path}.new`, other);
    renameSync(`${path}.new`, path);
    try {
      const res = await demo.get(item.download.url);
      expect(res.status).toBe(200);
      expect(res.body.equals(other)).toBe(true);
      // A file of another size than the item's is never served.
      writeFileSync(`${path}.new`, other.subarray(1));
      renameSync(`${path}.new`, path);
      expect((await demo.get(item.download.url)).status).toBe(503);
    } finally {
      writeFileSync(`${path}.new`, original);
      renameSync(`${path}.new`, path);
    }
    expect(sha256((await demo.get(item.download.url)).body)).toBe(item.sha256);
  });
});

describe('downloads with a small memory budget, or none', () => {
  let apps: FastifyInstance[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    apps = [];
  });

  it.each([
    ['no memory cache (streamed from disk)', 'none'],
    ['room for one file at a time', 'one'],
  ] as const)('serves every file whole and in ranges with %s', async (_label, memory) => {
    const largest = Math.max(...items.map((i) => i.bytes));
    const downloads =
      memory === 'none'
        ? { fileMemoryBytes: 0 }
        : { fileMemoryBytes: largest + 1000, fileMemoryMaxFileBytes: largest };
    const app = buildApp(server.store, { downloads });
    apps.push(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const api = new StoreApi(`http://127.0.0.1:${port}`, demo.token);
    for (let round = 0; round < 3; round++) {
      for (const item of items) {
        const full = readFileSync(paths.get(item.id)!);
        const whole = await api.get(item.download.url);
        expect(whole.status).toBe(200);
        expect(sha256(whole.body)).toBe(item.sha256);
        const part = await api.get(item.download.url, {
          range: 'bytes=-1000',
          'if-range': `"${item.sha256}"`,
        });
        expect(part.status).toBe(206);
        expect(part.body.equals(full.subarray(full.length - 1000))).toBe(true);
        const head = await api.request('HEAD', item.download.url);
        expect(head.headers.get('content-length')).toBe(String(item.bytes));
      }
    }
  });
});
