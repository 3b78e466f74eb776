import { describe, expect, it } from 'vitest';
import { prepareTags } from '../../../../../electron/core/tagging/prepare-tags.ts';
import type { PreparedTags, ReadBackTags } from '../../../../../electron/core/tagging/types.ts';
import { verifyTags } from '../../../../../electron/core/tagging/verify-tags.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0,
  64, 8, 2,
]);

/** What a perfect reader would return for the prepared tags. */
function readBackOf(p: PreparedTags): ReadBackTags {
  return {
    tagTypes: [],
    container: null,
    codec: null,
    durationSec: null,
    ...p,
    artists: [...p.artists],
    genres: [...p.genres],
    storeIds: { ...p.storeIds },
    replayGain: { ...p.replayGain },
    cover: p.cover
      ? { mimeType: p.cover.mimeType, data: new Uint8Array(p.cover.data), width: 64, height: 64 }
      : null,
    warnings: [],
  };
}

describe('verifyTags', () => {
  const prepared = prepareTags(fullTags(), { data: PNG, mimeType: 'image/png' });

  it('finds no difference in a faithful read-back', () => {
    for (const system of ['id3v2.4', 'mp4', 'vorbis', 'apev2', 'asf'] as const) {
      expect(verifyTags(prepared, readBackOf(prepared), system)).toEqual([]);
    }
  });

  it('reports every field that differs', () => {
    const bad = readBackOf(prepared);
    bad.title = 'Other';
    bad.artists = ['Ana Lima'];
    bad.trackTotal = null;
    bad.storeIds.orderId = null;
    bad.replayGain.albumPeak = 0.5;
    bad.cover = { ...bad.cover!, data: PNG.subarray(0, 20) };
    const diffs = verifyTags(prepared, bad, 'vorbis');
    expect(diffs.map((d) => d.split(':')[0])).toEqual([
      'title',
      'artists',
      'trackTotal',
      'storeIds.orderId',
      'replayGain.albumPeak',
      'cover.data',
    ]);
    expect(diffs[0]).toBe('title: wrote "Night Drive ✓ 🌙", read "Other"');
  });

  it('notices a missing or unexpected cover', () => {
    expect(verifyTags(prepared, { ...readBackOf(prepared), cover: null }, 'mp4')).toEqual([
      'cover: wrote "26 bytes", read null',
    ]);
    const noCover = prepareTags(fullTags(), null);
    expect(
      verifyTags(noCover, { ...readBackOf(noCover), cover: readBackOf(prepared).cover }, 'mp4'),
    ).toHaveLength(1);
  });

  it('allows ID3v2.3 its limits: "/" splits artists, one joined genre, year without date', () => {
    const p = prepareTags(fullTags({ artists: ['AC/DC', 'Other'] }), null);
    const read = {
      ...readBackOf(p),
      artists: ['AC', 'DC', 'Other'],
      genres: ['Electronic; Ambient'],
      date: null,
    };
    expect(verifyTags(p, read, 'id3v2.3')).toEqual([]);
    expect(verifyTags(p, read, 'id3v2.4')).toHaveLength(3);
  });

  it('allows ID3 genre references to garble parenthesized genres, but not the plain ones', () => {
    const p = prepareTags(fullTags({ genres: ['Rock (Live)', 'Jazz'] }), null);
    expect(verifyTags(p, { ...readBackOf(p), genres: ['Rock ', 'Jazz'] }, 'id3v2.4')).toEqual([]);
    expect(verifyTags(p, { ...readBackOf(p), genres: ['Rock '] }, 'id3v2.4')).toHaveLength(1);
    expect(verifyTags(p, { ...readBackOf(p), genres: ['Rock ', 'Jazz'] }, 'vorbis')).toHaveLength(1);
  });
});
