// Turns the store's TagData into sanitized values: what every writer writes and the verifier expects.
import { MegadiscError } from '../../shared/errors.ts';
import { imageDimensions } from './image-dimensions.ts';
import { positiveInt, sanitizeList, sanitizeText } from './sanitize-text.ts';
import type { CoverImage, PreparedTags, ReplayGainValues, TagData } from './types.ts';

/** FLAC picture blocks have a 24-bit length; stay well below it for every format. */
export const MAX_COVER_BYTES = 8 * 1024 * 1024;
const MAX_ORDER_ID_BYTES = 128;

export function prepareTags(tags: TagData, cover: CoverImage | null | undefined): PreparedTags {
  const date = cleanDate(tags.date, tags.year);
  return {
    title: sanitizeText(tags.title),
    artists: sanitizeList(tags.artists),
    album: sanitizeText(tags.album),
    albumArtist: sanitizeText(tags.albumArtist),
    trackNumber: positiveInt(tags.trackNumber),
    trackTotal: positiveInt(tags.trackTotal),
    discNumber: positiveInt(tags.discNumber),
    discTotal: positiveInt(tags.discTotal),
    year: date === null ? null : Number(date.slice(0, 4)),
    date,
    genres: sanitizeList(tags.genres),
    label: sanitizeText(tags.label),
    isrc: cleanIsrc(tags.isrc),
    storeIds: {
      trackId: positiveInt(tags.storeIds?.trackId, Number.MAX_SAFE_INTEGER),
      albumId: positiveInt(tags.storeIds?.albumId, Number.MAX_SAFE_INTEGER),
      artistId: positiveInt(tags.storeIds?.artistId, Number.MAX_SAFE_INTEGER),
      orderId: sanitizeText(tags.storeIds?.orderId, MAX_ORDER_ID_BYTES),
    },
    replayGain: cleanReplayGain(tags.replayGain),
    cover: checkCover(cover),
  };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * The release date as 'YYYY[-MM[-DD]]' (a timestamp is cut to its date). A date that contradicts the
 * year loses to the year: the year is what players show and sort by.
 */
function cleanDate(date: string | null | undefined, year: number | null | undefined): string | null {
  const y = positiveInt(year, 9999);
  const match = typeof date === 'string' ? DATE.exec(date.trim()) : null;
  if (match) {
    const [whole, yyyy, mm, dd] = match;
    const monthOk = mm === undefined || (Number(mm) >= 1 && Number(mm) <= 12);
    const dayOk = dd === undefined || (Number(dd) >= 1 && Number(dd) <= 31);
    if (Number(yyyy) > 0 && monthOk && dayOk && (y === null || Number(yyyy) === y)) return whole;
  }
  return y === null ? null : String(y).padStart(4, '0');
}

/** ISRCs are 12 characters (CC-XXX-YY-NNNNN without the dashes); anything else is dropped, not guessed at. */
function cleanIsrc(isrc: string | null | undefined): string | null {
  if (typeof isrc !== 'string') return null;
  const compact = isrc.replace(/[-\s]/g, '').toUpperCase();
  return /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(compact) ? compact : null;
}

function cleanReplayGain(rg: TagData['replayGain'] | null | undefined): ReplayGainValues {
  const gain = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 64 ? Number(v.toFixed(2)) : null;
  const peak = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 64 ? Number(v.toFixed(6)) : null;
  return {
    trackGainDb: gain(rg?.trackGainDb),
    trackPeak: peak(rg?.trackPeak),
    albumGainDb: gain(rg?.albumGainDb),
    albumPeak: peak(rg?.albumPeak),
  };
}

function checkCover(cover: CoverImage | null | undefined): CoverImage | null {
  if (!cover) return null;
  if (!(cover.data instanceof Uint8Array) || cover.data.length > MAX_COVER_BYTES) {
    throw new MegadiscError('INVALID_ARGUMENT', `cover must be at most ${MAX_COVER_BYTES} bytes`);
  }
  const info = imageDimensions(cover.data);
  if (info === null || info.mimeType !== cover.mimeType) {
    throw new MegadiscError('INVALID_ARGUMENT', `cover is not a readable ${cover.mimeType} image`);
  }
  return { data: cover.data, mimeType: info.mimeType };
}
