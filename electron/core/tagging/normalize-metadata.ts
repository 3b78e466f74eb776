// Flattens music-metadata's result into ReadBackTags: common fields first, native tags where common falls short.
import type { IAudioMetadata, IPicture } from 'music-metadata';
import { REPLAYGAIN_KEYS, STORE_ID_KEYS } from './field-text.ts';
import { imageDimensions } from './image-dimensions.ts';
import type { ReadBackCover, ReadBackTags } from './types.ts';

/** How a free-form key appears in each tag system's native ids. */
const prefixes = ['', 'txxx:', '----:com.apple.itunes:'];

export function normalizeMetadata(meta: IAudioMetadata, asfCover?: ReadBackCover | null): ReadBackTags {
  const c = meta.common;
  const id3v23 = meta.native['ID3v2.3'] !== undefined;
  const native = nativeLookup(meta);
  // ID3v2.3 readers split TPE2 and TXXX on "/" (the 2.3 separator); those are single values for us.
  const single = (key: string) => {
    const values = native(key);
    return values.length === 0 ? null : id3v23 ? values.join('/') : values[0]!;
  };
  const numberOf = (key: string) => toNumber(single(key));
  const trackOf = positive(c.track.of) ?? numberOf('TrackTotal') ?? numberOf('WM/TrackTotal');
  return {
    tagTypes: [...(meta.format.tagTypes ?? [])],
    container: meta.format.container ?? null,
    codec: meta.format.codec ?? null,
    durationSec: meta.format.duration ?? null,
    title: nonEmpty(c.title),
    artists: (c.artists ?? (c.artist ? [c.artist] : [])).filter(Boolean),
    album: nonEmpty(c.album),
    albumArtist: nonEmpty((id3v23 ? single('TPE2') : null) ?? c.albumartist),
    trackNumber: positive(c.track.no),
    trackTotal: trackOf,
    discNumber: positive(c.disk.no),
    discTotal: positive(c.disk.of),
    year: positive(c.year),
    date: nonEmpty(c.date),
    genres: (c.genre ?? []).filter(Boolean),
    label: nonEmpty(c.label?.[0]),
    isrc: nonEmpty(c.isrc?.[0]),
    storeIds: {
      trackId: toNumber(single(STORE_ID_KEYS.trackId)),
      albumId: toNumber(single(STORE_ID_KEYS.albumId)),
      artistId: toNumber(single(STORE_ID_KEYS.artistId)),
      orderId: single(STORE_ID_KEYS.orderId),
    },
    // music-metadata maps album gain/peak for some systems only (not APEv2), so fall back to the raw text.
    replayGain: {
      trackGainDb: c.replaygain_track_gain?.dB ?? toFloat(single(REPLAYGAIN_KEYS.trackGainDb)),
      trackPeak: c.replaygain_track_peak?.ratio ?? toFloat(single(REPLAYGAIN_KEYS.trackPeak)),
      albumGainDb: c.replaygain_album_gain?.dB ?? toFloat(single(REPLAYGAIN_KEYS.albumGainDb)),
      albumPeak: c.replaygain_album_peak?.ratio ?? toFloat(single(REPLAYGAIN_KEYS.albumPeak)),
    },
    cover: asfCover !== undefined ? asfCover : frontCover(c.picture),
    // Deduplicated and capped: music-metadata repeats one complaint per padding frame in some ID3 tags.
    warnings: [...new Set(meta.quality.warnings.map((w) => w.message))].slice(0, 20),
  };
}

/** All values of a native tag across tag systems, matching a free-form key case-insensitively. */
function nativeLookup(meta: IAudioMetadata): (key: string) => string[] {
  return (key) => {
    const wanted = new Set(prefixes.map((p) => p + key.toLowerCase()));
    const values: string[] = [];
    for (const tags of Object.values(meta.native)) {
      for (const tag of tags) {
        if (!wanted.has(tag.id.toLowerCase())) continue;
        if (typeof tag.value === 'string' || typeof tag.value === 'number') values.push(String(tag.value));
      }
    }
    return values;
  };
}

export function coverFrom(mimeType: string, data: Uint8Array): ReadBackCover {
  const info = imageDimensions(data);
  return { mimeType, data, width: info?.width ?? null, height: info?.height ?? null };
}

function frontCover(pictures: IPicture[] | undefined): ReadBackCover | null {
  const picture = pictures?.find((p) => p.type === 'Cover (front)') ?? pictures?.[0];
  return picture ? coverFrom(picture.format, picture.data) : null;
}

/** ASF's content description holds empty strings for unset fields; empty means absent everywhere. */
const nonEmpty = (text: string | null | undefined) => (text ? text : null);

const positive = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : null);

function toNumber(text: string | null): number | null {
  return text !== null && /^\d{1,16}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function toFloat(text: string | null): number | null {
  const n = text === null ? Number.NaN : Number.parseFloat(text);
  return Number.isFinite(n) ? n : null;
}
