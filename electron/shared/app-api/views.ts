// View models the app API builds for the screens: download groups, library cards and rows, spend.

import type { LedgerEntry } from '../../../api/schemas/account.ts';
import type { Album } from '../../../api/schemas/catalog.ts';
import type { Money } from '../../../api/schemas/common.ts';
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { ErrorCode } from '../errors.ts';
import type {
  AlbumAvailability,
  BalanceView,
  FileStatus,
  JobView,
  KnownAvailability,
  LibraryAlbum,
} from './domain.ts';

export interface SessionInfo {
  storeUrl: string;
  email: string;
  accountId: number;
}

export interface AppInfo {
  version: string;
  /** Which host runs the UI. */
  transport: 'electron' | 'web';
  /** Set when the app started its embedded demo store; the URL it listens on. */
  demoStoreUrl: string | null;
  session: SessionInfo | null;
  /** The OS's preferred languages (desktop, through Electron); null where the UI asks its browser. */
  systemLanguages: string[] | null;
}

/** One purchase in the queue: an album (or selected tracks) in one encoding. */
export interface DownloadGroup {
  purchaseId: number;
  albumId: number;
  albumTitle: string;
  artistName: string;
  encoding: EncodingId;
  /** The purchase itself: pending (being ordered), ordered, or failed (nothing charged). */
  purchaseState: 'pending' | 'ordered' | 'failed';
  error: { code: string; message: string } | null;
  bytesDone: number;
  /** Null until the store has encoded every track. */
  bytesTotal: number | null;
  jobs: JobView[];
}

export interface DownloadsView {
  groups: DownloadGroup[];
  /** Whether the queue is being worked on right now. */
  running: boolean;
}

export interface LibraryAlbumCard {
  id: number;
  title: string;
  albumArtist: string;
  year: number | null;
  addedAt: string;
  encodings: EncodingId[];
  trackCount: number;
  bytes: number;
  /** Files not found or changed on disk at the last check. */
  problems: number;
  /** What the store last said about selling it (null: never asked); shown offline too. */
  availability: KnownAvailability | null;
}

/** One library album with what the store last said about selling it. */
export type LibraryAlbumView = LibraryAlbum & { availability: KnownAvailability | null };

/** The listener's copy of a store album, as the library holds it. */
export interface OwnedCopy {
  libraryAlbumId: number;
  title: string;
  albumArtist: string;
  fileCount: number;
  /** Files not found on disk at the last check: what "Download again" would fetch. */
  missingFiles: number;
}

/** An album page in the store: on sale, taken down, or not sold in the listener's country. */
export interface StoreAlbumView {
  albumId: number;
  /** The store's page of the album; null once taken down (the store shows it no more). */
  album: Album | null;
  availability: AlbumAvailability;
  /** The listener's copy in the library, if any: a taken-down album is known only from it. */
  owned: OwnedCopy | null;
}

/** An owned album and what the store last said about selling it. */
export interface OwnedAvailability extends KnownAvailability {
  /** The library album. */
  albumId: number;
  storeAlbumId: number;
  title: string;
  albumArtist: string;
}

export interface LibraryAvailability {
  /** Why the store could not be asked just now (unreachable, no store): the items are then the last known answers. */
  problem: { code: ErrorCode; message: string } | null;
  items: OwnedAvailability[];
}

export interface LibraryTrackRow {
  fileId: number;
  albumId: number;
  title: string;
  artist: string;
  album: string;
  discNumber: number;
  /** Discs of the album as held in the library, so numbering can say "1-03" only where it helps. */
  discCount: number;
  trackNumber: number;
  encoding: EncodingId;
  bytes: number;
  status: FileStatus;
  path: string;
}

export interface LibraryTrackPage {
  total: number;
  offset: number;
  rows: LibraryTrackRow[];
}

export interface VerifySummary {
  ok: number;
  missing: string[];
  changed: string[];
}

export interface SpendRow {
  /** "2026-11" for a month, or the artist name. */
  key: string;
  bytes: number;
  /** The bytes at the store's list price per MB (0 while it is not known). */
  micros: number;
  /**
   * What those megabytes cost the listener: each charge uses the oldest top-up first, at the price
   * paid for it; megabytes from vouchers and free credit cost nothing.
   */
  paidMicros: number;
}

export interface SpendReport {
  /** What 1 MB costs at the store, when known. */
  perMb: Money | null;
  /** Currency of paidMicros: that of the paid top-ups, else the store's; null when neither is known. */
  paidCurrency: string | null;
  byMonth: SpendRow[];
  byArtist: SpendRow[];
  totalBytes: number;
  totalPaidMicros: number;
}

export interface LedgerView {
  balance: BalanceView;
  /** Oldest first, as the store keeps them. */
  entries: LedgerEntry[];
}

export interface PathPreview {
  /** Relative paths the template gives for sample tracks. */
  examples: string[];
}
