// The app API contract: every command and query the UI may call, with its input schema (checked
// where the call arrives: main's IPC handlers and the web host) and its result type.

import { z } from 'zod';
import type { VoucherRedeemed } from '../../../api/schemas/account.ts';
import type { AlbumPage, Artist, Genre, SearchResult } from '../../../api/schemas/catalog.ts';
import { ENCODING_IDS } from '../../../api/schemas/encoding-catalog.ts';
import type { EncodingInfo } from '../../../api/schemas/encodings.ts';
import { type Checkout, CheckoutParams, PackId, type PackTable } from '../../../api/schemas/payments.ts';
import { LANGUAGE_SETTINGS } from '../../../i18n/locales.ts';
import type { BalanceView, EncodingTable, JobView, Settings } from './domain.ts';
import type {
  AppInfo,
  DownloadsView,
  LedgerView,
  LibraryAlbumCard,
  LibraryAlbumView,
  LibraryAvailability,
  LibraryTrackPage,
  PathPreview,
  SessionInfo,
  SpendReport,
  StoreAlbumView,
  VerifySummary,
} from './views.ts';

const Id = z.number().int().positive();
const Ids = z.union([z.array(Id).max(100_000), z.literal('all')]);
const Encoding = z.enum(ENCODING_IDS);
const Empty = z.object({}).strict();
const AlbumSort = z.enum(['artist', 'album', 'year', 'added']);

export const SettingsPatch = z
  .object({
    concurrency: z.number().int().min(1).max(16),
    bandwidthLimit: z.number().int().min(1024).nullable(),
    libraryDir: z.string().min(1).max(4096),
    pathTemplate: z.string().min(1).max(1024),
    pathAscii: z.boolean(),
    id3Version: z.union([z.literal(3), z.literal(4)]),
    coverMaxPx: z.number().int().min(100).max(10_000),
    coverMaxBytes: z.number().int().min(10_000).max(50_000_000),
    coverFile: z.boolean(),
    storeUrl: z.string().url().max(2048).nullable(),
    defaultEncoding: Encoding,
    theme: z.enum(['system', 'light', 'dark']),
    language: z.enum(LANGUAGE_SETTINGS),
    replayGain: z.enum(['off', 'track', 'album']),
  })
  .partial()
  .strict();

/** kind: queries read, commands change something. Inputs are plain JSON objects. */
export const CONTRACT = {
  // App and session
  'app.info': { kind: 'query', input: Empty },
  'session.login': {
    kind: 'command',
    input: z
      .object({
        storeUrl: z.string().url().max(2048),
        email: z.string().min(1).max(254),
        password: z.string().min(1).max(1024),
      })
      .strict(),
  },
  'session.logout': { kind: 'command', input: Empty },
  // Store
  'store.home': { kind: 'query', input: Empty },
  'store.search': {
    kind: 'query',
    input: z
      .object({ q: z.string().max(200), type: z.enum(['artist', 'album', 'track']).optional() })
      .strict(),
  },
  'store.album': { kind: 'query', input: z.object({ id: Id }).strict() },
  'store.artist': { kind: 'query', input: z.object({ id: Id }).strict() },
  'store.encodings': { kind: 'query', input: Empty },
  'store.quotes': {
    kind: 'query',
    input: z.object({ albumId: Id, trackIds: z.array(Id).max(1000).optional() }).strict(),
  },
  'store.buy': {
    kind: 'command',
    input: z
      .object({ albumId: Id, encoding: Encoding, trackIds: z.array(Id).min(1).max(1000).optional() })
      .strict(),
  },
  // Account
  'account.balance': { kind: 'query', input: Empty },
  'account.ledger': { kind: 'query', input: Empty },
  'account.spend': { kind: 'query', input: Empty },
  'account.topup': { kind: 'command', input: z.object({ code: z.string().min(1).max(64) }).strict() },
  /** The store's packs, priced for this account (its loyalty discount applied). */
  'account.packs': { kind: 'query', input: Empty },
  /** Starts paying for a pack: a pending checkout whose payUrl the UI opens in a browser. */
  'account.checkout': { kind: 'command', input: z.object({ packId: PackId }).strict() },
  /** A checkout as the store sees it now; once paid, the balance has been synced. */
  'account.checkoutStatus': { kind: 'query', input: CheckoutParams.strict() },
  // Downloads
  'downloads.list': { kind: 'query', input: Empty },
  'downloads.pause': { kind: 'command', input: z.object({ ids: Ids }).strict() },
  'downloads.resume': { kind: 'command', input: z.object({ ids: Ids }).strict() },
  'downloads.retry': { kind: 'command', input: z.object({ ids: Ids }).strict() },
  'downloads.cancel': { kind: 'command', input: z.object({ id: Id }).strict() },
  'downloads.move': { kind: 'command', input: z.object({ id: Id, place: z.number().int().min(1) }).strict() },
  // Library
  'library.albums': {
    kind: 'query',
    input: z.object({ q: z.string().max(200).optional(), sort: AlbumSort.optional() }).strict(),
  },
  'library.album': { kind: 'query', input: z.object({ id: Id }).strict() },
  'library.tracks': {
    kind: 'query',
    input: z
      .object({
        q: z.string().max(200).optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
  },
  'library.verify': { kind: 'command', input: z.object({ albumId: Id.optional() }).strict() },
  'library.openFolder': { kind: 'command', input: z.object({ albumId: Id }).strict() },
  /**
   * Asks the store whether owned albums are still sold (takedowns, territories) and keeps the answer
   * in the profile; offline, the last known answers.
   */
  'library.availability': { kind: 'query', input: Empty },
  /** Downloads an album's missing files again through its purchases, at no charge. */
  'library.redownload': { kind: 'command', input: z.object({ albumId: Id }).strict() },
  /** Opens one library file (by index id) with the OS's default player: for formats the UI cannot play. */
  'library.openFile': { kind: 'command', input: z.object({ fileId: Id }).strict() },
  // Settings
  'settings.get': { kind: 'query', input: Empty },
  'settings.update': { kind: 'command', input: SettingsPatch },
  'settings.previewPath': { kind: 'query', input: z.object({ template: z.string().max(1024) }).strict() },
} as const satisfies Record<string, { kind: 'query' | 'command'; input: z.ZodType }>;

export type MethodName = keyof typeof CONTRACT;
export const METHOD_NAMES = Object.keys(CONTRACT) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<(typeof CONTRACT)[M]['input']>;

export interface StoreHome {
  newReleases: AlbumPage['items'];
  charts: AlbumPage['items'];
  genres: Genre[];
}

/** What each method resolves to. */
export interface MethodOutputs {
  'app.info': AppInfo;
  'session.login': SessionInfo;
  'session.logout': null;
  'store.home': StoreHome;
  'store.search': SearchResult;
  'store.album': StoreAlbumView;
  'store.artist': Artist;
  'store.encodings': EncodingInfo[];
  'store.quotes': EncodingTable;
  'store.buy': { purchaseId: number; orderId: string | null };
  'account.balance': BalanceView;
  'account.ledger': LedgerView;
  'account.spend': SpendReport;
  'account.topup': VoucherRedeemed;
  'account.packs': PackTable;
  'account.checkout': Checkout;
  'account.checkoutStatus': Checkout;
  'downloads.list': DownloadsView;
  'downloads.pause': number[];
  'downloads.resume': number[];
  'downloads.retry': number[];
  'downloads.cancel': JobView;
  'downloads.move': null;
  'library.albums': LibraryAlbumCard[];
  'library.album': LibraryAlbumView;
  'library.tracks': LibraryTrackPage;
  'library.verify': VerifySummary;
  'library.openFolder': null;
  'library.availability': LibraryAvailability;
  'library.redownload': { requeued: number };
  'library.openFile': null;
  'settings.get': Settings;
  'settings.update': Settings;
  'settings.previewPath': PathPreview;
}

export type MethodOutput<M extends MethodName> = MethodOutputs[M];

/** The contract as functions: the core implements it, each transport carries it. */
export type AppApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}

/** Validates a payload that crossed a transport; throws a ZodError on a bad one. */
export function parseInput<M extends MethodName>(method: M, payload: unknown): MethodInput<M> {
  return CONTRACT[method].input.parse(payload ?? {}) as MethodInput<M>;
}
