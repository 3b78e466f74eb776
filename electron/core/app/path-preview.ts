// Shows what a path template makes of a few sample tracks, so the settings screen can preview it.
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import type { PathPreview } from '../../shared/app-api/views.ts';
import { parseTemplate, renderPath } from '../library/index.ts';

function sample(patch: Partial<TagData>): TagData {
  return {
    title: 'Lanterns',
    artists: ['The Quiet Orchard'],
    album: 'Low Light',
    albumArtist: 'The Quiet Orchard',
    trackNumber: 3,
    trackTotal: 10,
    discNumber: 1,
    discTotal: 1,
    year: 2021,
    date: '2021-04-09',
    genres: ['Indie'],
    label: 'Megadisc Demo',
    isrc: null,
    storeIds: { trackId: 1, albumId: 1, artistId: 1, orderId: 'ord_preview' },
    coverUrl: null,
    replayGain: { trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null },
    ...patch,
  };
}

/** A plain single-disc track; a track on disc 2 of 2; a featured artist with "/" and ":" in the title. */
export const PREVIEW_SAMPLES: TagData[] = [
  sample({}),
  sample({
    title: 'Second Wind',
    album: 'Tidal Archive',
    albumArtist: 'Mira Vale',
    artists: ['Mira Vale'],
    trackNumber: 7,
    trackTotal: 9,
    discNumber: 2,
    discTotal: 2,
    year: 2019,
  }),
  sample({
    title: 'AC/DC: A Tribute? (Live)',
    artists: ['Mira Vale', 'Jonas Ek'],
    album: 'Night/Day: Sessions',
    albumArtist: 'Mira Vale',
    trackNumber: 12,
    trackTotal: 14,
    year: null,
  }),
];

/** Throws INVALID_ARGUMENT with the parser's reason for a template that cannot be used. */
export function previewPaths(template: string, encoding: EncodingId, ascii = false): PathPreview {
  const parsed = parseTemplate(template);
  const ext = ENCODINGS[encoding].extension;
  return {
    examples: PREVIEW_SAMPLES.map((tags) => renderPath(parsed, tags, encoding, ext, { ascii }).join('/')),
  };
}
