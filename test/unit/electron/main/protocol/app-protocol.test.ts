import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCoverPath } from '../../../../../electron/core/media/media-routes.ts';
import { resolveStaticPath } from '../../../../../electron/core/media/renderer-files.ts';
import {
  createAppRequestHandler,
  registerAppScheme,
} from '../../../../../electron/main/protocol/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/main/security/content-policy.ts';
import { MegadiscError } from '../../../../../electron/shared/errors.ts';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let root: string;
let rendererDir: string;
const cover = vi.fn(async (source: 'store' | 'library', albumId: number, size: number) => {
  if (albumId === 404) return null;
  if (albumId === 405) throw new MegadiscError('NOT_FOUND', 'no such album');
  if (albumId === 502) throw new MegadiscError('STORE_UNREACHABLE', 'store down');
  const contentType = albumId === 666 ? 'text/html' : 'image/jpeg';
  return { bytes: new TextEncoder().encode(`${source}-${albumId}-${size}`), contentType };
});
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'md-protocol-'));
  rendererDir = join(root, 'dist', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Megadisc</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'dist', 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  handle = createAppRequestHandler({ rendererDir, cover });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('serves the built renderer with the strict CSP', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    const index = await get('app://megadisc/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await index.text()).toContain('<title>Megadisc</title>');
    const script = await get('app://megadisc/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers client routes with index.html and missing files with a 404 that has the CSP too', async () => {
    const route = await get('app://megadisc/library/12');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Megadisc');
    const missing = await get('app://megadisc/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it.each([
    'app://megadisc/..%2fsecret.txt',
    'app://megadisc/..%2f..%2fsecret.txt',
    'app://megadisc/assets/..%2f..%2f..%2fsecret.txt',
    'app://megadisc/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://megadisc/..%5c..%5csecret.txt',
    `app://megadisc/${encodeURIComponent('/etc/passwd')}`,
    'app://megadisc/index.html%00.js',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('keeps dot segments the URL parser folds inside the renderer folder', async () => {
    const response = await get('app://megadisc/../../secret.txt');
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('refuses other hosts and methods other than GET and HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://megadisc/index.html', 'POST')).status).toBe(405);
    expect((await get('app://megadisc/index.html', 'HEAD')).status).toBe(200);
  });

  it('serves store and library covers from the app service, same URLs as web mode', async () => {
    const store = await get('app://megadisc/covers/store/12/300');
    expect(store.status).toBe(200);
    expect(store.headers.get('content-type')).toBe('image/jpeg');
    expect(store.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await store.text()).toBe('store-12-300');
    expect(cover).toHaveBeenLastCalledWith('store', 12, 300);
    expect(store.headers.get('cache-control')).toBe('private, max-age=86400');
    const library = await get('app://megadisc/covers/library/5');
    expect(await library.text()).toBe('library-5-0');
    expect(library.headers.get('cache-control')).toBe('private, max-age=60');
    expect(await (await get('app://megadisc/covers/library/5/200')).text()).toBe('library-5-200');
    expect((await get('app://megadisc/covers/store/404/300')).status).toBe(404);
    expect((await get('app://megadisc/covers/store/405/300')).status).toBe(404);
    expect((await get('app://megadisc/covers/store/502/300')).status).toBe(502);
    // A store that calls its bytes text/html must not turn a cover into a page.
    expect((await get('app://megadisc/covers/store/666/300')).headers.get('content-type')).toBe(
      'application/octet-stream',
    );
    cover.mockClear();
    expect((await get('app://megadisc/covers/store/abc/300')).status).toBe(404);
    expect((await get('app://megadisc/covers/store/1')).status).toBe(404);
    expect((await get('app://megadisc/covers/store/1/300/x')).status).toBe(404);
    expect((await get('app://megadisc/covers/../index.html')).status).toBe(200);
    expect(cover).not.toHaveBeenCalled();
  });

  it('parses only well-formed cover paths', () => {
    expect(parseCoverPath('/covers/store/3/600')).toEqual({ source: 'store', albumId: 3, size: 600 });
    expect(parseCoverPath('/covers/library/3')).toEqual({ source: 'library', albumId: 3, size: 0 });
    expect(parseCoverPath('/covers/library/3/120')).toEqual({ source: 'library', albumId: 3, size: 120 });
    expect(parseCoverPath('/covers/store/0/600')).toBeNull();
    expect(parseCoverPath('/covers/store/3')).toBeNull();
    expect(parseCoverPath('/covers/library/3/extra')).toBeNull();
    expect(parseCoverPath('/covers/store/3/600/')).toBeNull();
    expect(parseCoverPath('/covers/other/3')).toBeNull();
  });

  it('resolves paths only inside the root', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStaticPath('/srv/r', '/a/b.js')).toBe('/srv/r/a/b.js');
    expect(resolveStaticPath('/srv/r', '/..%2fr2/x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/a/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%2e%2e/r2/x')).toBeNull();
    expect(resolveStaticPath('/srv/r', '/%E0%A4%A')).toBeNull();
  });
});
