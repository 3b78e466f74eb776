// The `megadisc` command: store server commands and the client commands, over the core engine.
import { runServerCommand } from '../../server/cli/server-command.ts';
import * as account from './commands/account-commands.ts';
import { buy } from './commands/buy-command.ts';
import * as catalog from './commands/catalog-commands.ts';
import { library } from './commands/library-commands.ts';
import * as q from './commands/queue-commands.ts';
import { web } from './commands/web-command.ts';

const HELP = `megadisc: buy music by the megabyte

Client (every command takes --home DIR and --json):
  megadisc login --store URL --email E --password P
  megadisc logout
  megadisc search QUERY [--type artist|album|track]
  megadisc album ID                 tracks, and the size and cost of every encoding
  megadisc encodings
  megadisc balance
  megadisc ledger
  megadisc topup CODE
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
                  [--cover-max-bytes N] [--cover-file on|off]
  megadisc library                  list the offline library
  megadisc library verify           re-hash every file; report missing or changed ones
  megadisc library rescan           find moved files by their hash
  megadisc library redownload       fetch missing files again through the purchase (no charge)
  megadisc library reorganize [--dry-run]   move files to match the path template

Web mode (the app in a browser, on 127.0.0.1 only):
  megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]
                                    serve the app to a browser until Ctrl-C (port 8710 unless given);
                                    prints and opens an address that carries the access token

Store server:
  megadisc server [--port N] [--host 127.0.0.1] [--data DIR] [--demo] [--price-per-mb 0.02]
  megadisc server import DIR [--data DIR]
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  login: account.login,
  logout: account.logout,
  balance: account.balance,
  ledger: account.ledger,
  topup: account.topup,
  search: catalog.search,
  album: catalog.album,
  encodings: catalog.encodings,
  buy,
  queue: q.queue,
  run: q.run,
  pause: q.pause,
  resume: q.resume,
  cancel: q.cancel,
  move: q.move,
  prioritize: q.prioritize,
  config: q.config,
  library,
  web,
  server: runServerCommand,
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
    return 1;
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
