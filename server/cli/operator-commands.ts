// `megadisc server packs|refund|report|check-ledger|vouchers|operator-token`: the operator's
// commands, run against the store's data folder (safe beside a running server: SQLite WAL).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IsoDate } from '../../api/schemas/common.ts';
import type { Translator } from '../../i18n/translator.ts';
import { StoreError } from '../errors/store-error.ts';
import { checkLedger, revenueCsv, revenueReport } from '../payments/money-books.ts';
import { parseAmount } from '../pricing/money.ts';
import { parsePackConfig } from '../pricing/pack-config.ts';
import { packIdOf } from '../pricing/pack-table.ts';
import {
  decimal,
  json,
  type OperatorCommand,
  out,
  parse,
  runOperatorCommand as run,
  UsageError,
  withStore,
} from './operator-kit.ts';
import { rightsCommands } from './rights-commands.ts';
import { TAKEDOWN_COMMANDS } from './takedown-commands.ts';

function amount(i18n: Translator, text: string): number {
  try {
    return parseAmount(text);
  } catch {
    throw new UsageError(i18n.t('operator.usage.amount', { value: text }));
  }
}

function packLine(i18n: Translator, p: { id: string; bytes: number; priceMicros: number }): string {
  return `${p.id.padEnd(8)} ${decimal(i18n, p.priceMicros).padStart(9)}`;
}

async function packs(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, {});
  const [action, ...rest] = positionals;
  return withStore(values, async (store) => {
    if (action === 'set') {
      const [size, price] = rest;
      const mb = /^(\d{1,7})(?:MB)?$/i.exec(size ?? '')?.[1];
      if (!mb || !price) throw new UsageError(i18n.t('operator.packs.usageSet'));
      await store.packs.setPack({
        id: packIdOf(Number(mb) * 1_000_000),
        bytes: Number(mb) * 1_000_000,
        priceMicros: amount(i18n, price),
      });
    } else if (action === 'remove') {
      const id = (rest[0] ?? '').toUpperCase();
      if (!(await store.packs.removePack(id))) throw new StoreError('NOT_FOUND', 404, `no pack ${id}`);
    } else if (action === 'load') {
      if (!rest[0]) throw new UsageError(i18n.t('operator.packs.usageLoad'));
      const config = parsePackConfig(await readFile(resolve(rest[0]), 'utf8'));
      await store.packs.replace(config.packs, config.tiers);
    } else if (action !== undefined) {
      throw new UsageError(i18n.t('operator.packs.unknownAction', { action }));
    }
    const table = {
      packs: await store.packs.packs(),
      tiers: await store.packs.tiers(),
      currency: store.rate.currency,
    };
    if (values.json) json(table);
    else {
      out(
        `${i18n.t('operator.packs.pack').padEnd(9)} ${i18n.t('operator.packs.price', { currency: table.currency })}`,
      );
      for (const p of table.packs) out(packLine(i18n, p));
      for (const t of table.tiers)
        out(
          i18n.t('operator.packs.loyalty', {
            percent: i18n.basisPoints(t.basisPoints),
            amount: i18n.money(t.fromMicros, table.currency),
          }),
        );
    }
    return 0;
  });
}

async function refund(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, { reason: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(i18n.t('operator.refund.usage'));
  return withStore(values, async (store) => {
    const result = await store.payments.refund(positionals[0]!, values.reason as string | undefined);
    if (values.json) json(result);
    else
      out(
        i18n.t('operator.refund.done', {
          size: i18n.mb(result.refundedBytes, 'fit'),
          amount: i18n.money(result.amount.micros, result.amount.currency),
          balance: result.balanceAfterBytes,
        }),
      );
    return 0;
  });
}

async function report(argv: string[], i18n: Translator): Promise<number> {
  const { values } = parse(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    group: { type: 'string' },
    csv: { type: 'boolean' },
  });
  const group = (values.group ?? 'day') as string;
  if (group !== 'day' && group !== 'month') throw new UsageError(i18n.t('operator.report.badGroup'));
  for (const key of ['from', 'to'] as const)
    if (values[key] !== undefined && !IsoDate.safeParse(values[key]).success)
      throw new UsageError(i18n.t('operator.report.badDate', { flag: `--${key}` }));
  return withStore(values, async (store) => {
    const r = await revenueReport(store.sql, store.rate.currency, {
      group,
      ...(values.from ? { from: String(values.from) } : {}),
      ...(values.to ? { to: String(values.to) } : {}),
    });
    if (values.json) json(r);
    else process.stdout.write(revenueCsv(r));
    return 0;
  });
}

async function ledgerCheck(argv: string[], i18n: Translator): Promise<number> {
  const { values } = parse(argv, {});
  return withStore(values, async (store) => {
    const check = await checkLedger(store.sql);
    if (values.json) json(check);
    else {
      out(
        check.ok
          ? i18n.t('operator.ledger.ok', { count: check.accounts })
          : i18n.t('operator.ledger.problems', { count: check.problems.length }),
      );
      for (const p of check.problems) out(`  ${p}`);
    }
    return check.ok ? 0 : 1;
  });
}

async function vouchers(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, {
    mb: { type: 'string' },
    count: { type: 'string' },
    'sold-for': { type: 'string' },
  });
  if (positionals[0] !== 'create' || !/^\d{1,7}$/.test(String(values.mb ?? '')))
    throw new UsageError(i18n.t('operator.vouchers.usage'));
  const count = Number(values.count ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new UsageError(i18n.t('operator.vouchers.badCount'));
  return withStore(values, async (store) => {
    const sale = values['sold-for'] ? { priceMicros: amount(i18n, String(values['sold-for'])) } : undefined;
    const codes: string[] = [];
    for (let n = 0; n < count; n++)
      codes.push(await store.vouchers.create(Number(values.mb) * 1_000_000, undefined, sale));
    if (values.json)
      json({ kind: sale ? 'sold' : 'promotional', bytes: Number(values.mb) * 1_000_000, codes });
    else for (const code of codes) out(code);
    return 0;
  });
}

async function operatorToken(argv: string[]): Promise<number> {
  const { values } = parse(argv, {});
  return withStore(values, async (store) => {
    const token = await store.operatorToken.issue();
    if (values.json) json({ token });
    else out(token);
    return 0;
  });
}

export const OPERATOR_COMMANDS: Record<string, OperatorCommand> = {
  packs,
  refund,
  report,
  'check-ledger': ledgerCheck,
  vouchers,
  'operator-token': operatorToken,
  ...rightsCommands,
  ...TAKEDOWN_COMMANDS,
};

export function runOperatorCommand(name: string, argv: string[], i18n: Translator): Promise<number> {
  return run(OPERATOR_COMMANDS, name, argv, i18n);
}
