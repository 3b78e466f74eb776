import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, metadataArgs, writeTone } from '../../../helpers/audio-fixtures.ts';
import { runCli } from '../../../helpers/cli-process.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, storeEnv, type TestServer } from '../../../helpers/test-server.ts';

let root: string;
let server: TestServer | undefined;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'megadisc-import-'));
  const masters = join(root, 'masters', 'Some Artist', 'Import Test');
  mkdirSync(masters, { recursive: true });
  const cover = join(root, 'cover.png');
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=640x640:d=1', '-frames:v', '1', cover]);
  for (const n of [1, 2]) {
    const tags = metadataArgs({
      title: `Song ${n} — ünïcode`,
      artist: 'Some Artist',
      album_artist: 'Some Artist',
      album: 'Import Test',
      track: `${n}/2`,
      date: '2024-05-01',
      genre: 'Test Genre',
    });
    const path = join(masters, `0${n}.flac`);
    await writeTone(path, { seconds: 2, hz: 440 * n, extra: tags });
    if (n === 1) {
      // Embed the cover in the first file.
      await ffmpeg([
        '-i',
        path,
        '-i',
        cover,
        '-map',
        '0:a',
        '-map',
        '1:v',
        '-c',
        'copy',
        '-disposition:v',
        'attached_pic',
        `${path}.tmp.flac`,
      ]);
      rmSync(path);
      await ffmpeg(['-i', `${path}.tmp.flac`, '-map', '0', '-c', 'copy', path]);
      rmSync(`${path}.tmp.flac`);
    }
  }
  writeFileSync(join(masters, '03.flac'), Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(3000, 7)]));
});

afterAll(async () => {
  await server?.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('megadisc server import', () => {
  it('imports tagged masters as an album, skipping and reporting a corrupt file', async () => {
    const data = join(root, 'store');
    const result = await runCli(
      ['server', 'import', join(root, 'masters'), '--data', data],
      await storeEnv(data),
    );
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/imported 1 album\(s\), 2 track\(s\); skipped 1 file/);
    expect(result.output).toMatch(/skipped .*03\.flac: /);

    server = await startTestServer({}, data);
    const api = new StoreApi(server.url);
    const found = await api.get('/v1/search?q=import%20test');
    const album = (await api.get(`/v1/albums/${found.body.albums.items[0].id}`)).body;
    expect(album).toMatchObject({
      title: 'Import Test',
      artist: { name: 'Some Artist' },
      year: 2024,
      genres: ['Test Genre'],
    });
    expect(album.discs[0].tracks.map((t: any) => t.title)).toEqual(['Song 1 — ünïcode', 'Song 2 — ünïcode']);
    expect(album.discs[0].tracks[0].durationMs).toBeGreaterThan(1900);
    expect(Object.keys(album.cover.sizes)).toContain('300');
    expect((await api.get(album.cover.sizes['300'])).status).toBe(200);
  });

  it('fails with a one-line message for a missing folder', async () => {
    const result = await runCli(['server', 'import', join(root, 'nope'), '--data', join(root, 'store2')]);
    expect(result.code).not.toBe(0);
    expect(result.output.trim().split('\n').at(-1)).toMatch(/nope/);
  });
});
