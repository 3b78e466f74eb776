// Catalog: artists, albums, tracks, genres, charts and search.
import { z } from 'zod';
import { Cursor, Id, Limit, page } from './common.ts';
import { Country, RightsHolderRef } from './rights.ts';

export const ArtistRef = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'ArtistRef' });
export type ArtistRef = z.infer<typeof ArtistRef>;

export const CoverSet = z
  .object({
    /** Edge length in px -> URL of a square JPEG. */
    sizes: z.record(z.string().regex(/^\d+$/), z.string()),
  })
  .nullable()
  .meta({ id: 'CoverSet' });
export type CoverSet = z.infer<typeof CoverSet>;

export const Track = z
  .object({
    id: z.number().int(),
    albumId: z.number().int(),
    discNumber: z.number().int().positive(),
    trackNumber: z.number().int().positive(),
    title: z.string(),
    artists: z.array(ArtistRef),
    durationMs: z.number().int().nonnegative(),
    isrc: z.string().nullable(),
    /** Who holds the rights to this track: its own holder, else the release's. */
    rightsHolder: RightsHolderRef.nullable(),
    /**
     * Taken down on its own while the album stays on sale: listed, so the album reads whole, but not
     * sold, previewed or priced. Set on album pages (absent elsewhere: other lists leave such tracks out).
     */
    withdrawn: z.boolean().optional(),
  })
  .meta({ id: 'Track' });
export type Track = z.infer<typeof Track>;

export const AlbumSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    artist: ArtistRef,
    releaseDate: z.string(),
    year: z.number().int().nullable(),
    label: z.string().nullable(),
    genres: z.array(z.string()),
    trackCount: z.number().int(),
    discCount: z.number().int(),
    durationMs: z.number().int(),
    cover: CoverSet,
    sales: z.number().int().nonnegative(),
  })
  .meta({ id: 'AlbumSummary' });
export type AlbumSummary = z.infer<typeof AlbumSummary>;

export const Disc = z.object({ number: z.number().int().positive(), tracks: z.array(Track) });

export const Album = AlbumSummary.extend({
  discs: z.array(Disc),
  rightsHolder: RightsHolderRef.nullable(),
  /** UPC/EAN barcode of the release. */
  upc: z.string().nullable(),
  /** Countries the release is licensed in; null means everywhere. */
  territories: z.array(z.string()).nullable(),
}).meta({ id: 'Album' });
export type Album = z.infer<typeof Album>;

export const Artist = z
  .object({
    id: z.number().int(),
    name: z.string(),
    albums: z.array(AlbumSummary),
  })
  .meta({ id: 'Artist' });
export type Artist = z.infer<typeof Artist>;

export const Genre = z
  .object({ slug: z.string(), name: z.string(), albumCount: z.number().int() })
  .meta({ id: 'Genre' });
export type Genre = z.infer<typeof Genre>;

export const GenreList = z.object({ genres: z.array(Genre) });
export const AlbumPage = page(AlbumSummary).meta({ id: 'AlbumPage' });
export type AlbumPage = z.infer<typeof AlbumPage>;

export const AlbumListQuery = z.object({
  genre: z.string().max(100).optional(),
  artistId: Id.optional(),
  sort: z.enum(['new', 'sales', 'title']).default('new'),
  limit: Limit.default(24),
  cursor: Cursor.optional(),
});

export const ChartQuery = z.object({ limit: Limit.default(20) });

export const SearchType = z.enum(['artist', 'album', 'track']);
export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(200),
  type: SearchType.optional(),
  limit: Limit.default(10),
  cursor: Cursor.optional(),
});

export const TrackHit = Track.extend({ album: z.object({ id: z.number().int(), title: z.string() }) });

export const SearchResult = z
  .object({
    query: z.string(),
    artists: page(ArtistRef),
    albums: page(AlbumSummary),
    tracks: page(TrackHit),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;

/**
 * A preview takes no parameter that could change its start, length or encoding: anything but the
 * anonymous listener's country (the rule album prices use) is refused with 400.
 */
export const PreviewQuery = z.strictObject({ country: Country.optional() });
