// Masters tagged in Windows-1251 by an old tagger: the importer repairs the mojibake, the catalog shows
// Cyrillic, and the client writes that Cyrillic into the files it downloads (ID3v2.4, ID3v2.3, Vorbis).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlbumCards, trackPage } from '../../../../../electron/core/library/index.ts';
import { openProfile } from '../../../../../electron/core/profile/open-profile.ts';
import { scanMasters } from '../../../../../server/catalog/sources/index.ts';
import { writeTone } from '../../../../helpers/audio-fixtures.ts';
import { jsonOutput, loginDemo, runCli } from '../../../../helpers/cli-process.ts';
import { legacyId3v1, legacyId3v23, writeLegacyWav } from '../../../../helpers/legacy-id3.ts';
import { StoreApi } from '../../../../helpers/store-api.ts';
import {
  copyTemplateStore,
  startTestServer,
  storeEnv,
  type TestServer,
} from '../../../../helpers/test-server.ts';

const ARTIST = 'Ёжики на пару';
const ALBUM = 'Тёплый март';
const TITLES = ['Ёлочка в огне', 'Я'];
const LATIN = { artist: 'Mötley Ñandú', album: 'Café Björk', title: 'Señor Ós' };

let root: string;
let masters: string;
let data: string;
let server: TestServer | undefined;
const home = mkdtempSync(join(tmpdir(), 'megadisc-legacy-home-'));
const cli = (...args: string[]) => runCli([...args, '--home', home]);
const cliJson = async (...args: string[]) => {
  const r = await cli(...args, '--json');
  expect(r.code, r.output).toBe(0);
  return jsonOutput(r.output);
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'megadisc-legacy-'));
  masters = join(root, 'masters');
  const album = join(masters, 'legacy');
  const latin = join(masters, 'latin');
  mkdirSync(album, { recursive: true });
  mkdirSync(latin, { recursive: true });
  // Track 1: a WAV with an ID3v2.3 `id3 ` chunk whose "ISO-8859-1" frames hold Windows-1251 bytes.
  await writeLegacyWav(
    join(album, '01.wav'),
    { title: TITLES[0]!, artist: ARTIST, albumArtist: ARTIST, album: ALBUM, track: 1, year: '1997' },
    { v1: false },
  );
  // Track 2: a FLAC with only an appended ID3v1 tag, the oldest tagger there is.
  const plain = join(root, 'plain.flac');
  await writeTone(plain, {
    seconds: 2,
    hz: 660,
    extra: ['-map_metadata', '-1', '-fflags', '+bitexact', '-sample_fmt', 's16'],
  });
  const v1 = legacyId3v1({ title: TITLES[1]!, artist: ARTIST, album: ALBUM, track: 2, year: '1997' });
  writeFileSync(join(album, '02.flac'), Buffer.concat([readFileSync(plain), v1]));
  // A real ISO-8859-1 album beside it, which must stay as written.
  const latinTags = { ...LATIN, albumArtist: LATIN.artist, track: 1, charset: 'latin1' as const };
  await writeLegacyWav(join(latin, '01.wav'), latinTags, { v1: false });
  const prepended = Buffer.concat([legacyId3v23({ ...latinTags, track: 2 }), readFileSync(plain)]);
  writeFileSync(join(latin, '02.flac'), prepended);

  // A copy of the seeded template, so the demo account can buy what gets imported.
  data = join(root, 'store');
  await copyTemplateStore(data);
});

afterAll(async () => {
  await server?.dispose();
  rmSync(root, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('legacy Windows-1251 tags', () => {
  it('are mojibake to music-metadata on its own', async () => {
    const wav = await parseFile(join(masters, 'legacy', '01.wav'));
    expect(wav.common.title).toBe('¨ëî÷êà â îãíå');
    expect(wav.common.album).toBe('Ò¸ïëûé ìàðò');
    const flac = await parseFile(join(masters, 'legacy', '02.flac'));
    expect(Object.keys(flac.native)).toEqual(['ID3v1']);
    expect(flac.common.artist).toBe('¨æèêè íà ïàðó');
    expect(flac.common.title).toBe('ß');
  });

  it('follow --tag-encoding: latin1 keeps the bytes as written, cp1251 forces Cyrillic, nonsense is refused', async () => {
    const titles = async (tagEncoding: 'latin1' | 'cp1251') => {
      const report = await scanMasters(masters, {
        workDir: join(root, `work-${tagEncoding}`),
        measureLoudness: false,
        tagEncoding,
      });
      return report.albums.map((a) => a.title).sort();
    };
    expect(await titles('latin1')).toEqual([LATIN.album, 'Ò¸ïëûé ìàðò'].sort());
    expect(await titles('cp1251')).toEqual(['Cafй Bjцrk', ALBUM].sort());
    const bad = await runCli([
      'server',
      'import',
      masters,
      '--data',
      join(root, 'unused'),
      '--tag-encoding',
      'koi8',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(/--tag-encoding is auto, cp1251, latin1; got koi8/);
  });

  it('are imported as Cyrillic, while real Latin-1 tags stay as written', async () => {
    const result = await runCli(['server', 'import', masters, '--data', data], await storeEnv(data));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/imported 2 album\(s\), 4 track\(s\); skipped 0 file/);

    server = await startTestServer({}, data);
    const api = new StoreApi(server.url);
    const artist = (await api.get(`/v1/search?q=${encodeURIComponent(ARTIST)}`)).body.artists.items;
    expect(artist.map((a: any) => a.name)).toContain(ARTIST);
    const found = (await api.get(`/v1/search?q=${encodeURIComponent(ALBUM)}`)).body.albums.items;
    const summary = found.find((a: any) => a.title === ALBUM);
    const page = (await api.get(`/v1/albums/${summary.id}`)).body;
    expect(page).toMatchObject({ title: ALBUM, artist: { name: ARTIST }, year: 1997 });
    expect(page.discs[0].tracks.map((t: any) => t.title)).toEqual(TITLES);

    const latin = (await api.get(`/v1/search?q=${encodeURIComponent('Björk')}`)).body.albums.items;
    const latinPage = (await api.get(`/v1/albums/${latin.find((a: any) => a.title === LATIN.album).id}`))
      .body;
    expect(latinPage).toMatchObject({ title: LATIN.album, artist: { name: LATIN.artist } });
    expect(latinPage.discs[0].tracks.map((t: any) => t.title)).toEqual([LATIN.title, LATIN.title]);
  });

  it('reach the files the client downloads as Unicode tags: ID3v2.4, ID3v2.3 and Vorbis comments', async () => {
    expect(server).toBeDefined();
    await loginDemo(server!.url, home);
    await cliJson('config', '--library-dir', join(home, 'library'));
    const found = await cliJson('search', ALBUM);
    const albumId = found.albums.items.find((a: any) => a.title === ALBUM).id;

    const buyAndRun = async (encoding: string) => {
      const bought = await cliJson('buy', String(albumId), '--encoding', encoding, '--yes');
      const run = await cli('run');
      expect(run.code, run.output).toBe(0);
      const queue = await cliJson('queue');
      const jobs = queue.jobs.filter((j: any) => j.orderId === bought.purchase.orderId);
      expect(jobs.map((j: any) => j.state)).toEqual(['done', 'done']);
      return jobs.map((j: any) => j.finalPath as string);
    };
    const expectCyrillic = async (paths: string[], tagType: string) => {
      const titles: string[] = [];
      for (const path of paths) {
        const { common, native } = await parseFile(path);
        expect(Object.keys(native)).toContain(tagType);
        expect(common).toMatchObject({ artist: ARTIST, albumartist: ARTIST, album: ALBUM });
        titles.push(common.title!);
      }
      expect(titles.sort()).toEqual([...TITLES].sort());
    };

    const v24 = await buyAndRun('mp3-v0');
    await expectCyrillic(v24, 'ID3v2.4');
    // ID3v2.4 text frames are UTF-8 (encoding byte 3).
    expect(frameEncoding(readFileSync(v24[0]!), 'TALB')).toBe(3);

    await cliJson('config', '--id3-version', '3');
    const v23 = await buyAndRun('mp3-320');
    await expectCyrillic(v23, 'ID3v2.3');
    // ID3v2.3 has no UTF-8: Cyrillic needs UTF-16 with a BOM (encoding byte 1).
    expect(frameEncoding(readFileSync(v23[0]!), 'TALB')).toBe(1);

    await expectCyrillic(await buyAndRun('flac'), 'vorbis');
  });
});

describe('the bought legacy-tagged album in the library', () => {
  it('is found in Cyrillic, either case, with е for ё, in Latin and in other romanizations', () => {
    expect(server).toBeDefined();
    const db = openProfile(home);
    try {
      const titles = (q: string) =>
        [...new Set(trackPage(db, { q, offset: 0, limit: 100 }).rows.map((r) => r.title))].sort();
      const albums = (q: string) => listAlbumCards(db, { q }).map((a) => a.title);
      expect(albums('')).toContain(ALBUM);
      for (const q of [
        'Тёплый март',
        'ТЕПЛЫЙ',
        'тёп',
        'teplyy mart',
        'tyoplyi mart',
        'tjoplyj',
        'yozhiki',
        'Jozhiki na paru',
      ])
        expect(albums(q), q).toEqual([ALBUM]);
      for (const q of ['Ёлочка', 'елочка в огне', 'ЁЛО', 'elochka', 'yolochka', 'jolochka v ogne', 'yol'])
        expect(titles(q), q).toEqual([TITLES[0]]);
      // The album artist is on every track.
      for (const q of ['ежики', 'ezhiki na paru', 'yozhiki'])
        expect(titles(q), q).toEqual([...TITLES].sort());
    } finally {
      db.close();
    }
  });
});

/** The text-encoding byte of the first `id` frame in an ID3v2 tag at the start of `file`. */
function frameEncoding(file: Buffer, id: string): number {
  const at = file.indexOf(Buffer.from(id, 'latin1'));
  expect(at).toBeGreaterThan(0);
  return file[at + 10]!;
}
