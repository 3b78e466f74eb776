// Web mode serves library files to the player: token checked, Range, ETag/If-Range, confinement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../electron/core/app/app-host.ts';
import { openLibraryFile } from '../../../../electron/core/media/library-file.ts';
import {
  FILE_IDS,
  type LibraryFileFixture,
  libraryFileFixture,
} from '../../../helpers/library-file-fixture.ts';
import { type FakeHost, startFakeHost } from './fake-host.ts';
import { request } from './http-request.ts';

let lib: LibraryFileFixture;
let h: FakeHost;

beforeAll(async () => {
  lib = libraryFileFixture();
  h = await startFakeHost();
  // The fake service, with the real core behind libraryFile.
  (h.service as { libraryFile: AppService['libraryFile'] }).libraryFile = (id) =>
    openLibraryFile(lib.lookup, id);
});
afterAll(async () => {
  await h.dispose();
  lib.dispose();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  request(h.port, path, { method, headers: { ...h.cookie, ...headers } });

describe('GET /library/files/:id in web mode', () => {
  it('needs the access token', async () => {
    const res = await request(h.port, `/library/files/${FILE_IDS.mp3}`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('TOP SECRET');
    const wrong = await request(h.port, `/library/files/${FILE_IDS.mp3}`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('serves the whole file with its type, length, ETag and Accept-Ranges', async () => {
    const res = await get(`/library/files/${FILE_IDS.mp3}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe('1000');
    expect(res.headers.etag).toMatch(/^"[0-9a-f-]+"$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(lib.mp3Bytes)).toBe(true);
    const flac = await get(`/library/files/${FILE_IDS.flac}`);
    expect(flac.headers['content-type']).toBe('audio/flac');
  });

  it('answers a Range with 206 and exactly those bytes', async () => {
    const res = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/1000');
    expect(res.headers['content-length']).toBe('100');
    expect(res.body.equals(lib.mp3Bytes.subarray(100, 200))).toBe(true);
    const open = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=990-' });
    expect(open.status).toBe(206);
    expect(open.body.equals(lib.mp3Bytes.subarray(990))).toBe(true);
    const suffix = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=-10' });
    expect(suffix.headers['content-range']).toBe('bytes 990-999/1000');
    expect(suffix.body.equals(lib.mp3Bytes.subarray(990))).toBe(true);
    const clamped = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=995-5000' });
    expect(clamped.headers['content-range']).toBe('bytes 995-999/1000');
  });

  it('answers 416 for a Range past the end', async () => {
    const res = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=1000-' });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
    expect(res.body.length).toBe(0);
  });

  it('honours If-Range: the current ETag gets the range, a stale one the whole file', async () => {
    const { headers } = await get(`/library/files/${FILE_IDS.mp3}`, {}, 'HEAD');
    const etag = String(headers.etag);
    const same = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=0-9', 'If-Range': etag });
    expect(same.status).toBe(206);
    expect(same.body.length).toBe(10);
    const stale = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=0-9', 'If-Range': '"old"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(1000);
    const notModified = await get(`/library/files/${FILE_IDS.mp3}`, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
  });

  it.each([
    ['a missing file', FILE_IDS.missing, 404, 'NOT_FOUND'],
    ['an unknown id', FILE_IDS.unknown, 404, 'NOT_FOUND'],
    ['a symlink out of the library', FILE_IDS.linkOut, 403, 'PERMISSION_DENIED'],
    ['a path climbing out', FILE_IDS.climbing, 403, 'PERMISSION_DENIED'],
  ])('refuses %s', async (_what, id, status, code) => {
    const res = await get(`/library/files/${id}`, { Range: 'bytes=0-' });
    expect(res.text).not.toContain('TOP SECRET');
    expect(res.status).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it.each([
    '/library/files/abc',
    '/library/files/0',
    '/library/files/1/extra',
    '/library/files/..%2f..%2fetc%2fpasswd',
  ])('answers %s with 404: files are named by index id only', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
