// Orders: reserve on create, settle per item at the exact encoded size, release the rest.
import { z } from 'zod';
import { Cursor, IsoDateTime, Limit, page, Sha256Hex } from './common.ts';
import { EncodingIdSchema } from './encodings.ts';

export const CreateOrderBody = z
  .object({
    albumId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    trackIds: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500).optional(),
    encoding: EncodingIdSchema,
  })
  .strict();
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const ReplayGain = z.object({
  trackGainDb: z.number().nullable(),
  trackPeak: z.number().nullable(),
  albumGainDb: z.number().nullable(),
  albumPeak: z.number().nullable(),
});

/** Everything the client needs to tag the file: the store sends audio without tags. */
export const TagData = z
  .object({
    title: z.string(),
    artists: z.array(z.string()),
    album: z.string(),
    albumArtist: z.string(),
    trackNumber: z.number().int(),
    trackTotal: z.number().int(),
    discNumber: z.number().int(),
    discTotal: z.number().int(),
    year: z.number().int().nullable(),
    date: z.string().nullable(),
    genres: z.array(z.string()),
    label: z.string().nullable(),
    isrc: z.string().nullable(),
    storeIds: z.object({
      trackId: z.number().int(),
      albumId: z.number().int(),
      artistId: z.number().int(),
      orderId: z.string(),
    }),
    coverUrl: z.string().nullable(),
    replayGain: ReplayGain,
  })
  .meta({ id: 'TagData' });
export type TagData = z.infer<typeof TagData>;

export const ItemState = z.enum(['queued', 'encoding', 'ready', 'failed']);
export type ItemState = z.infer<typeof ItemState>;

export const Download = z.object({
  /** Needs the owner's bearer token. */
  url: z.string(),
  /** Works without a token until expiresAt. */
  signedUrl: z.string(),
  expiresAt: IsoDateTime,
});

export const OrderItem = z
  .object({
    id: z.string(),
    trackId: z.number().int(),
    state: ItemState,
    /** 0..1 while encoding. */
    progress: z.number().min(0).max(1).nullable(),
    /** Set when ready: exact size and checksum of the file. */
    bytes: z.number().int().nullable(),
    sha256: Sha256Hex.nullable(),
    /** What this item reserved (high estimate) and what it finally cost. */
    reservedBytes: z.number().int(),
    chargedBytes: z.number().int().nullable(),
    /** Already owned in this encoding: never charged. */
    alreadyOwned: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    fileName: z.string(),
    download: Download.nullable(),
    tags: TagData,
  })
  .meta({ id: 'OrderItem' });
export type OrderItem = z.infer<typeof OrderItem>;

export const OrderState = z.enum(['processing', 'complete', 'partial', 'failed']);
export type OrderState = z.infer<typeof OrderState>;

export const Order = z
  .object({
    id: z.string(),
    albumId: z.number().int(),
    encoding: EncodingIdSchema,
    state: OrderState,
    reservedBytes: z.number().int(),
    chargedBytes: z.number().int(),
    createdAt: IsoDateTime,
    completedAt: IsoDateTime.nullable(),
    items: z.array(OrderItem),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

export const OrderSummary = Order.omit({ items: true }).extend({ itemCount: z.number().int() });
export const OrderPage = page(OrderSummary).meta({ id: 'OrderPage' });
export const OrderListQuery = z.object({ cursor: Cursor.optional(), limit: Limit.default(20) });
export const OrderParams = z.object({ id: z.string().regex(/^ord_[A-Za-z0-9]{10,40}$/) });
/**
 * Long polling: with waitMs, the store holds the answer until more than `settled` items are ready or
 * failed, the order is no longer processing, or waitMs has passed; then it answers with the order as is.
 */
export const OrderQuery = z.object({
  waitMs: z.coerce.number().int().min(0).max(25_000).optional(),
  settled: z.coerce.number().int().min(0).optional(),
});
export const ItemParams = z.object({
  id: z.string().regex(/^ord_[A-Za-z0-9]{10,40}$/),
  itemId: z.string().regex(/^itm_[A-Za-z0-9]{10,40}$/),
});
export const SignedLinkQuery = z.object({
  expires: z.coerce.number().int().positive().optional(),
  sig: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .optional(),
});
