// Catalog area "operator": what `megadisc server …` (the store and its operator's commands) prints
// for a person. --json output, reports, statements (CSV, DSR) and the server's JSON logs are machine
// formats and never translated; command names, flags and their syntax stay as they are.
export const operator = {
  // Errors and usage (every command)
  'operator.error.withCode': '{text} ({code})',
  'operator.error.withDetail': '{text} Details: {detail} ({code})',
  'operator.usage.badArguments': 'bad arguments: {detail}; see "megadisc help"',
  'operator.usage.amount': 'an amount is a decimal number such as 5.00, got "{value}"',
  'operator.usage.country': 'a country is a two-letter ISO 3166-1 code such as US or DE',
  'operator.usage.countryOf': '{value}: a country is a two-letter ISO 3166-1 code such as US or DE',

  // megadisc server (the store)
  'operator.server.badPort': '--port must be 0-65535, got {value}',
  'operator.server.badPrice': 'price per MB must be a decimal number such as 0.02, got "{value}"',
  'operator.server.badCheckoutMinutes': '--checkout-minutes must be 1-1440, got {value}',
  'operator.server.badPackFile': 'cannot use the pack file {file}: {detail}',
  'operator.server.badProvider': '--provider is test or stripe, got {value}',
  'operator.server.stripeSetup': 'cannot use Stripe: {detail}',
  'operator.server.badAccelPrefix': '--accel-redirect must look like /internal-cache/, got {value}',
  'operator.server.badFileCache': '--file-cache-mb must be 0-65536, got {value}',
  'operator.server.dataIn': 'data in {dir}',
  'operator.server.encodingUnavailable': 'encoding {id} unavailable: {reason}',
  'operator.server.demoAccount': 'demo account: {email} / {password}',
  'operator.server.demoVouchers': 'unused demo vouchers: {codes}',
  'operator.server.demoVoucher': '{code} ({size})',
  'operator.server.noVouchers': 'none',
  'operator.server.listening': 'listening on {url}',
  'operator.server.shuttingDown': 'shutting down…',
  'operator.server.databaseAt': 'database: {target}',

  // megadisc server migrate
  'operator.migrate.done': 'the database is up to date: {target}',

  // megadisc server worker
  'operator.worker.started': 'worker {name} takes encodes from {target}',
  'operator.worker.badConcurrency': '--concurrency must be 1-64, got {value}',

  // megadisc server copy-to
  'operator.copyTo.usage': 'usage: megadisc server copy-to postgres://USER@HOST:PORT/DB [--data DIR]',
  'operator.copyTo.done':
    'copied {rows, number} rows of {tables, number} tables into {target}; start the store with --db {target}',

  // megadisc server import
  'operator.import.usage':
    'usage: megadisc server import DIR [--data DIR] [--tag-encoding auto|cp1251|latin1]',
  'operator.import.badTagEncoding': '--tag-encoding is {encodings}; got {value}',
  'operator.import.notFound': 'import folder not found: {dir}',
  'operator.import.skipped': 'skipped {path}: {reason}',
  'operator.import.done':
    'imported {albums, number} album(s), {tracks, number} track(s); skipped {skipped, number} file(s)',

  // packs, refund, report, check-ledger, vouchers
  'operator.packs.usageSet': 'usage: megadisc server packs set SIZE_MB PRICE (e.g. 500MB 5.00)',
  'operator.packs.usageLoad': 'usage: megadisc server packs load FILE.json',
  'operator.packs.unknownAction': 'unknown packs action "{action}" (set, remove, load)',
  'operator.packs.pack': 'pack',
  'operator.packs.price': 'price ({currency})',
  'operator.packs.loyalty': 'loyalty: {percent} off from {amount} spent',
  'operator.refund.usage': 'usage: megadisc server refund PAYMENT_ID [--reason TEXT]',
  'operator.refund.done': 'refunded {size}, {amount}; balance now {balance, number} bytes',
  'operator.report.badGroup': '--group is day or month',
  'operator.report.badDate': '{flag} is a date such as 2026-01-31',
  'operator.ledger.ok': 'ledger ok: {count, number} account(s)',
  'operator.ledger.problems': 'ledger has {count, number} problem(s):',
  'operator.vouchers.usage': 'usage: megadisc server vouchers create --mb N [--count N] [--sold-for PRICE]',
  'operator.vouchers.badCount': '--count is 1 to 1000',

  // rights-holders, statements, royalty-rate, refund-item
  'operator.rights.badRate': 'a rate is a percentage 0-100 such as 15 or 12.5, got "{value}"',
  'operator.rights.badId': 'a rights holder is given by its numeric id',
  'operator.rights.usageCreate': 'usage: megadisc server rights-holders create NAME [--email E] [--rate PCT]',
  'operator.rights.usageAssign':
    'usage: megadisc server rights-holders assign HOLDER_ID ALBUM_ID[,ALBUM_ID…]',
  'operator.rights.unknownAction':
    'unknown rights-holders action "{action}" (list, create, edit, assign, token)',
  'operator.rights.storeRate': 'store rate',
  'operator.rights.releases': '{count, number} release(s)',
  'operator.statements.badFormat': '--format is csv, dsr or json',
  'operator.statements.usageIssue':
    'usage: megadisc server statements issue --holder ID (--period 2026-03|2026-Q1 | --from DATE --to DATE)',
  'operator.statements.badPeriod': '--period is a month (2026-03) or a quarter (2026-Q1)',
  'operator.statements.usage':
    'usage: megadisc server statements [list | issue … | show NUMBER] [--format csv|dsr|json] [--out FILE]',
  'operator.statements.line': '{number}  holder {holder}  {start} – {end}  royalty {royalty}',
  'operator.royaltyRate.show': 'royalty rate: {rate} of revenue',
  'operator.refundItem.usage': 'usage: megadisc server refund-item ORDER_ID ITEM_ID [--reason TEXT]',
  'operator.refundItem.done': 'refunded {bytes, number} bytes; royalty reversed {royalty}',

  // takedowns, audit-log, settings, accounts, territories
  'operator.takedowns.unknownAction': 'unknown takedowns action "{action}" (file, decide; none to list)',
  'operator.takedowns.none': 'no notices',
  'operator.takedowns.kind.notice': 'notice',
  'operator.takedowns.kind.counter': 'counter',
  'operator.takedowns.state.received': 'received',
  'operator.takedowns.state.approved': 'approved',
  'operator.takedowns.state.rejected': 'rejected',
  'operator.takedowns.work.album': 'album {id}',
  'operator.takedowns.work.track': 'track {id}',
  'operator.takedowns.answers': 'answers {id}',
  'operator.takedowns.usageFile': 'usage: megadisc server takedowns file --json-file NOTICE.json',
  'operator.takedowns.cannotRead': 'cannot read {file}: {detail}',
  'operator.takedowns.received': '{id} {kind} received {when}',
  'operator.takedowns.usageDecide':
    'usage: megadisc server takedowns decide TD-… approve|reject --by NAME [--note TEXT]',
  'operator.takedowns.decided': '{id} {state} by {by} at {when}',
  'operator.auditLog.badLimit': '--limit is 1 to 100000',
  'operator.settings.usage': 'usage: megadisc server settings [--withdraw-redownloads on|off]',
  'operator.settings.on': 'withdraw redownloads: on',
  'operator.settings.off': 'withdraw redownloads: off',
  'operator.accounts.usage': 'usage: megadisc server accounts set-country EMAIL COUNTRY',
  'operator.territories.usage': 'usage: megadisc server territories ALBUM_ID [all | CC,CC,…]',
  'operator.territories.show': 'album {id}: {territories}',
  'operator.territories.everywhere': 'everywhere',
} as const;
