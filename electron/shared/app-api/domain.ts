// Domain shapes the app API returns: the core produces them, the renderer shows them. No Node, no DOM.

import type { Album } from '../../../api/schemas/catalog.ts';
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';
import type { LanguageSetting } from '../../../i18n/locales.ts';

export type JobState =
  | 'waiting_encode'
  | 'queued'
  | 'downloading'
  | 'verifying'
  | 'done'
  | 'failed'
  | 'paused'
  | 'cancelled';

export interface JobView {
  id: number;
  purchaseId: number;
  orderId: string;
  title: string;
  fileName: string;
  state: JobState;
  bytesTotal: number | null;
  bytesDone: number;
  finalPath: string | null;
  error: { code: string; message: string } | null;
}

export interface BalanceView {
  balanceBytes: number;
  reservedBytes: number;
  availableBytes: number;
  /** When these figures were last confirmed by the store. */
  asOf: string;
  /** True when the last sync failed and these are the stored figures. */
  offline: boolean;
  /** Set when the local entries do not sum to the store's balance. */
  mismatch: string | null;
}

export interface EncodingQuote {
  encoding: EncodingId;
  label: string;
  available: boolean;
  unavailableReason: string | null;
  /** The whole selection: exact once encoded, else the estimate's midpoint, with its range. */
  bytes: number;
  exact: boolean;
  lowBytes: number;
  highBytes: number;
  price: string;
  /** What this purchase would cost: tracks already owned in this encoding are free. */
  chargeBytes: number;
  chargeHighBytes: number;
  /** The store's display of the charge ("$0.42"), kept for --json; people see chargeMoney formatted. */
  chargePrice: string;
  /** The charge in integer micros of its currency, for formatting in the UI's language. */
  chargeMoney: { micros: number; currency: string };
  ownedAll: boolean;
  /** Available balance after the likely charge, net of purchases still queued locally. */
  balanceAfterBytes: number;
  /** Whether the high estimate fits what is available now. */
  fits: boolean;
}

export interface EncodingTable {
  album: Album;
  trackIds: number[];
  balance: BalanceView;
  heldByQueueBytes: number;
  quotes: EncodingQuote[];
}

/** Whether the store sells a release to this listener now: takedowns, and its territories. */
export type SaleState = 'on_sale' | 'taken_down' | 'not_in_territory';

export interface AlbumAvailability {
  state: SaleState;
  /** For people: why it is not on sale, in the store's words. */
  reason: string | null;
  /** The takedown notice's public page (the store's blocked-by link), when there is one. */
  noticeUrl: string | null;
  /** Whether the store still serves owned files again (an operator may withdraw it after a takedown). */
  redownload: boolean;
}

/** Availability as last learnt from the store, kept in the profile so the library shows it offline. */
export interface KnownAvailability extends AlbumAvailability {
  checkedAt: string;
}

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /** Downloads that run at once. */
  concurrency: number;
  /** Global download limit in bytes per second; null = unlimited. */
  bandwidthLimit: number | null;
  /** Root of the offline library. */
  libraryDir: string;
  /** Where each file goes inside the library (beets/Picard-style fields). */
  pathTemplate: string;
  /** File and folder names in plain ASCII (Cyrillic transliterated) for old players; off keeps each script. */
  pathAscii: boolean;
  /** ID3 version written to MP3s. */
  id3Version: 3 | 4;
  /** Largest embedded cover: longest side in px, and size in bytes. */
  coverMaxPx: number;
  coverMaxBytes: number;
  /** Also write cover.jpg into each album folder. */
  coverFile: boolean;
  /** Store the client talks to when none is given. */
  storeUrl: string | null;
  /** Encoding preselected on album pages. */
  defaultEncoding: EncodingId;
  /** Light, dark, or follow the OS. */
  theme: Theme;
  /** The UI language: the OS's (browser's in web mode) preferred languages, or English or Russian. */
  language: LanguageSetting;
  /** The library player's loudness levelling from the files' ReplayGain tags: off, per track or per album. */
  replayGain: ReplayGainMode;
}

export type ReplayGainMode = 'off' | 'track' | 'album';

/** ok: last seen intact; missing: not at its path; changed: there, but not the bytes we bought. */
export type FileStatus = 'ok' | 'missing' | 'changed';

export interface LibraryFile {
  id: number;
  trackId: number;
  albumId: number;
  store: string;
  storeAlbumId: number;
  storeTrackId: number;
  path: string;
  encoding: EncodingId;
  bytes: number;
  sha256: string;
  purchaseId: number | null;
  orderId: string | null;
  itemId: string | null;
  status: FileStatus;
  addedAt: string;
  verifiedAt: string | null;
  tags: TagData;
}

export interface LibraryTrack {
  id: number;
  storeTrackId: number;
  title: string;
  artists: string[];
  discNumber: number;
  trackNumber: number;
  isrc: string | null;
  /** One per encoding (or more, for duplicates), sorted by encoding. */
  files: LibraryFile[];
}

export interface LibraryAlbum {
  id: number;
  store: string;
  storeAlbumId: number;
  title: string;
  albumArtist: string;
  year: number | null;
  addedAt: string;
  /** Encodings held for at least one track, sorted. */
  encodings: EncodingId[];
  /** Sorted by disc, then track number. */
  tracks: LibraryTrack[];
}
