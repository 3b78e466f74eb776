// The pack table as an operator writes it in a config file: sizes in MB, prices and thresholds as
// decimal strings (never floats), loyalty as a percentage with up to two decimals.
import { z } from 'zod';
import { issuesText } from '../../api/schemas/issue-text.ts';
import { StoreError } from '../errors/store-error.ts';
import { parseAmount } from './money.ts';
import type { Pack, Tier } from './pack-quote.ts';
import { checkPack, checkTier, packIdOf } from './pack-table.ts';

const Decimal = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, 'amounts are decimal strings such as "5.00"');

export const PackConfigFile = z
  .object({
    packs: z.array(z.object({ megabytes: z.number().int().positive(), price: Decimal }).strict()).min(1),
    loyalty: z
      .array(z.object({ from: Decimal, percent: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/) }).strict())
      .optional(),
  })
  .strict();

/** Example: {"packs": [{"megabytes": 500, "price": "5.00"}], "loyalty": [{"from": "25.00", "percent": "5"}]} */
export function parsePackConfig(text: string): { packs: Pack[]; tiers?: Tier[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StoreError('VALIDATION_FAILED', 400, 'the pack config is not valid JSON');
  }
  const parsed = PackConfigFile.safeParse(raw);
  if (!parsed.success) {
    throw new StoreError(
      'VALIDATION_FAILED',
      400,
      `pack config: ${issuesText(parsed.error.issues, 1, '(root)')}`,
    );
  }
  const packs = parsed.data.packs.map((p) =>
    checkPack({
      id: packIdOf(p.megabytes * 1_000_000),
      bytes: p.megabytes * 1_000_000,
      priceMicros: parseAmount(p.price),
    }),
  );
  const tiers = parsed.data.loyalty?.map((t) => {
    const [whole, frac = ''] = t.percent.split('.');
    return checkTier({
      fromMicros: parseAmount(t.from),
      basisPoints: Number(whole) * 100 + Number(frac.padEnd(2, '0')),
    });
  });
  return tiers ? { packs, tiers } : { packs };
}
