import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../../../electron/core/library/index.ts';
import { addFile, type Sandbox, sandbox, sha256, tags } from '../../../../helpers/library-fixtures.ts';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const at = (rel: string) => join(box.root, ...rel.split('/'));

/** Every regular file under the root, relative. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(box.root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(box.root.length + 1))
    .sort();
}

function track(n: number, patch: Parameters<typeof tags>[0] = {}) {
  return tags({
    title: `Song ${n}`,
    trackNumber: n,
    storeIds: { trackId: n, albumId: 1, artistId: 1, orderId: 'ord_1234567890' },
    ...patch,
  });
}

describe('verify', () => {
  it('reports ok, missing and changed files, with progress, and records the status', async () => {
    const ok = addFile(box, 'a/1.flac', 'one', track(1));
    const gone = addFile(box, 'a/2.flac', 'two', track(2));
    const sameSize = addFile(box, 'a/3.flac', 'three', track(3));
    const grown = addFile(box, 'a/4.flac', 'four', track(4));
    rmSync(at('a/2.flac'));
    writeFileSync(at('a/3.flac'), 'THREE');
    writeFileSync(at('a/4.flac'), 'four and more');
    const progress: [number, number, string][] = [];
    const report = await box.index.verify(box.root, (p) => progress.push([p.done, p.total, p.status]));
    expect(report.ok.map((f) => f.id)).toEqual([ok.id]);
    expect(report.missing.map((f) => f.id)).toEqual([gone.id]);
    expect(report.changed.map((f) => f.id)).toEqual([sameSize.id, grown.id]);
    expect(progress).toEqual([
      [1, 4, 'ok'],
      [2, 4, 'missing'],
      [3, 4, 'changed'],
      [4, 4, 'changed'],
    ]);
    expect(box.index.get(gone.id)?.status).toBe('missing');
    expect(box.index.get(ok.id)?.verifiedAt).not.toBeNull();
  });

  it('does not follow a file swapped for a symlink to outside the library', async () => {
    const file = addFile(box, 'a/1.flac', 'one', track(1));
    writeFileSync(join(box.dir, 'outside.flac'), 'one');
    rmSync(at('a/1.flac'));
    symlinkSync(join(box.dir, 'outside.flac'), at('a/1.flac'));
    expect((await box.index.verify(box.root)).missing.map((f) => f.id)).toEqual([file.id]);
  });

  it('refuses to run on a library folder that is not there, rather than marking all missing', async () => {
    const file = addFile(box, 'a/1.flac', 'one', track(1));
    await expect(box.index.verify(join(box.dir, 'unplugged'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(box.index.get(file.id)?.status).toBe('ok');
  });
});

describe('rescan', () => {
  it('finds a moved file by its hash and re-links it', async () => {
    const moved = addFile(box, 'Artist/Album/01 Song.flac', 'moved content', track(1));
    const stays = addFile(box, 'Artist/Album/02 Song.flac', 'other content', track(2));
    const lost = addFile(box, 'Artist/Album/03 Song.flac', 'lost content', track(3));
    mkdirSync(at('Elsewhere'));
    renameSync(at('Artist/Album/01 Song.flac'), at('Elsewhere/renamed.flac'));
    rmSync(at('Artist/Album/03 Song.flac'));
    writeFileSync(at('Elsewhere/same-size.flac'), 'lost CONTENT'); // same size as the lost file, other bytes
    writeFileSync(at('notes.txt'), 'mine');
    writeFileSync(at('.DS_Store'), 'x');

    const report = await box.index.rescan(box.root);
    expect(report.relinked.map((r) => [r.file.id, r.from, r.file.path])).toEqual([
      [moved.id, 'Artist/Album/01 Song.flac', 'Elsewhere/renamed.flac'],
    ]);
    expect(report.missing.map((f) => f.id)).toEqual([lost.id]);
    expect(report.unknown).toEqual(['Elsewhere/same-size.flac', 'notes.txt']);
    expect(box.index.get(moved.id)).toMatchObject({ path: 'Elsewhere/renamed.flac', status: 'ok' });
    expect(box.index.get(stays.id)?.path).toBe('Artist/Album/02 Song.flac');
    expect(box.index.get(lost.id)?.status).toBe('missing');
  });

  it('restores a file marked missing that is back at its path', async () => {
    const file = addFile(box, 'a.flac', 'a', track(1));
    box.index.markMissing(file.id);
    await box.index.rescan(box.root);
    expect(box.index.get(file.id)?.status).toBe('ok');
  });

  it('does not follow symlinks out of the library', async () => {
    const file = addFile(box, 'a.flac', 'content', track(1));
    mkdirSync(join(box.dir, 'outside'));
    renameSync(at('a.flac'), join(box.dir, 'outside', 'a.flac'));
    symlinkSync(join(box.dir, 'outside'), at('link'));
    const report = await box.index.rescan(box.root);
    expect(report.missing.map((f) => f.id)).toEqual([file.id]);
    expect(report.relinked).toEqual([]);
  });
});

describe('reorganize', () => {
  const template = '{albumartist}/{album}/{track:02} {title}.{ext}';

  function seed() {
    return [
      addFile(box, 'old/1.flac', 'one', track(1)),
      addFile(box, 'old/2.flac', 'two', track(2)),
      addFile(box, 'old/sub/3.mp3', 'three', track(3), 'mp3-320'),
    ];
  }

  it('plans moves in a dry run without touching disk or index', async () => {
    const files = seed();
    const before = await filesOnDisk();
    const result = await box.index.reorganize(box.root, template, { dryRun: true });
    expect(result.moves).toEqual([
      { fileId: files[0]!.id, from: 'old/1.flac', to: 'Artist/Album/01 Song 1.flac' },
      { fileId: files[1]!.id, from: 'old/2.flac', to: 'Artist/Album/02 Song 2.flac' },
      { fileId: files[2]!.id, from: 'old/sub/3.mp3', to: 'Artist/Album/03 Song 3.mp3' },
    ]);
    expect(await filesOnDisk()).toEqual(before);
    expect(box.index.files().map((f) => f.path)).toEqual(['old/1.flac', 'old/2.flac', 'old/sub/3.mp3']);
  });

  it('moves files, updates the index, removes emptied folders', async () => {
    seed();
    writeFileSync(at('keep.txt'), 'not ours');
    const planned = await box.index.reorganize(box.root, template, { dryRun: true });
    const result = await box.index.reorganize(box.root, template);
    expect(result.moves).toEqual(planned.moves);
    expect(await filesOnDisk()).toEqual([
      'Artist/Album/01 Song 1.flac',
      'Artist/Album/02 Song 2.flac',
      'Artist/Album/03 Song 3.mp3',
      'keep.txt',
    ]);
    expect(existsSync(at('old'))).toBe(false);
    expect(readFileSync(at('Artist/Album/02 Song 2.flac'), 'utf8')).toBe('two');
    expect(box.index.files().map((f) => f.path)).toEqual(result.moves.map((m) => m.to));
    expect((await box.index.verify(box.root)).ok).toHaveLength(3);
    // Running it again has nothing left to do.
    expect((await box.index.reorganize(box.root, template)).moves).toEqual([]);
  });

  it('gives colliding tracks distinct names, ignoring case, and never overwrites a stranger', async () => {
    addFile(box, 'x/a.flac', 'a', track(1, { title: 'Intro' }));
    addFile(box, 'x/b.flac', 'b', track(2, { title: 'INTRO' }));
    mkdirSync(at('Album'), { recursive: true });
    writeFileSync(at('Album/Intro.flac'), 'a stranger');
    const result = await box.index.reorganize(box.root, '{album}/{title}');
    expect(result.moves.map((m) => m.to)).toEqual(['Album/Intro (2).flac', 'Album/INTRO (3).flac']);
    expect(readFileSync(at('Album/Intro.flac'), 'utf8')).toBe('a stranger');
    expect((await box.index.verify(box.root)).ok).toHaveLength(2);
  });

  it('swaps two files that trade names', async () => {
    const a = addFile(box, 'A/01 Song 1.flac', 'second', track(2));
    const b = addFile(box, 'A/02 Song 2.flac', 'first', track(1));
    await box.index.reorganize(box.root, 'A/{track:02} {title}');
    expect(box.index.get(a.id)?.path).toBe('A/02 Song 2.flac');
    expect(box.index.get(b.id)?.path).toBe('A/01 Song 1.flac');
    expect(readFileSync(at('A/01 Song 1.flac'), 'utf8')).toBe('first');
    expect(await filesOnDisk()).toEqual(['A/01 Song 1.flac', 'A/02 Song 2.flac']);
  });

  it('uses the default template, multi-disc numbering and the length budget', async () => {
    addFile(box, 'x.flac', 'x', track(4, { discNumber: 2, discTotal: 2, title: 'Long '.repeat(60) }));
    const { moves } = await box.index.reorganize(box.root, DEFAULT_TEMPLATE, { budget: 80, dryRun: true });
    expect(moves[0]!.to.startsWith('Artist/1999 - Album [flac]/2-04 Long')).toBe(true);
    expect(moves[0]!.to.length).toBeLessThanOrEqual(80);
  });

  it('refuses an invalid template before moving anything', async () => {
    seed();
    await expect(box.index.reorganize(box.root, '{artist}/{bogus}')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(box.index.files().map((f) => f.path)).toEqual(['old/1.flac', 'old/2.flac', 'old/sub/3.mp3']);
  });

  it('skips missing files', async () => {
    const [one] = seed();
    rmSync(at('old/1.flac'));
    const result = await box.index.reorganize(box.root, template);
    expect(result.skipped).toEqual([{ fileId: one!.id, path: 'old/1.flac', reason: 'not on disk' }]);
    expect(result.moves).toHaveLength(2);
  });

  it('keeps the index consistent with the disk when a move fails midway', async () => {
    addFile(box, 'in/1.flac', 'one', track(1, { albumArtist: 'Good' }));
    addFile(box, 'in/2.flac', 'two', track(2, { albumArtist: 'Blocked' }));
    addFile(box, 'in/3.flac', 'three', track(3, { albumArtist: 'Good' }));
    writeFileSync(at('Blocked'), 'a file where a folder must go');
    await expect(box.index.reorganize(box.root, template)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // Every index entry names a file that is there, with the bytes it recorded.
    for (const file of box.index.files())
      expect(sha256(readFileSync(at(file.path), 'utf8'))).toBe(file.sha256);
    expect(box.index.files().map((f) => f.path)).toEqual([
      'Good/Album/01 Song 1.flac',
      'in/2.flac',
      'in/3.flac',
    ]);
    expect((await box.index.verify(box.root)).ok).toHaveLength(3);
    // Once the obstacle is gone, running again finishes the job.
    rmSync(at('Blocked'));
    await box.index.reorganize(box.root, template);
    expect((await box.index.verify(box.root)).ok).toHaveLength(3);
    expect(existsSync(at('in'))).toBe(false);
    expect(dirname(box.index.files()[1]!.path)).toBe('Blocked/Album');
  });
});

describe('newFilePath', () => {
  it('renders a free path under the root, avoiding indexed and on-disk names', async () => {
    addFile(box, 'Artist/1999 - Album [flac]/01 Song.flac', 'x', track(1, { title: 'Song' }));
    const next = await box.index.newFilePath(box.root, DEFAULT_TEMPLATE, track(1, { title: 'song' }), 'flac');
    expect(next.relative).toBe('Artist/1999 - Album [flac]/01 song (2).flac');
    expect(next.absolute).toBe(at(next.relative));
  });
});
