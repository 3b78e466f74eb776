// Encodings the store can produce, and per-album price tables.
import { z } from 'zod';
import { Money } from './common.ts';
import { ENCODING_IDS } from './encoding-catalog.ts';
import { Country } from './rights.ts';

export const EncodingIdSchema = z.enum(ENCODING_IDS);

export const EncodingInfo = z
  .object({
    id: EncodingIdSchema,
    label: z.string(),
    codec: z.string(),
    container: z.string(),
    extension: z.string(),
    mimeType: z.string(),
    mode: z.enum(['vbr', 'cbr', 'lossless']),
    nominalKbps: z.number().nullable(),
    available: z.boolean(),
    unavailableReason: z.string().nullable(),
  })
  .meta({ id: 'Encoding' });
export type EncodingInfo = z.infer<typeof EncodingInfo>;

export const EncodingList = z.object({ encodings: z.array(EncodingInfo) });

export const SizeFigure = z.object({
  /** Best figure in bytes: exact when `exact`, else the estimate's midpoint. */
  bytes: z.number().int().nonnegative(),
  exact: z.boolean(),
  lowBytes: z.number().int().nonnegative(),
  highBytes: z.number().int().nonnegative(),
});

export const TrackPrice = SizeFigure.extend({
  trackId: z.number().int(),
  /** True when the caller already owns this track in this encoding: it costs nothing. */
  owned: z.boolean(),
});

export const EncodingPrice = SizeFigure.extend({
  encoding: EncodingIdSchema,
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  tracks: z.array(TrackPrice),
  /** Size in MB (10^6 bytes) of `bytes`. */
  mb: z.number(),
  price: Money,
  /** What an order would reserve now: high estimate of the tracks not yet owned. */
  chargeHighBytes: z.number().int().nonnegative(),
  chargeBytes: z.number().int().nonnegative(),
  chargePrice: Money,
}).meta({ id: 'EncodingPrice' });
export type EncodingPrice = z.infer<typeof EncodingPrice>;

export const PriceTable = z
  .object({
    albumId: z.number().int(),
    rate: z.object({ perMb: Money, bytesPerMb: z.literal(1_000_000) }),
    encodings: z.array(EncodingPrice),
  })
  .meta({ id: 'PriceTable' });
export type PriceTable = z.infer<typeof PriceTable>;

export const PriceQuery = z.object({
  trackIds: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'trackIds is a comma-separated list of ids')
    .max(2000)
    .optional(),
  /** Without a token: the buyer's country, for releases licensed only in some territories. */
  country: Country.optional(),
});
