import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCoverSizes } from '../../../../../server/catalog/sources/index.ts';
import { ffmpeg, ffprobeStreams, pixelAt, withTempDir } from '../../../../helpers/audio-fixtures.ts';

describe('renderCoverSizes', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let source: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await withTempDir('covers'));
    // 900x600: red and blue 150 px bars either side of a green 600x600 centre, so a centre crop is pure green.
    source = join(dir, 'wide.png');
    const graph =
      'color=c=0x00c000:s=900x600,drawbox=x=0:y=0:w=150:h=600:color=red:t=fill,drawbox=x=750:y=0:w=150:h=600:color=blue:t=fill';
    await ffmpeg(['-f', 'lavfi', '-i', graph, '-frames:v', '1', source]);
    await writeFile(join(dir, 'not-an-image.png'), 'hello');
  });
  afterAll(() => cleanup());

  it('writes square JPEGs of each requested size, center-cropped', async () => {
    const out = join(dir, 'out');
    const result = await renderCoverSizes(source, out, [300, 64, 600]);
    expect([...result.keys()].sort((a, b) => a - b)).toEqual([64, 300, 600]);
    for (const [size, path] of result) {
      expect(path).toBe(join(out, `cover-${size}.jpg`));
      const [stream] = await ffprobeStreams(path);
      expect(stream).toMatchObject({ codec_name: 'mjpeg', width: size, height: size });
      // Corners would be red/blue if the image had been squashed instead of cropped.
      for (const [x, y] of [
        [2, 2],
        [size - 4, size - 4],
      ] as const) {
        const [r, g, b] = await pixelAt(path, x, y);
        expect(g).toBeGreaterThan(150);
        expect(r).toBeLessThan(60);
        expect(b).toBeLessThan(60);
      }
    }
  });

  it('returns an empty map for no sizes and rejects bad sizes or unreadable images', async () => {
    expect((await renderCoverSizes(source, join(dir, 'none'), [])).size).toBe(0);
    await expect(renderCoverSizes(source, join(dir, 'bad'), [0])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(renderCoverSizes(source, join(dir, 'bad'), [12.5])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      renderCoverSizes(join(dir, 'not-an-image.png'), join(dir, 'bad'), [100]),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
