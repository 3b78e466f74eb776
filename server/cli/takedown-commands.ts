// `megadisc server takedowns|audit-log|settings|accounts`: takedown notices and decisions, the audit
// log, the redownload policy and account countries, from the operator's shell (beside a running
// server: SQLite WAL). Usage errors exit 2, refusals 1, each with one line on stderr.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Country, DecisionBody } from '../../api/schemas/rights.ts';
import {
  json,
  type OperatorCommand,
  out,
  parse,
  UsageError,
  type Values,
  withStore,
} from './operator-kit.ts';

const actor = (values: Values) => (typeof values.by === 'string' && values.by.trim()) || 'operator';

async function takedowns(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'json-file': { type: 'string' },
    by: { type: 'string' },
    note: { type: 'string' },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) return listNotices(values);
  if (action === 'file') return fileNotice(values);
  if (action === 'decide') return decide(values, rest);
  throw new UsageError(`unknown takedowns action "${action}" (file, decide; none to list)`);
}

function listNotices(values: Values): Promise<number> {
  return withStore(values, (store) => {
    const items = store.takedowns.list();
    if (values.json) json({ items });
    else if (items.length === 0) out('no notices');
    else
      for (const n of items) {
        const works = n.works.map((w) => `${w.type} ${w.id}`).join(', ');
        const answers = n.refersTo ? ` answers ${n.refersTo}` : '';
        out(
          `${n.id}  ${n.kind.padEnd(7)} ${n.state.padEnd(8)} ${n.receivedAt}  ${n.onBehalfOf}: ${works}${answers}`,
        );
      }
    return 0;
  });
}

async function fileNotice(values: Values): Promise<number> {
  if (typeof values['json-file'] !== 'string')
    throw new UsageError('usage: megadisc server takedowns file --json-file NOTICE.json');
  let body: unknown;
  try {
    body = JSON.parse(await readFile(resolve(values['json-file']), 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${values['json-file']}: ${(error as Error).message}`);
  }
  return withStore(values, (store) => {
    const receipt = store.takedowns.file(body);
    if (values.json) json(receipt);
    else out(`${receipt.receiptId} ${receipt.kind} received ${receipt.receivedAt}`);
    return 0;
  });
}

function decide(values: Values, rest: string[]): Promise<number> {
  const [id, decision] = rest;
  const parsed = DecisionBody.safeParse({ decision, by: values.by, note: values.note });
  if (!id || !/^TD-[A-Z0-9]{8,20}$/.test(id) || rest.length !== 2 || !parsed.success)
    throw new UsageError(
      'usage: megadisc server takedowns decide TD-… approve|reject --by NAME [--note TEXT]',
    );
  return withStore(values, (store) => {
    const notice = store.takedowns.decide(id, parsed.data);
    if (values.json) json(notice);
    else out(`${notice.id} ${notice.state} by ${notice.decidedBy} at ${notice.decidedAt}`);
    return 0;
  });
}

async function auditLog(argv: string[]): Promise<number> {
  const { values } = parse(argv, { limit: { type: 'string' } });
  const limit = Number(values.limit ?? 500);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new UsageError('--limit is 1 to 100000');
  return withStore(values, (store) => {
    const log = store.audit.list(limit);
    if (values.json) json(log);
    else
      for (const e of log.items)
        out(`${e.at}  ${e.actor}  ${e.action}  ${e.subject}${e.detail ? `  ${e.detail}` : ''}`);
    return 0;
  });
}

async function settings(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'withdraw-redownloads': { type: 'string' },
    by: { type: 'string' },
  });
  const flag = values['withdraw-redownloads'];
  if (positionals.length > 0 || (flag !== undefined && flag !== 'on' && flag !== 'off'))
    throw new UsageError('usage: megadisc server settings [--withdraw-redownloads on|off]');
  return withStore(values, (store) => {
    const result =
      flag === undefined
        ? { withdrawRedownloads: store.redownloads.withdrawn() }
        : store.redownloads.set(flag === 'on', actor(values));
    if (values.json) json(result);
    else out(`withdraw redownloads: ${result.withdrawRedownloads ? 'on' : 'off'}`);
    return 0;
  });
}

async function accounts(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { by: { type: 'string' } });
  const [action, email, code] = positionals;
  const country = Country.safeParse(code ?? '');
  if (action !== 'set-country' || !email || positionals.length !== 3)
    throw new UsageError('usage: megadisc server accounts set-country EMAIL COUNTRY');
  if (!country.success) throw new UsageError(country.error.issues[0]!.message);
  return withStore(values, (store) => {
    const result = store.countries.set(email.trim().toLowerCase(), country.data, actor(values));
    if (values.json) json(result);
    else out(`${result.email}: ${result.country}`);
    return 0;
  });
}

/** `territories ALBUM_ID [all | DE,AT,CH]`: where a release is licensed (no list: show it). */
async function territories(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { by: { type: 'string' } });
  const [album, list] = positionals;
  if (!album || !/^\d+$/.test(album) || positionals.length > 2)
    throw new UsageError('usage: megadisc server territories ALBUM_ID [all | CC,CC,…]');
  let countries: string[] | null | undefined;
  if (list === 'all') countries = null;
  else if (list !== undefined) {
    countries = list.split(',').map((c) => {
      const parsed = Country.safeParse(c);
      if (!parsed.success) throw new UsageError(`${c}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
  }
  return withStore(values, (store) => {
    const result =
      countries === undefined
        ? { albumId: Number(album), territories: store.catalog.album(Number(album)).territories }
        : store.countries.setRelease(Number(album), countries, actor(values));
    if (values.json) json(result);
    else out(`album ${result.albumId}: ${result.territories ? result.territories.join(', ') : 'everywhere'}`);
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
