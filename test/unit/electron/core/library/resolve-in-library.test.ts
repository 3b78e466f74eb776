import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPath, resolveInLibrary } from '../../../../../electron/core/library/index.ts';
import { type Sandbox, sandbox, tags } from '../../../../helpers/library-fixtures.ts';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

describe('resolveInLibrary', () => {
  it('joins plain names under the root, existing or not', async () => {
    expect(await resolveInLibrary(box.root, ['A', 'B', 'c.flac'])).toBe(join(box.root, 'A', 'B', 'c.flac'));
  });

  it.each([
    [['..', 'etc', 'passwd']],
    [['A', '..', '..', 'x']],
    [['.']],
    [['']],
    [['a/../../x']],
    [['a\\..\\..\\x']],
    [['nul\0']],
    [[]],
  ])('refuses components %j', async (components) => {
    await expect(resolveInLibrary(box.root, components)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('keeps hostile metadata inside the root once rendered', async () => {
    const t = tags({ albumArtist: '../../../../etc', album: '..', title: '../passwd' });
    const path = await resolveInLibrary(
      box.root,
      renderPath('{albumartist}/{album}/{title}', t, 'flac', 'flac'),
    );
    expect(path.startsWith(`${box.root}/`)).toBe(true);
  });

  it('refuses a path through a symlinked folder that points outside', async () => {
    const outside = join(box.dir, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(box.root, 'Artist'));
    await expect(resolveInLibrary(box.root, ['Artist', 'Album', 'x.flac'])).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(resolveInLibrary(box.root, ['Artist'])).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('refuses a file that is a symlink to a file outside, and a dangling symlink', async () => {
    writeFileSync(join(box.dir, 'secret'), 'x');
    symlinkSync(join(box.dir, 'secret'), join(box.root, 'song.flac'));
    symlinkSync(join(box.dir, 'nowhere'), join(box.root, 'dangling.flac'));
    await expect(resolveInLibrary(box.root, ['song.flac'])).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(resolveInLibrary(box.root, ['dangling.flac'])).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
  });

  it('accepts symlinks that stay inside, and a root that is itself a symlink', async () => {
    mkdirSync(join(box.root, 'Real'));
    symlinkSync(join(box.root, 'Real'), join(box.root, 'Alias'));
    expect(await resolveInLibrary(box.root, ['Alias', 'x.flac'])).toBe(join(box.root, 'Alias', 'x.flac'));
    const linkedRoot = join(box.dir, 'linked-root');
    symlinkSync(box.root, linkedRoot);
    expect(await resolveInLibrary(linkedRoot, ['Real', 'x.flac'])).toBe(join(linkedRoot, 'Real', 'x.flac'));
  });

  it('reports a missing root', async () => {
    await expect(resolveInLibrary(join(box.dir, 'gone'), ['x'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
