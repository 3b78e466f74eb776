// `megadisc server rights-holders|statements|royalty-rate|refund-item`: rights holders, royalty
// statements and item refunds, from the operator's shell.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StatementPeriod } from '../../api/schemas/rights.ts';
import type { Translator } from '../../i18n/translator.ts';
import { refundItem } from '../orders/item-refund.ts';
import { statementCsv, statementDsr } from '../royalties/statement-formats.ts';
import { resolvePeriod } from '../royalties/statements.ts';
import { json, type OperatorCommand, out, parse, UsageError, withStore } from './operator-kit.ts';

/** "15" or "12.5" percent → basis points. */
function percentToBp(i18n: Translator, text: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
  if (!(bp >= 0 && bp <= 10_000)) throw new UsageError(i18n.t('operator.rights.badRate', { value: text }));
  return bp;
}

function idOf(i18n: Translator, text: string | undefined): number {
  if (!text || !/^\d+$/.test(text)) throw new UsageError(i18n.t('operator.rights.badId'));
  return Number(text);
}

/** A calendar day (YYYY-MM-DD) in the operator's language, `before` days earlier. */
function day(i18n: Translator, isoDate: string, before = 0): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  date.setUTCDate(date.getUTCDate() - before);
  return i18n.date(date, { dateStyle: 'medium', timeZone: 'UTC' });
}

export const rightsCommands: Record<string, OperatorCommand> = {
  'rights-holders': async (argv, i18n) => {
    const { values, positionals } = parse(argv, {
      email: { type: 'string' },
      rate: { type: 'string' },
      name: { type: 'string' },
    });
    const [action, ...rest] = positionals;
    return withStore(values, async (store) => {
      const holders = store.rightsHolders;
      const rate =
        values.rate === undefined
          ? undefined
          : values.rate === 'store'
            ? null
            : percentToBp(i18n, String(values.rate));
      let result: unknown;
      if (action === undefined || action === 'list') result = { items: await holders.list() };
      else if (action === 'create') {
        if (!rest[0]) throw new UsageError(i18n.t('operator.rights.usageCreate'));
        result = await holders.create({
          name: rest.join(' '),
          ...(values.email ? { email: String(values.email) } : {}),
          ...(rate !== undefined ? { royaltyBasisPoints: rate } : {}),
        });
      } else if (action === 'edit')
        result = await holders.edit(idOf(i18n, rest[0]), {
          ...(values.name ? { name: String(values.name) } : {}),
          ...(values.email ? { email: String(values.email) } : {}),
          ...(rate !== undefined ? { royaltyBasisPoints: rate } : {}),
        });
      else if (action === 'assign') {
        const ids = (rest[1] ?? '').split(',').map(Number);
        if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0))
          throw new UsageError(i18n.t('operator.rights.usageAssign'));
        result = await holders.assignReleases(idOf(i18n, rest[0]), ids);
      } else if (action === 'token')
        result = {
          rightsHolderId: idOf(i18n, rest[0]),
          token: await holders.issueToken(idOf(i18n, rest[0])),
        };
      else throw new UsageError(i18n.t('operator.rights.unknownAction', { action }));
      if (values.json) json(result);
      else if (action === 'token') out((result as { token: string }).token);
      else
        for (const h of 'items' in (result as object)
          ? (result as { items: Awaited<ReturnType<typeof holders.list>> }).items
          : [result as Awaited<ReturnType<typeof holders.get>>])
          out(
            `${String(h.id).padStart(4)}  ${h.name}  ${h.royaltyBasisPoints === null ? i18n.t('operator.rights.storeRate') : i18n.basisPoints(h.royaltyBasisPoints)}  ${i18n.t('operator.rights.releases', { count: h.releases })}${h.email ? `  ${h.email}` : ''}`,
          );
      return 0;
    });
  },

  statements: async (argv, i18n) => {
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
    if (!['csv', 'dsr', 'json'].includes(format))
      throw new UsageError(i18n.t('operator.statements.badFormat'));
    return withStore(values, async (store) => {
      if (action === undefined || action === 'list') {
        const items = await store.statements.list(
          values.holder ? idOf(i18n, String(values.holder)) : undefined,
        );
        if (values.json) json({ items });
        else
          for (const s of items)
            out(
              i18n.t('operator.statements.line', {
                number: s.number,
                holder: s.rightsHolderId,
                start: day(i18n, s.periodStart),
                // The period's end is exclusive; a person reads the last day it covers.
                end: day(i18n, s.periodEnd, 1),
                royalty: i18n.money(s.royaltyMicros, store.rate.currency, { maxDigits: 6 }),
              }),
            );
        return 0;
      }
      let statement: Awaited<ReturnType<typeof store.statements.get>>['statement'];
      if (action === 'issue') {
        if (!values.holder || !(values.period || (values.from && values.to)))
          throw new UsageError(i18n.t('operator.statements.usageIssue'));
        if (values.period && !StatementPeriod.safeParse(values.period).success)
          throw new UsageError(i18n.t('operator.statements.badPeriod'));
        statement = await store.statements.issue(
          idOf(i18n, String(values.holder)),
          resolvePeriod({
            ...(values.period ? { period: String(values.period) } : {}),
            ...(values.from ? { from: String(values.from) } : {}),
            ...(values.to ? { to: String(values.to) } : {}),
          }),
          store.rate.currency,
        );
      } else if (action === 'show' && number) statement = (await store.statements.get(number)).statement;
      else throw new UsageError(i18n.t('operator.statements.usage'));
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

  'royalty-rate': async (argv, i18n) => {
    const { values, positionals } = parse(argv, {});
    return withStore(values, async (store) => {
      if (positionals[0]) await store.royalties.setStoreRate(percentToBp(i18n, positionals[0]));
      const bp = await store.royalties.storeRate();
      if (values.json) json({ royaltyBasisPoints: bp });
      else out(i18n.t('operator.royaltyRate.show', { rate: i18n.basisPoints(bp) }));
      return 0;
    });
  },

  'refund-item': async (argv, i18n) => {
    const { values, positionals } = parse(argv, { reason: { type: 'string' } });
    if (positionals.length !== 2) throw new UsageError(i18n.t('operator.refundItem.usage'));
    return withStore(values, async (store) => {
      const result = await refundItem(
        { db: store.sql, ledger: store.ledger, royalties: store.royalties, currency: store.rate.currency },
        positionals[0]!,
        positionals[1]!,
        values.reason as string | undefined,
      );
      if (values.json) json(result);
      else
        out(
          i18n.t('operator.refundItem.done', {
            bytes: result.refundedBytes,
            royalty: i18n.money(result.royaltyMicros, store.rate.currency, { maxDigits: 6 }),
          }),
        );
      return 0;
    });
  },
};
