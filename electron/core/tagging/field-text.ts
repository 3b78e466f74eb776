// Text forms shared by all writers: ReplayGain strings, store-id keys, "n/total" pairs, artist display.
import type { PreparedTags } from './types.ts';

/** Free-form keys: TXXX descriptions, MP4 ----:com.apple.iTunes names, Vorbis/APE/ASF field names. */
export const REPLAYGAIN_KEYS = {
  trackGainDb: 'REPLAYGAIN_TRACK_GAIN',
  trackPeak: 'REPLAYGAIN_TRACK_PEAK',
  albumGainDb: 'REPLAYGAIN_ALBUM_GAIN',
  albumPeak: 'REPLAYGAIN_ALBUM_PEAK',
} as const;

export const STORE_ID_KEYS = {
  trackId: 'MEGADISC_TRACK_ID',
  albumId: 'MEGADISC_ALBUM_ID',
  artistId: 'MEGADISC_ARTIST_ID',
  orderId: 'MEGADISC_ORDER_ID',
} as const;

/** ReplayGain 1.0/2.0 text form: "-6.52 dB" and "0.987654", as foobar2000, loudgain and rsgain write. */
export const gainText = (db: number) => `${db.toFixed(2)} dB`;
export const peakText = (peak: number) => peak.toFixed(6);

/** ReplayGain and store ids as (key, value) pairs, in a fixed order; absent values are left out. */
export function customFields(tags: PreparedTags): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  const rg = tags.replayGain;
  if (rg.trackGainDb !== null) fields.push([REPLAYGAIN_KEYS.trackGainDb, gainText(rg.trackGainDb)]);
  if (rg.trackPeak !== null) fields.push([REPLAYGAIN_KEYS.trackPeak, peakText(rg.trackPeak)]);
  if (rg.albumGainDb !== null) fields.push([REPLAYGAIN_KEYS.albumGainDb, gainText(rg.albumGainDb)]);
  if (rg.albumPeak !== null) fields.push([REPLAYGAIN_KEYS.albumPeak, peakText(rg.albumPeak)]);
  const ids = tags.storeIds;
  if (ids.trackId !== null) fields.push([STORE_ID_KEYS.trackId, String(ids.trackId)]);
  if (ids.albumId !== null) fields.push([STORE_ID_KEYS.albumId, String(ids.albumId)]);
  if (ids.artistId !== null) fields.push([STORE_ID_KEYS.artistId, String(ids.artistId)]);
  if (ids.orderId !== null) fields.push([STORE_ID_KEYS.orderId, ids.orderId]);
  return fields;
}

/** "3/12", or "3" when the total is unknown; null when there is no number at all. */
export function numberPair(n: number | null, total: number | null): string | null {
  if (n === null) return null;
  return total === null ? String(n) : `${n}/${total}`;
}

/**
 * One display string for formats whose main artist field is single-valued (MP4 ©ART, ASF Author):
 * "A & B", "A, B & C", the same joining music-metadata uses. The full list goes in ARTISTS beside it.
 */
export function displayArtists(artists: readonly string[]): string | null {
  if (artists.length === 0) return null;
  if (artists.length <= 2) return artists.join(' & ');
  return `${artists.slice(0, -1).join(', ')} & ${artists.at(-1)}`;
}
