// Downloads through a real nginx in X-Accel-Redirect mode (server/deploy/nginx-store.conf): the store
// authorizes every request, nginx sends the bytes from its `internal` location, with Range, If-Range
// and the store's ETag; the internal location cannot be reached from outside, and a request the store
// refuses never gets a byte. Skipped where Debian's nginx is not installed.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEL_REQUEST_HEADER } from '../../../../server/http/serve-file.ts';
import { checkAccelPrefix } from '../../../../server/start-server.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { noticeBody } from '../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';
import { hasNginx, type NginxFront, startNginxFront } from './nginx-front.ts';

const PREFIX = '/internal-cache/';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!hasNginx)('downloads through nginx with X-Accel-Redirect', () => {
  let server: TestServer;
  let nginx: NginxFront;
  /** The demo account, talking to nginx. */
  let demo: StoreApi;
  let anyone: StoreApi;
  let item: any;
  let orderId: string;
  let full: Buffer;
  let cachePath: string;

  beforeAll(async () => {
    server = await startTestServer({ accelRedirect: PREFIX });
    nginx = await startNginxFront({
      storeUrl: server.url,
      cacheDir: server.store.paths.cache,
      prefix: PREFIX,
    });
    demo = await new StoreApi(nginx.url).login();
    anyone = new StoreApi(nginx.url);
    const albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
    const created = await demo.post(
      '/v1/orders',
      { albumId: albums[0].id, encoding: 'flac' },
      { 'idempotency-key': `accel-${randomUUID()}` },
    );
    expect(created.status).toBe(201);
    orderId = created.body.id;
    const done = await demo.waitForOrder(orderId);
    item = done.items[0];
    expect(item.state).toBe('ready');
    const row = (await server.store.sql.get<{ file_path: string }>(
      'SELECT file_path FROM order_items WHERE id = ?',
      item.id,
    ))!;
    cachePath = `${server.dataDir}/${row.file_path}`;
  });
  afterAll(async () => {
    await nginx?.stop();
    await server?.dispose();
  });

  /**
   * The access log's length once nginx has written the lines of the answers already received: it
   * writes each line just after sending the answer, so a count taken at once can miss the last one.
   */
  const settledLogLength = async () => {
    let length = -1;
    for (let polls = 0; polls < 40; polls++) {
      const now = nginx.accessLog().length;
      if (now === length) return now;
      length = now;
      await new Promise((r) => setTimeout(r, 50));
    }
    return length;
  };
  /** The access log lines of requests for this item's file since `from`, once written. */
  const logSince = async (from: number) => {
    await settledLogLength();
    return nginx.accessLog().slice(from);
  };

  it('lets nginx send the whole file, with the store headers and ETag', async () => {
    const before = await settledLogLength();
    const res = await demo.get(item.download.url);
    expect(res.status).toBe(200);
    full = res.body;
    expect(full.length).toBe(item.bytes);
    expect(sha256(full)).toBe(item.sha256);
    expect(res.headers.get('etag')).toBe(`"${item.sha256}"`);
    expect(res.headers.get('content-type')).toBe('audio/flac');
    expect(res.headers.get('content-length')).toBe(String(item.bytes));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''.+\.flac$/);
    expect(res.headers.get('repr-digest')).toBe(
      `sha-256=:${Buffer.from(item.sha256, 'hex').toString('base64')}:`,
    );
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('last-modified')).not.toBeNull();
    // nginx keeps the redirect to itself, and it was nginx that sent the bytes.
    expect(res.headers.get('x-accel-redirect')).toBeNull();
    const [line] = await logSince(before);
    expect(line).toMatch(new RegExp(`^200 ${PREFIX}flac/\\S+\\.flac ${item.bytes} /v1/orders/`));
  });

  it('serves Range and If-Range from nginx like the store does', async () => {
    const etag = `"${item.sha256}"`;
    const size = full.length;
    const before = await settledLogLength();
    const part = await demo.get(item.download.url, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    expect(part.headers.get('etag')).toBe(etag);
    expect(part.body.equals(full.subarray(100, 200))).toBe(true);
    // A resume: the rest of the file, only if it is still the same file.
    const rest = await demo.get(item.download.url, { range: 'bytes=200-', 'if-range': etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 200-${size - 1}/${size}`);
    expect(Buffer.concat([full.subarray(0, 200), rest.body]).equals(full)).toBe(true);
    const suffix = await demo.get(item.download.url, { range: 'bytes=-10' });
    expect(suffix.status).toBe(206);
    expect(suffix.body.equals(full.subarray(size - 10))).toBe(true);
    const clamped = await demo.get(item.download.url, { range: `bytes=${size - 5}-${size + 1000}` });
    expect(clamped.headers.get('content-range')).toBe(`bytes ${size - 5}-${size - 1}/${size}`);
    // By date, with the Last-Modified nginx sent.
    const lastModified = part.headers.get('last-modified')!;
    const byDate = await demo.get(item.download.url, { range: 'bytes=0-9', 'if-range': lastModified });
    expect(byDate.status).toBe(206);
    expect(byDate.body.equals(full.subarray(0, 10))).toBe(true);
    // All of these went out from nginx's internal location.
    const lines = await logSince(before);
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(l).toMatch(new RegExp(`^206 ${PREFIX}flac/`));
  });

  it('sends the whole file when If-Range no longer matches, or for several ranges', async () => {
    const cases: Record<string, string>[] = [
      { range: 'bytes=10-19', 'if-range': '"0000"' },
      { range: 'bytes=10-19', 'if-range': `W/"${item.sha256}"` },
      { range: 'bytes=10-19', 'if-range': 'Tue, 01 Jan 2019 00:00:00 GMT' },
      { range: 'bytes=0-0,5-9' },
    ];
    for (const headers of cases) {
      const res = await demo.get(item.download.url, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.headers.get('content-range')).toBeNull();
      expect(res.body.equals(full)).toBe(true);
      expect(res.headers.get('etag')).toBe(`"${item.sha256}"`);
    }
  });

  it('answers If-None-Match, HEAD and bad ranges from the store', async () => {
    const etag = `"${item.sha256}"`;
    const notModified = await demo.get(item.download.url, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    const head = await demo.request('HEAD', item.download.url);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(item.bytes));
    expect(head.headers.get('etag')).toBe(etag);
    for (const range of ['bytes=999999999-', 'bytes=5-2', 'items=0-1']) {
      const res = await demo.get(item.download.url, { range });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${full.length}`);
      expect(res.body.error.code).toBe('RANGE_NOT_SATISFIABLE');
      expect(res.headers.get('etag')).toBeNull();
    }
  });

  it('serves a signed link through nginx until it expires', async () => {
    const signed = await anyone.get(item.download.signedUrl);
    expect(signed.status).toBe(200);
    expect(sha256(signed.body)).toBe(item.sha256);
    const old = server.store.links.create(item.id, Date.now() - 2 * 3600_000);
    const expired = await anyone.get(`${item.download.url}?expires=${old.expires}&sig=${old.sig}`);
    expect(expired.status).toBe(403);
    expect(expired.body.error.code).toBe('LINK_EXPIRED');
  });

  it('never lets the internal location be requested from outside', async () => {
    const served = nginx.accessLog().find((l) => l.startsWith(`200 ${PREFIX}`));
    const target = /^200 (\S+) /.exec(served!)![1]!;
    for (const path of [
      target,
      `${target}?x=1`,
      target.replace(PREFIX, PREFIX.toUpperCase()),
      `${PREFIX}`,
      `${PREFIX}../store.db`,
      `/x/..${target}`,
      `/%69nternal-cache/${target.slice(PREFIX.length)}`,
    ]) {
      const res = await fetch(`${nginx.url}${path}`, {
        headers: { range: 'bytes=0-99', [ACCEL_REQUEST_HEADER]: 'X-Accel-Redirect' },
      });
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status, path).toBe(404);
      expect(body.includes(full.subarray(0, 64)), path).toBe(false);
    }
  });

  it('never sends a byte to a request the store refuses', async () => {
    const before = await settledLogLength();
    const tampered = item.download.signedUrl.replace(/sig=(.)/, (_m: string, c: string) =>
      c === 'Z' ? 'sig=Y' : 'sig=Z',
    );
    const other = new StoreApi(nginx.url);
    await other.register();
    const refusals: [StoreApi, string, Record<string, string>, number][] = [
      [anyone, item.download.url, {}, 401],
      [anyone, item.download.url, { range: 'bytes=0-99' }, 401],
      [anyone, tampered, {}, 403],
      [other, item.download.url, {}, 404],
      [other, item.download.url, { range: 'bytes=0-99', 'if-range': `"${item.sha256}"` }, 404],
      [demo, item.download.url.replace(item.id, 'itm_000000000000'), {}, 404],
      // A client that says it is nginx gets nothing more either.
      [anyone, item.download.url, { [ACCEL_REQUEST_HEADER]: 'X-Accel-Redirect' }, 401],
    ];
    for (const [api, url, headers, status] of refusals) {
      const res = await api.get(url, headers);
      expect(res.status, `${url} ${JSON.stringify(headers)}`).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Buffer.isBuffer(res.body)).toBe(false);
      expect(res.body.error.code).toBeTruthy();
    }
    const lines = (await logSince(before)).filter((l) => !l.includes('/v1/accounts'));
    expect(lines).toHaveLength(refusals.length);
    // nginx was never told to send a file for any of them.
    for (const l of lines) expect(l).toMatch(/^4\d\d - /);
  });

  it('refuses a refunded item without sending the file', async () => {
    const operator = new StoreApi(nginx.url, await server.store.operatorToken.issue());
    // Another item of the same order: the first one is still used below.
    const done = await demo.get(`/v1/orders/${orderId}`);
    const victim = done.body.items[1];
    expect(victim.state).toBe('ready');
    expect((await demo.get(victim.download.url, { range: 'bytes=0-9' })).status).toBe(206);
    const refunded = await operator.post(`/v1/operator/orders/${orderId}/items/${victim.id}/refund`, {});
    expect(refunded.status).toBe(200);
    const before = await settledLogLength();
    const gone = await demo.get(victim.download.url);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('REFUNDED');
    const goneSigned = await anyone.get(victim.download.signedUrl, { range: 'bytes=0-9' });
    expect(goneSigned.status).toBe(410);
    const lines = await logSince(before);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^410 - /);
  });

  it('checks the re-download policy of taken-down works on every request', async () => {
    const operator = new StoreApi(nginx.url, await server.store.operatorToken.issue());
    const albums = (await demo.get('/v1/albums?limit=100&sort=title')).body.items;
    const target = albums[1];
    const created = await demo.post(
      '/v1/orders',
      { albumId: target.id, encoding: 'mp3-v0' },
      { 'idempotency-key': `accel-${randomUUID()}` },
    );
    const bought = (await demo.waitForOrder(created.body.id)).items[0];
    expect((await demo.get(bought.download.url)).status).toBe(200);
    const filed = await anyone.post('/v1/takedowns', noticeBody([{ type: 'album', id: target.id }]));
    expect(filed.status).toBe(201);
    const decided = await operator.post(`/v1/operator/takedowns/${filed.body.receiptId}/decision`, {
      decision: 'approve',
      by: 'Legal Desk',
    });
    expect(decided.status).toBe(200);
    // Taken down, but owners keep their copies by default: still served, by nginx.
    const kept = await demo.get(bought.download.url, { range: 'bytes=0-9' });
    expect(kept.status).toBe(206);
    expect((await operator.post('/v1/operator/settings', { withdrawRedownloads: true })).status).toBe(200);
    try {
      const before = await settledLogLength();
      for (const [api, url] of [
        [demo, bought.download.url],
        [anyone, bought.download.signedUrl],
      ] as const) {
        const res = await api.get(url, { range: 'bytes=0-9' });
        expect(res.status).toBe(451);
        expect(res.body.error.code).toBe('REDOWNLOAD_WITHDRAWN');
      }
      const lines = await logSince(before);
      expect(lines).toHaveLength(2);
      for (const l of lines) expect(l).toMatch(/^451 - /);
    } finally {
      await operator.post('/v1/operator/settings', { withdrawRedownloads: false });
    }
    expect((await demo.get(bought.download.url, { range: 'bytes=0-9' })).status).toBe(206);
  });

  it('answers 503 from the store when the cached file is gone, and nginx never 404s', async () => {
    renameSync(cachePath, `${cachePath}.away`);
    try {
      const res = await demo.get(item.download.url);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body.error.code).toBe('NOT_READY');
    } finally {
      renameSync(`${cachePath}.away`, cachePath);
    }
    expect((await demo.get(item.download.url, { range: 'bytes=0-9' })).status).toBe(206);
  });

  it('still sends the bytes itself to requests that did not come through nginx', async () => {
    const direct = new StoreApi(server.url, demo.token);
    const res = await direct.get(item.download.url, { range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('x-accel-redirect')).toBeNull();
    expect(res.body.equals(full.subarray(100, 200))).toBe(true);
    // What nginx gets from the store: headers and the redirect, no body.
    const marked = await direct.get(item.download.url, { [ACCEL_REQUEST_HEADER]: 'X-Accel-Redirect' });
    expect(marked.status).toBe(200);
    expect(marked.headers.get('x-accel-redirect')).toMatch(new RegExp(`^${PREFIX}flac/[\\w.-]+\\.flac$`));
    expect(marked.headers.get('etag')).toBe(`"${item.sha256}"`);
    expect(marked.headers.get('content-length')).toBe('0');
    expect(marked.body.length).toBe(0);
  });
});

describe.skipIf(!hasNginx)(
  'nginx-store.conf when the file leaves the cache after the store checked it',
  () => {
    let fake: Server;
    let nginx: NginxFront;
    let cacheDir: string;
    const seen: (string | undefined)[] = [];

    beforeAll(async () => {
      cacheDir = mkdtempSync(join(tmpdir(), 'megadisc-accel-cache-'));
      mkdirSync(join(cacheDir, 'flac'));
      writeFileSync(join(cacheDir, 'flac', 'here.flac'), 'fLaC and some bytes');
      // Stands for a store that has authorized the request and found the file a moment ago.
      fake = createServer((req, res) => {
        seen.push(req.headers[ACCEL_REQUEST_HEADER] as string | undefined);
        const name = req.url?.includes('here') ? 'here' : 'missing';
        res.writeHead(200, {
          'x-accel-redirect': `${PREFIX}flac/${name}.flac`,
          'content-type': 'audio/flac',
          etag: '"abc"',
          'content-length': '0',
        });
        res.end();
      });
      await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
      const { port } = fake.address() as { port: number };
      nginx = await startNginxFront({ storeUrl: `http://127.0.0.1:${port}`, cacheDir, prefix: PREFIX });
    });
    afterAll(async () => {
      await nginx?.stop();
      await new Promise((r) => fake?.close(r));
      rmSync(cacheDir, { recursive: true, force: true });
    });

    it('answers 503 with Retry-After (the store re-encodes), not 404', async () => {
      const ok = await fetch(`${nginx.url}/v1/orders/x/items/here/file`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('fLaC and some bytes');
      expect(ok.headers.get('etag')).toBe('"abc"');
      const res = await fetch(`${nginx.url}/v1/orders/x/items/gone/file`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(((await res.json()) as any).error.code).toBe('NOT_READY');
      // nginx told the store it handles X-Accel-Redirect, whatever the client said.
      expect(seen.every((h) => h === 'X-Accel-Redirect')).toBe(true);
      // From outside, the internal location stays a plain 404, for present and missing files alike.
      for (const name of ['here', 'missing']) {
        const direct = await fetch(`${nginx.url}${PREFIX}flac/${name}.flac`);
        expect(direct.status).toBe(404);
        expect(await direct.text()).not.toContain('fLaC');
      }
    });
  },
);

describe('the --accel-redirect prefix', () => {
  it.each(['/internal-cache/', '/x/', '/a/b-c_d.e~f/'])('takes %s', (prefix) => {
    expect(checkAccelPrefix(prefix)).toBe(prefix);
  });
  it.each([
    'internal-cache/',
    '/internal-cache',
    '/',
    '/a//b/',
    '/../x/',
    '/a/./b/',
    '/a b/',
    '/a;b/',
    '/a?b/',
  ])('refuses %s', (prefix) => {
    expect(() => checkAccelPrefix(prefix)).toThrow(/must look like/);
  });
});
