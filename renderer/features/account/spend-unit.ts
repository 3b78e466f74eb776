// What the spend charts measure: megabytes, or the money paid for them.
import type { SpendRow } from '../../../electron/shared/app-api/views.ts';

export type SpendUnit = 'mb' | 'money';

/** What both spend charts take. */
export interface SpendChartProps {
  rows: SpendRow[];
  currency: string | null;
  unit?: SpendUnit;
  paidCurrency?: string | null;
}

/** The figure a chart draws for a row: money only when asked for and known, else megabytes. */
export function spendMeasure(unit: SpendUnit, paidCurrency: string | null) {
  const inMoney = unit === 'money' && paidCurrency !== null;
  return { inMoney, value: (row: SpendRow) => (inMoney ? row.paidMicros : row.bytes) };
}
