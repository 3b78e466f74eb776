// `megadisc help`: the command syntax as it is typed (never translated), each with what it does in
// the CLI's language, in a column that starts where the syntax leaves room.

import type { English, MessageKey } from '../../../i18n/catalogs.ts';
import type { ArgNames } from '../../../i18n/message-args.ts';
import type { Translator } from '../../../i18n/translator.ts';
import { WEB_USAGE } from './web-usage.ts';

/** Catalog keys of messages without arguments. */
type PlainKey = { [K in MessageKey]: [ArgNames<English[K]>] extends [never] ? K : never }[MessageKey];

/** Syntax lines (a continuation line starts with spaces), and what the command does. */
type Row = readonly [syntax: string | readonly string[], what?: PlainKey];

const CLIENT: readonly Row[] = [
  ['megadisc login --store URL --email E --password P'],
  ['megadisc logout'],
  ['megadisc search QUERY [--type artist|album|track]'],
  ['megadisc album ID', 'cli.help.album'],
  ['megadisc new [--limit N] [--cursor C]', 'cli.help.new'],
  ['megadisc charts [--limit N] [--cursor C]', 'cli.help.charts'],
  ['megadisc genres [--limit N] [--page N]', 'cli.help.genres'],
  ['megadisc genre GENRE [--sort new|sales|title] [--limit N] [--cursor C]', 'cli.help.genre'],
  ['megadisc artist ID [--limit N] [--page N]', 'cli.help.artist'],
  ['megadisc preview TRACK_ID [--out FILE] [--play]', 'cli.help.preview'],
  ['megadisc encodings'],
  ['megadisc balance'],
  ['megadisc ledger'],
  ['megadisc topup CODE', 'cli.help.topup'],
  ['megadisc packs', 'cli.help.packs'],
  ['megadisc topup --pack 500MB [--timeout SECONDS]', 'cli.help.topupPack'],
  ['megadisc buy ALBUM_ID --encoding ID [--tracks N,N] [--yes]'],
  ['megadisc queue'],
  ['megadisc run', 'cli.help.run'],
  ['megadisc pause JOB|--all'],
  ['megadisc resume JOB|--all', 'cli.help.resume'],
  ['megadisc cancel JOB'],
  ['megadisc move JOB PLACE'],
  ['megadisc prioritize JOB', 'cli.help.prioritize'],
  ['megadisc config [--concurrency N] [--bandwidth-limit BYTES_PER_S|off]'],
  [
    [
      'megadisc config [--library-dir DIR] [--template T] [--id3-version 3|4] [--cover-max-px N]',
      '                [--cover-max-bytes N] [--cover-file on|off] [--path-ascii on|off]',
    ],
  ],
  ['megadisc library', 'cli.help.library'],
  ['megadisc library verify', 'cli.help.libraryVerify'],
  ['megadisc library rescan', 'cli.help.libraryRescan'],
  ['megadisc library redownload', 'cli.help.libraryRedownload'],
  ['megadisc library reorganize [--dry-run]', 'cli.help.libraryReorganize'],
];

const WEB: readonly Row[] = [[WEB_USAGE, 'cli.help.webServe']];

const SERVER: readonly Row[] = [
  [
    [
      'megadisc server [--port N] [--host 127.0.0.1] [--data DIR] [--db postgres://…] [--demo]',
      '                [--no-encode] [--price-per-mb 0.02]',
      '                [--packs FILE] [--checkout-minutes 30] [--public-url URL] [--provider test|stripe]',
    ],
  ],
  ['megadisc server import DIR [--data DIR] [--tag-encoding auto|cp1251|latin1]'],
  ['megadisc server migrate [--data DIR] [--db postgres://…]', 'cli.help.migrate'],
  ['megadisc server copy-to postgres://… [--data DIR]', 'cli.help.copyTo'],
  ['megadisc server worker [--data DIR] [--db postgres://…] [--concurrency N]', 'cli.help.worker'],
];

const OPERATOR: readonly Row[] = [
  ['megadisc server operator-token', 'cli.help.operatorToken'],
  ['megadisc server packs [set SIZE PRICE | remove SIZE | load FILE]', 'cli.help.serverPacks'],
  ['megadisc server refund PAYMENT_ID [--reason TEXT]', 'cli.help.refund'],
  ['megadisc server report [--from DATE] [--to DATE] [--group day|month]', 'cli.help.report'],
  ['megadisc server check-ledger', 'cli.help.checkLedger'],
  ['megadisc server vouchers create --mb N [--count N] [--sold-for PRICE]'],
  [
    'megadisc server takedowns [file --json-file NOTICE.json | decide TD-… approve|reject --by NAME [--note TEXT]]',
  ],
  ['megadisc server audit-log [--limit N]', 'cli.help.auditLog'],
  ['megadisc server settings [--withdraw-redownloads on|off]', 'cli.help.serverSettings'],
  ['megadisc server accounts set-country EMAIL CC', 'cli.help.setCountry'],
  ['megadisc server territories ALBUM_ID [all | CC,CC…]', 'cli.help.territories'],
  [
    'megadisc server rights-holders [create NAME | edit ID | assign ID ALBUMS | token ID] [--email E] [--rate PCT]',
  ],
  ['megadisc server royalty-rate [PCT]', 'cli.help.royaltyRate'],
  [
    'megadisc server statements [list | issue --holder ID --period 2026-03|2026-Q1 | show NUMBER] [--format csv|dsr|json]',
  ],
  ['megadisc server refund-item ORDER_ID ITEM_ID [--reason TEXT]', 'cli.help.refundItem'],
];

/** Where descriptions start; syntax that reaches it gets its description on the next line. */
const COLUMN = 36;
const INDENT = '  ';

function rows(i18n: Translator, list: readonly Row[]): string[] {
  const out: string[] = [];
  for (const [syntax, what] of list) {
    const lines = (typeof syntax === 'string' ? [syntax] : syntax).map((s) => `${INDENT}${s}`);
    const description = what ? i18n.t(what).split('\n') : [];
    const last = lines.length - 1;
    if (description.length > 0 && lines[last]!.length <= COLUMN - 2) {
      lines[last] = `${lines[last]!.padEnd(COLUMN)}${description.shift()}`;
    }
    out.push(...lines, ...description.map((d) => `${' '.repeat(COLUMN)}${d}`));
  }
  return out;
}

export function helpText(i18n: Translator): string {
  return [
    i18n.t('cli.help.title'),
    '',
    i18n.t('cli.help.client'),
    ...rows(i18n, CLIENT),
    '',
    i18n.t('cli.help.paging'),
    '',
    i18n.t('cli.help.exitCodes'),
    '',
    i18n.t('cli.help.language'),
    '',
    i18n.t('cli.help.web'),
    ...rows(i18n, WEB),
    '',
    i18n.t('cli.help.server'),
    ...rows(i18n, SERVER),
    i18n.t('cli.help.operator'),
    ...rows(i18n, OPERATOR),
    '',
  ].join('\n');
}
