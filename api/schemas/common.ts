// Building blocks shared by every store API schema.
import { z } from 'zod';
import { StoreErrorCode } from './error-codes.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: StoreErrorCode,
      message: z.string().meta({
        description:
          'For a person, in the language chosen by Accept-Language (en or ru; English by default, see the ' +
          'Content-Language header). In English it is the store’s own specific text.',
      }),
      detail: z.string().optional().meta({
        description:
          'The store’s English technical text (ids, sizes, fields), present when message is a translation.',
      }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Cursor = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor must be an opaque token');
export const Limit = z.coerce.number().int().min(1).max(100);
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: Id });
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const IsoDateTime = z.string().datetime({ offset: true });
/** A calendar date, YYYY-MM-DD (UTC in reports and statements). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-01-31');

export const Money = z
  .object({
    currency: z.string().length(3),
    /** Millionths of the currency unit, so prices stay integers. */
    micros: z.number().int().nonnegative(),
    display: z.string(),
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
