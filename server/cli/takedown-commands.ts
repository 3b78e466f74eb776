// `megadisc server takedowns|audit-log|settings|accounts`: takedown notices and decisions, the audit
// log, the redownload policy and account countries, from the operator's shell (beside a running
// server: SQLite WAL). Usage errors exit 2, refusals 1, each with one line on stderr.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Country, DecisionBody } from '../../api/schemas/rights.ts';
import type { Translator } from '../../i18n/translator.ts';
import {
  json,
  type OperatorCommand,
  out,
  parse,
  UsageError,
  type Values,
  withStore,
  wordFor,
} from './operator-kit.ts';

const KINDS = ['notice', 'counter'];
const STATES = ['received', 'approved', 'rejected'];
const kindWord = (i18n: Translator, kind: string) => wordFor(i18n, 'operator.takedowns.kind', kind);
const stateWord = (i18n: Translator, state: string) => wordFor(i18n, 'operator.takedowns.state', state);
/** The width of a column of words, so that the columns after it line up whatever the language. */
const widest = (words: string[]) => Math.max(...words.map((w) => w.length));

function workText(i18n: Translator, work: { type: string; id: number }): string {
  if (work.type === 'album') return i18n.t('operator.takedowns.work.album', { id: work.id });
  if (work.type === 'track') return i18n.t('operator.takedowns.work.track', { id: work.id });
  return `${work.type} ${work.id}`;
}

const actor = (values: Values) => (typeof values.by === 'string' && values.by.trim()) || 'operator';

async function takedowns(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, {
    'json-file': { type: 'string' },
    by: { type: 'string' },
    note: { type: 'string' },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) return listNotices(values, i18n);
  if (action === 'file') return fileNotice(values, i18n);
  if (action === 'decide') return decide(values, rest, i18n);
  throw new UsageError(i18n.t('operator.takedowns.unknownAction', { action }));
}

function listNotices(values: Values, i18n: Translator): Promise<number> {
  return withStore(values, async (store) => {
    const items = await store.takedowns.list();
    if (values.json) json({ items });
    else if (items.length === 0) out(i18n.t('operator.takedowns.none'));
    else {
      const kindWidth = widest(KINDS.map((k) => kindWord(i18n, k)));
      const stateWidth = widest(STATES.map((s) => stateWord(i18n, s)));
      for (const n of items) {
        const works = n.works.map((w) => workText(i18n, w)).join(', ');
        const answers = n.refersTo ? ` ${i18n.t('operator.takedowns.answers', { id: n.refersTo })}` : '';
        out(
          `${n.id}  ${kindWord(i18n, n.kind).padEnd(kindWidth)} ${stateWord(i18n, n.state).padEnd(stateWidth)} ${i18n.dateTime(n.receivedAt)}  ${n.onBehalfOf}: ${works}${answers}`,
        );
      }
    }
    return 0;
  });
}

async function fileNotice(values: Values, i18n: Translator): Promise<number> {
  if (typeof values['json-file'] !== 'string') throw new UsageError(i18n.t('operator.takedowns.usageFile'));
  let body: unknown;
  try {
    body = JSON.parse(await readFile(resolve(values['json-file']), 'utf8'));
  } catch (error) {
    throw new UsageError(
      i18n.t('operator.takedowns.cannotRead', {
        file: values['json-file'],
        detail: (error as Error).message,
      }),
    );
  }
  return withStore(values, async (store) => {
    const receipt = await store.takedowns.file(body);
    if (values.json) json(receipt);
    else
      out(
        i18n.t('operator.takedowns.received', {
          id: receipt.receiptId,
          kind: kindWord(i18n, receipt.kind),
          when: i18n.dateTime(receipt.receivedAt),
        }),
      );
    return 0;
  });
}

function decide(values: Values, rest: string[], i18n: Translator): Promise<number> {
  const [id, decision] = rest;
  const parsed = DecisionBody.safeParse({ decision, by: values.by, note: values.note });
  if (!id || !/^TD-[A-Z0-9]{8,20}$/.test(id) || rest.length !== 2 || !parsed.success)
    throw new UsageError(i18n.t('operator.takedowns.usageDecide'));
  return withStore(values, async (store) => {
    const notice = await store.takedowns.decide(id, parsed.data);
    if (values.json) json(notice);
    else
      out(
        i18n.t('operator.takedowns.decided', {
          id: notice.id,
          state: stateWord(i18n, notice.state),
          by: notice.decidedBy ?? '',
          when: notice.decidedAt ? i18n.dateTime(notice.decidedAt) : '',
        }),
      );
    return 0;
  });
}

async function auditLog(argv: string[], i18n: Translator): Promise<number> {
  const { values } = parse(argv, { limit: { type: 'string' } });
  const limit = Number(values.limit ?? 500);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new UsageError(i18n.t('operator.auditLog.badLimit'));
  return withStore(values, async (store) => {
    const log = await store.audit.list(limit);
    if (values.json) json(log);
    else
      for (const e of log.items)
        out(
          `${i18n.dateTime(e.at)}  ${e.actor}  ${e.action}  ${e.subject}${e.detail ? `  ${e.detail}` : ''}`,
        );
    return 0;
  });
}

async function settings(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, {
    'withdraw-redownloads': { type: 'string' },
    by: { type: 'string' },
  });
  const flag = values['withdraw-redownloads'];
  if (positionals.length > 0 || (flag !== undefined && flag !== 'on' && flag !== 'off'))
    throw new UsageError(i18n.t('operator.settings.usage'));
  return withStore(values, async (store) => {
    const result =
      flag === undefined
        ? { withdrawRedownloads: await store.redownloads.withdrawn() }
        : await store.redownloads.set(flag === 'on', actor(values));
    if (values.json) json(result);
    else out(i18n.t(result.withdrawRedownloads ? 'operator.settings.on' : 'operator.settings.off'));
    return 0;
  });
}

async function accounts(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, { by: { type: 'string' } });
  const [action, email, code] = positionals;
  const country = Country.safeParse(code ?? '');
  if (action !== 'set-country' || !email || positionals.length !== 3)
    throw new UsageError(i18n.t('operator.accounts.usage'));
  if (!country.success) throw new UsageError(i18n.t('operator.usage.country'));
  return withStore(values, async (store) => {
    const result = await store.countries.set(email.trim().toLowerCase(), country.data, actor(values));
    if (values.json) json(result);
    else out(`${result.email}: ${result.country}`);
    return 0;
  });
}

/** `territories ALBUM_ID [all | DE,AT,CH]`: where a release is licensed (no list: show it). */
async function territories(argv: string[], i18n: Translator): Promise<number> {
  const { values, positionals } = parse(argv, { by: { type: 'string' } });
  const [album, list] = positionals;
  if (!album || !/^\d+$/.test(album) || positionals.length > 2)
    throw new UsageError(i18n.t('operator.territories.usage'));
  let countries: string[] | null | undefined;
  if (list === 'all') countries = null;
  else if (list !== undefined) {
    countries = list.split(',').map((c) => {
      const parsed = Country.safeParse(c);
      if (!parsed.success) throw new UsageError(i18n.t('operator.usage.countryOf', { value: c }));
      return parsed.data;
    });
  }
  return withStore(values, async (store) => {
    const result =
      countries === undefined
        ? { albumId: Number(album), territories: (await store.catalog.album(Number(album))).territories }
        : await store.countries.setRelease(Number(album), countries, actor(values));
    if (values.json) json(result);
    else
      out(
        i18n.t('operator.territories.show', {
          id: result.albumId,
          territories: result.territories
            ? result.territories.join(', ')
            : i18n.t('operator.territories.everywhere'),
        }),
      );
    return 0;
  });
}

export const TAKEDOWN_COMMANDS: Record<string, OperatorCommand> = {
  takedowns,
  'audit-log': auditLog,
  settings,
  accounts,
  territories,
};
