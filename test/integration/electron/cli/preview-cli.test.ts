// `megadisc preview` as a real child process against the real store: the preview saved to --out (the
// same bytes the store serves), --json, Russian, and refusals with their codes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOutput, loginDemo, runCli } from '../../../helpers/cli-process.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { takeDown } from '../../../helpers/takedown-notices.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let track: { id: number; title: string };
let downTrackId: number;
const home = mkdtempSync(join(tmpdir(), 'megadisc-cli-preview-'));
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--home', home], env);

beforeAll(async () => {
  server = await startTestServer();
  await loginDemo(server.url, home);
  const anyone = new StoreApi(server.url);
  const [album, down] = (await anyone.get('/v1/albums?sort=title&limit=2')).body.items;
  track = (await anyone.get(`/v1/albums/${album.id}`)).body.discs[0].tracks[0];
  downTrackId = (await anyone.get(`/v1/albums/${down.id}`)).body.discs[0].tracks[0].id;
  await takeDown(server.url, await server.store.operatorToken.issue(), [{ type: 'album', id: down.id }]);
}, 120_000);
afterAll(async () => {
  await server?.dispose();
  rmSync(home, { recursive: true, force: true });
});

describe('megadisc preview', () => {
  it('writes the preview to --out, and says so with --json', async () => {
    const out = join(home, 'clip.ogg');
    const r = await cli(['preview', String(track.id), '--out', out, '--json']);
    expect(r.code, r.output).toBe(0);
    const printed = jsonOutput(r.output);
    const bytes = readFileSync(out);
    expect(printed).toEqual({ trackId: track.id, path: out, bytes: bytes.length });
    const served = (await new StoreApi(server.url).get(`/v1/tracks/${track.id}/preview`)).body as Buffer;
    expect(bytes.equals(served)).toBe(true);
    expect(bytes.subarray(0, 4).toString()).toBe('OggS');
  });

  it("says where it saved the preview in the person's language", async () => {
    const out = join(home, 'ru.ogg');
    const r = await cli(['preview', String(track.id), '--lang', 'ru', '--out', out]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain(`Фрагмент трека ${track.id} сохранён в ${out}`);
  });

  it('refuses a withdrawn track with its code and a failing exit status, and writes nothing', async () => {
    const out = join(home, 'down.ogg');
    const r = await cli(['preview', String(downTrackId), '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('TAKEN_DOWN');
    expect(existsSync(out)).toBe(false);
    const bad = await cli(['preview', 'abc']);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('INVALID_ARGUMENT');
  });
});
