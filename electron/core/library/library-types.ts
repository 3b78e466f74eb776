// Shapes of the library index: what is added, what is listed, and what the maintenance passes report.
import type { EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../../api/schemas/orders.ts';

/** A verified, tagged file that has just been placed under the library root. */
export interface LibraryEntry {
  store: string;
  /** Relative to the library root, "/"-separated (as renderPath's components joined). */
  path: string;
  encoding: EncodingId;
  bytes: number;
  sha256: string;
  purchaseId: number | null;
  /** Defaults to tags.storeIds.orderId. */
  orderId?: string | null;
  itemId: string | null;
  /** The tags written into the file: reorganize renders new paths from them. */
  tags: TagData;
  /** ISO time; defaults to now. */
  addedAt?: string;
}

/** ok: last seen intact; missing: not at its path; changed: there, but not the bytes we bought. */

import type { FileStatus, LibraryAlbum, LibraryFile, LibraryTrack } from '../../shared/app-api/domain.ts';

export type { FileStatus, LibraryAlbum, LibraryFile, LibraryTrack };

export type AlbumSort = 'artist' | 'album' | 'year' | 'added';

export interface ListOptions {
  sort?: AlbumSort;
  descending?: boolean;
  /** Only this album (by library id). */
  albumId?: number;
}

export interface VerifyProgress {
  done: number;
  total: number;
  file: LibraryFile;
  status: FileStatus;
}

export interface VerifyReport {
  ok: LibraryFile[];
  missing: LibraryFile[];
  changed: LibraryFile[];
}

export interface RescanReport {
  /** Files found under another path by their hash; the index now points there. */
  relinked: { file: LibraryFile; from: string }[];
  /** Still nowhere to be found: marked missing. */
  missing: LibraryFile[];
  /** Files under the root the index does not know (relative paths). */
  unknown: string[];
}

export interface Move {
  fileId: number;
  from: string;
  to: string;
}

export interface ReorganizeOptions {
  dryRun?: boolean;
  /** Whole relative path budget; defaults to pathBudgetFor(root). */
  budget?: number;
  /** Names in plain ASCII: see RenderOptions.ascii. */
  ascii?: boolean;
}

export interface ReorganizeResult {
  moves: Move[];
  /** Files left where they are, e.g. missing ones. */
  skipped: { fileId: number; path: string; reason: string }[];
}
