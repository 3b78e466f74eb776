// `megadisc server rights-holders|statements|royalty-rate|refund-item`: rights holders, royalty
// statements and item refunds, from the operator's shell.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StatementPeriod } from '../../api/schemas/rights.ts';
import { refundItem } from '../orders/item-refund.ts';
import { microsToDecimal } from '../pricing/money.ts';
import { statementCsv, statementDsr } from '../royalties/statement-formats.ts';
import { resolvePeriod } from '../royalties/statements.ts';
import { json, type OperatorCommand, out, parse, UsageError, withStore } from './operator-kit.ts';

/** "15" or "12.5" percent → basis points. */
function percentToBp(text: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
  if (!(bp >= 0 && bp <= 10_000))
    throw new UsageError(`a rate is a percentage 0-100 such as 15 or 12.5, got "${text}"`);
  return bp;
}

function idOf(text: string | undefined): number {
  if (!text || !/^\d+$/.test(text)) throw new UsageError('a rights holder is given by its numeric id');
  return Number(text);
}

export const rightsCommands: Record<string, OperatorCommand> = {
  'rights-holders': async (argv) => {
    const { values, positionals } = parse(argv, {
      email: { type: 'string' },
      rate: { type: 'string' },
      name: { type: 'string' },
    });
    const [action, ...rest] = positionals;
    return withStore(values, (store) => {
      const holders = store.rightsHolders;
      const rate =
        values.rate === undefined
          ? undefined
          : values.rate === 'store'
            ? null
            : percentToBp(String(values.rate));
      let result: unknown;
      if (action === undefined || action === 'list') result = { items: holders.list() };
      else if (action === 'create') {
        if (!rest[0])
          throw new UsageError('usage: megadisc server rights-holders create NAME [--email E] [--rate PCT]');
        result = holders.create({
          name: rest.join(' '),
          ...(values.email ? { email: String(values.email) } : {}),
          ...(rate !== undefined ? { royaltyBasisPoints: rate } : {}),
        });
      } else if (action === 'edit')
        result = holders.edit(idOf(rest[0]), {
          ...(values.name ? { name: String(values.name) } : {}),
          ...(values.email ? { email: String(values.email) } : {}),
          ...(rate !== undefined ? { royaltyBasisPoints: rate } : {}),
        });
      else if (action === 'assign') {
        const ids = (rest[1] ?? '').split(',').map(Number);
        if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0))
          throw new UsageError('usage: megadisc server rights-holders assign HOLDER_ID ALBUM_ID[,ALBUM_ID…]');
        result = holders.assignReleases(idOf(rest[0]), ids);
      } else if (action === 'token')
        result = { rightsHolderId: idOf(rest[0]), token: holders.issueToken(idOf(rest[0])) };
      else
        throw new UsageError(`unknown rights-holders action "${action}" (list, create, edit, assign, token)`);
      if (values.json) json(result);
      else if (action === 'token') out((result as { token: string }).token);
      else
        for (const h of 'items' in (result as object)
          ? (result as { items: ReturnType<typeof holders.list> }).items
          : [result as ReturnType<typeof holders.get>])
          out(
            `${String(h.id).padStart(4)}  ${h.name}  ${h.royaltyBasisPoints === null ? 'store rate' : `${h.royaltyBasisPoints / 100}%`}  ${h.releases} release(s)${h.email ? `  ${h.email}` : ''}`,
          );
      return 0;
    });
  },

  statements: async (argv) => {
    const { values, positionals } = parse(argv, {
      holder: { type: 'string' },
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    const [action, number] = positionals;
    const format = String(values.format ?? 'csv');
    if (!['csv', 'dsr', 'json'].includes(format)) throw new UsageError('--format is csv, dsr or json');
    return withStore(values, async (store) => {
      if (action === undefined || action === 'list') {
        const items = store.statements.list(values.holder ? idOf(String(values.holder)) : undefined);
        if (values.json) json({ items });
        else
          for (const s of items)
            out(
              `${s.number}  holder ${s.rightsHolderId}  ${s.periodStart}..${s.periodEnd}  royalty ${microsToDecimal(s.royaltyMicros)}`,
            );
        return 0;
      }
      let statement: ReturnType<typeof store.statements.get>['statement'];
      if (action === 'issue') {
        if (!values.holder || !(values.period || (values.from && values.to)))
          throw new UsageError(
            'usage: megadisc server statements issue --holder ID (--period 2026-03|2026-Q1 | --from DATE --to DATE)',
          );
        if (values.period && !StatementPeriod.safeParse(values.period).success)
          throw new UsageError('--period is a month (2026-03) or a quarter (2026-Q1)');
        statement = store.statements.issue(
          idOf(String(values.holder)),
          resolvePeriod({
            ...(values.period ? { period: String(values.period) } : {}),
            ...(values.from ? { from: String(values.from) } : {}),
            ...(values.to ? { to: String(values.to) } : {}),
          }),
          store.rate.currency,
        );
      } else if (action === 'show' && number) statement = store.statements.get(number).statement;
      else
        throw new UsageError(
          'usage: megadisc server statements [list | issue … | show NUMBER] [--format csv|dsr|json] [--out FILE]',
        );
      const text =
        values.json || format === 'json'
          ? `${JSON.stringify(statement, null, 2)}\n`
          : format === 'dsr'
            ? statementDsr(statement)
            : statementCsv(statement);
      if (values.out) await writeFile(resolve(String(values.out)), text);
      else process.stdout.write(text);
      return 0;
    });
  },

  'royalty-rate': async (argv) => {
    const { values, positionals } = parse(argv, {});
    return withStore(values, (store) => {
      if (positionals[0]) store.royalties.setStoreRate(percentToBp(positionals[0]));
      const bp = store.royalties.storeRate();
      if (values.json) json({ royaltyBasisPoints: bp });
      else out(`royalty rate: ${bp / 100}% of revenue`);
      return 0;
    });
  },

  'refund-item': async (argv) => {
    const { values, positionals } = parse(argv, { reason: { type: 'string' } });
    if (positionals.length !== 2)
      throw new UsageError('usage: megadisc server refund-item ORDER_ID ITEM_ID [--reason TEXT]');
    return withStore(values, (store) => {
      const result = refundItem(
        { db: store.db, ledger: store.ledger, royalties: store.royalties, currency: store.rate.currency },
        positionals[0]!,
        positionals[1]!,
        values.reason as string | undefined,
      );
      if (values.json) json(result);
      else
        out(
          `refunded ${result.refundedBytes} bytes; royalty reversed ${microsToDecimal(result.royaltyMicros)}`,
        );
      return 0;
    });
  },
};
