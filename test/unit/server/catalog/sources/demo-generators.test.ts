import { describe, expect, it } from 'vitest';
import { parseDemoDefinition } from '../../../../../server/catalog/sources/demo-definition.ts';
import { fxFilters, noteToHz, warmupSamples } from '../../../../../server/catalog/sources/demo-generators.ts';
import { trackFilterGraph } from '../../../../../server/catalog/sources/demo-track-job.ts';

describe('demo generators', () => {
  it('converts note names to equal-tempered frequencies', () => {
    expect(noteToHz('A4')).toBe(440);
    expect(noteToHz('A3')).toBe(220);
    expect(noteToHz('C4')).toBeCloseTo(261.626, 2);
    expect(noteToHz('C#4')).toBeCloseTo(noteToHz('Db4'), 6);
    expect(noteToHz('Bb2')).toBeCloseTo(116.541, 2);
    expect(noteToHz(123.4)).toBe(123.4);
  });

  it('drops the first samples after every vibrato (ffmpeg 5.1 emits garbage there)', () => {
    const filters = fxFilters({ vibrato: { hz: 0.3, depth: 0.2 } }, 48000);
    expect(filters).toEqual([
      'vibrato=f=0.3:d=0.2',
      `atrim=start_sample=${warmupSamples(48000)}`,
      'asetpts=PTS-STARTPTS',
    ]);
  });

  it('builds one graph per track that trims to the exact sample count and meters the output', () => {
    const def = parseDemoDefinition({
      artists: [{ id: 'a', name: 'A' }],
      albums: [
        {
          id: 'x',
          title: 'X',
          artist: 'a',
          releaseDate: '2020',
          genres: ['G'],
          cover: { pattern: 'life', colors: ['#000000', '#ffffff'] },
          discs: [
            {
              tracks: [
                {
                  title: 'T',
                  seconds: 3,
                  layers: [
                    { type: 'drums', bpm: 120, kick: 'x...x...x...x...' },
                    { type: 'noise', color: 'brown' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const graph = trackFilterGraph(def.albums[0]!.discs[0]!.tracks[0]!, 44100, 16, 3);
    expect(graph).toContain('amix=inputs=2');
    expect(graph).toContain('atrim=end_sample=132300,');
    expect(graph).toContain('ebur128=peak=sample');
    expect(graph).toContain('aformat=sample_fmts=s16:sample_rates=44100:channel_layouts=stereo');
  });
});
