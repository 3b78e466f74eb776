import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/web/http-replies.ts';
import { APP_JS, type FakeHost, INDEX_HTML, startFakeHost } from './fake-host.ts';
import { request } from './http-request.ts';

let h: FakeHost;
beforeAll(async () => {
  h = await startFakeHost();
});
afterAll(() => h.dispose());

const get = (path: string, headers: Record<string, string> = {}) =>
  request(h.port, path, { headers: { ...h.cookie, ...headers } });

describe('web host static files', () => {
  it('serves index.html with the strict CSP, nosniff, no-referrer and no-cache', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(res.headers['content-security-policy']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((await get('/index.html')).text).toBe(INDEX_HTML);
  });

  it('serves hashed assets with their type and a long immutable cache', async () => {
    const js = await get('/assets/app-1a2b3c.js');
    expect(js.status).toBe(200);
    expect(js.text).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(js.headers['cache-control']).toMatch(/immutable/);
    expect(js.headers['content-security-policy']).toBeDefined();
    expect((await get('/assets/app-1a2b3c.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await get('/icon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('puts the security headers on refusals too', async () => {
    for (const res of [
      await request(h.port, '/'),
      await get('/assets/missing.js'),
      await get('/', { Host: 'x:1' }),
    ]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers app routes with index.html, but a missing file with 404', async () => {
    for (const path of ['/store', '/library/albums/12', '/settings?tab=paths']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.text).toBe(INDEX_HTML);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    for (const path of ['/assets/app-000000.js', '/assets/deeper/thing', '/favicon.ico', '/robots.txt']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    for (const path of [
      '/..%2f..%2fpackage.json',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.text, path).not.toContain('TOP SECRET');
      expect(res.text, path).not.toContain('"name"');
    }
    // The URL parser resolves literal dots before us; the request then stays inside the folder.
    const literal = await get('/../secret.txt');
    expect(literal.text).not.toContain('TOP SECRET');
  });

  it('does not follow a symlink out of the renderer folder, nor serve dotfiles', async () => {
    const link = join(h.rendererDir, 'assets', 'leak.txt');
    symlinkSync(join(h.dir, 'secret.txt'), link);
    try {
      const res = await get('/assets/leak.txt');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('TOP SECRET');
    } finally {
      rmSync(link);
    }
    expect((await get('/.vite/manifest.json')).status).toBe(404);
  });

  it('answers HEAD without a body and a matching ETag with 304', async () => {
    const head = await request(h.port, '/assets/app-1a2b3c.js', { method: 'HEAD', headers: h.cookie });
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    const etag = String(head.headers.etag);
    const again = await get('/assets/app-1a2b3c.js', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it('refuses other methods on pages', async () => {
    const res = await request(h.port, '/', { method: 'PUT', headers: h.bearer, body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('says the UI is not built when index.html is missing', async () => {
    const index = join(h.rendererDir, 'index.html');
    rmSync(index);
    try {
      const res = await get('/store');
      expect(res.status).toBe(503);
      expect(res.text).toContain('npm run build');
    } finally {
      writeFileSync(index, INDEX_HTML);
    }
  });
});
