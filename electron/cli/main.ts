// The `megadisc` command: store server commands and the client commands, over the core engine.
import { exitCodeFor } from './exit-codes.ts';

type Command = (argv: string[]) => Promise<number>;

// Each command's module loads only when that command runs: Node strips types file by file, and
// loading every command (and the whole store server) cost about a second before anything happened.
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv) =>
    pick(await load())(argv);
const account = () => import('./commands/account-commands.ts');
const catalog = () => import('./commands/catalog-commands.ts');
const queue = () => import('./commands/queue-commands.ts');

const HELP = `megadisc: buy music by the megabyte

Client (every command takes --home DIR and --json):
  megadisc login --store URL --email E --password P
  megadisc logout
  megadisc search QUERY [--type artist|album|track]
  megadisc album ID                 tracks, and the size and cost of every encoding
  megadisc encodings
  megadisc balance
  megadisc ledger
  megadisc topup CODE               redeem a voucher
  megadisc packs                    top-up packs with your price, per MB and saving
  megadisc topup --pack 500MB [--timeout SECONDS]
                                    pay for a pack in the browser, then wait until it is credited
  megadisc buy ALBUM_ID --encoding ID [--tracks N,N] [--yes]
  megadisc queue
  megadisc run                      download the queue until done (Ctrl-C stops; run again to resume)
  megadisc pause JOB|--all
  megadisc resume JOB|--all         also retries failed jobs
  megadisc cancel JOB
  megadisc move JOB PLACE
  megadisc prioritize JOB           move a job to the front of the queue
  megadisc config [--concurrency N] [--bandwidth-limit BYTES_PER_S|off]
  megadisc config [--library-dir DIR] [--template T] [--id3-version 3|4] [--cover-max-px N]
                  [--cover-max-bytes N] [--cover-file on|off] [--path-ascii on|off]
  megadisc library                  list the offline library; marks albums the store no longer sells
  megadisc library verify           re-hash every file; report missing or changed ones
  megadisc library rescan           find moved files by their hash
  megadisc library redownload       fetch missing files again through the purchase (no charge)
  megadisc library reorganize [--dry-run]   move files to match the path template

Exit codes: 0 done, 1 failed, 2 bad usage, 3 not for sale (taken down), 4 not sold in your
  country, 5 re-downloads withdrawn by the store.

Web mode (the app in a browser, on 127.0.0.1 only):
  megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]
                                    serve the app to a browser until Ctrl-C (port 8710 unless given);
                                    prints and opens an address that carries the access token

Store server:
  megadisc server [--port N] [--host 127.0.0.1] [--data DIR] [--demo] [--price-per-mb 0.02]
                  [--packs FILE] [--checkout-minutes 30] [--public-url URL] [--provider test|stripe]
  megadisc server import DIR [--data DIR] [--tag-encoding auto|cp1251|latin1]
Store operator (each takes --data DIR and --json):
  megadisc server operator-token    a new token for the /v1/operator/ routes
  megadisc server packs [set SIZE PRICE | remove SIZE | load FILE]   the pack table and loyalty tiers
  megadisc server refund PAYMENT_ID [--reason TEXT]   refund a pack that is not yet spent
  megadisc server report [--from DATE] [--to DATE] [--group day|month]   revenue, deferred, packs, discounts (CSV)
  megadisc server check-ledger      check that balances, lots and money add up (exit 1 if not)
  megadisc server vouchers create --mb N [--count N] [--sold-for PRICE]
  megadisc server takedowns [file --json-file NOTICE.json | decide TD-… approve|reject --by NAME [--note TEXT]]
  megadisc server audit-log [--limit N]   notices, decisions, restores and settings changes, newest first
  megadisc server settings [--withdraw-redownloads on|off]   may owners re-download taken-down works
  megadisc server accounts set-country EMAIL CC   the country an account buys from (territories)
  megadisc server territories ALBUM_ID [all | CC,CC…]   where a release is licensed
  megadisc server rights-holders [create NAME | edit ID | assign ID ALBUMS | token ID] [--email E] [--rate PCT]
  megadisc server royalty-rate [PCT]   the store's royalty rate (default 15)
  megadisc server statements [list | issue --holder ID --period 2026-03|2026-Q1 | show NUMBER] [--format csv|dsr|json]
  megadisc server refund-item ORDER_ID ITEM_ID [--reason TEXT]   refund a delivered item; reverses its royalty
`;

const COMMANDS: Record<string, Command> = {
  login: lazy(account, (m) => m.login),
  logout: lazy(account, (m) => m.logout),
  balance: lazy(account, (m) => m.balance),
  ledger: lazy(account, (m) => m.ledger),
  topup: lazy(account, (m) => m.topup),
  packs: lazy(
    () => import('./commands/pack-commands.ts'),
    (m) => m.packs,
  ),
  search: lazy(catalog, (m) => m.search),
  album: lazy(catalog, (m) => m.album),
  encodings: lazy(catalog, (m) => m.encodings),
  buy: lazy(
    () => import('./commands/buy-command.ts'),
    (m) => m.buy,
  ),
  queue: lazy(queue, (m) => m.queue),
  run: lazy(queue, (m) => m.run),
  pause: lazy(queue, (m) => m.pause),
  resume: lazy(queue, (m) => m.resume),
  cancel: lazy(queue, (m) => m.cancel),
  move: lazy(queue, (m) => m.move),
  prioritize: lazy(queue, (m) => m.prioritize),
  config: lazy(queue, (m) => m.config),
  library: lazy(
    () => import('./commands/library-commands.ts'),
    (m) => m.library,
  ),
  web: lazy(
    () => import('./commands/web-command.ts'),
    (m) => m.web,
  ),
  server: lazy(
    () => import('../../server/cli/server-command.ts'),
    (m) => m.runServerCommand,
  ),
};

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    // One line, never a stack trace: the code tells scripts what happened.
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `megadisc: ${message.split('\n')[0]}${typeof code === 'string' ? ` (${code})` : ''}\n`,
    );
    return exitCodeFor(code);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`megadisc: unknown command "${command}"; try "megadisc help"\n`);
    return 2;
  }
  return run(rest);
}
