// The app:// protocol serves library files to the player: Range, If-Range, confinement, CSP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLibraryFile } from '../../../../../electron/core/media/library-file.ts';
import { createAppRequestHandler } from '../../../../../electron/main/protocol/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/main/security/content-policy.ts';
import {
  FILE_IDS,
  type LibraryFileFixture,
  libraryFileFixture,
} from '../../../../helpers/library-file-fixture.ts';

vi.mock('electron', async () => (await import('../../../../helpers/fake-electron.ts')).electronModule());

let lib: LibraryFileFixture;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  lib = libraryFileFixture();
  rendererDir = join(mkdtempSync(join(tmpdir(), 'md-protocol-lib-')), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Megadisc</title>');
  handle = createAppRequestHandler({
    rendererDir,
    cover: async () => null,
    libraryFile: (id) => openLibraryFile(lib.lookup, id),
  });
});
afterAll(() => {
  lib.dispose();
  rmSync(join(rendererDir, '..'), { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  handle(new Request(`app://megadisc${path}`, { method, headers }));
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('app://megadisc/library/files/:id', () => {
  it('serves the file whole, with its type, ETag and the CSP', async () => {
    const res = await get(`/library/files/${FILE_IDS.mp3}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await bytes(res)).equals(lib.mp3Bytes)).toBe(true);
  });

  it('answers a Range with 206 and those bytes, and 416 past the end', async () => {
    const res = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=500-503' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 500-503/1000');
    expect((await bytes(res)).equals(lib.mp3Bytes.subarray(500, 504))).toBe(true);
    const past = await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=2000-2100' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
  });

  it('honours If-Range', async () => {
    const etag = (await get(`/library/files/${FILE_IDS.mp3}`, {}, 'HEAD')).headers.get('etag')!;
    expect(
      (await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=0-1', 'If-Range': etag })).status,
    ).toBe(206);
    expect(
      (await get(`/library/files/${FILE_IDS.mp3}`, { Range: 'bytes=0-1', 'If-Range': '"x"' })).status,
    ).toBe(200);
  });

  it.each([
    [FILE_IDS.missing, 404],
    [FILE_IDS.unknown, 404],
    [FILE_IDS.linkOut, 403],
    [FILE_IDS.climbing, 403],
  ])('refuses file %i with %i and never its bytes', async (id, status) => {
    const res = await get(`/library/files/${id}`);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain('TOP SECRET');
    expect(res.headers.get('x-megadisc-error')).toBe(status === 403 ? 'PERMISSION_DENIED' : 'NOT_FOUND');
  });

  it('takes ids only', async () => {
    for (const path of ['/library/files/x', '/library/files/1/2', '/library/files/..%2f..%2fsecret.mp3'])
      expect((await get(path)).status).toBe(404);
  });
});
