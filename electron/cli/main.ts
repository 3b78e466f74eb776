// The `megadisc` command: store server commands and the client commands, over the core engine.
import { CliError } from './context/cli-error.ts';
import { cliI18n, environmentLocale, setCliLocale, takeLangFlag } from './context/cli-locale.ts';
import { EXIT, exitCodeFor } from './context/exit-codes.ts';
import { enableModuleCaches } from './module-caches.ts';
import { errorLine } from './render/error-line.ts';
import { helpText } from './render/help-text.ts';

type Command = (argv: string[]) => Promise<number>;

// Each command's module loads only when that command runs: Node strips types file by file, and
// loading every command (and the whole store server) cost about a second before anything happened.
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv) =>
    pick(await load())(argv);
const account = () => import('./commands/account-commands.ts');
const catalog = () => import('./commands/catalog-commands.ts');
const browse = () => import('./commands/browse-commands.ts');
const queue = () => import('./commands/queue-commands.ts');

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
  new: lazy(browse, (m) => m.newReleases),
  charts: lazy(browse, (m) => m.charts),
  genres: lazy(browse, (m) => m.genres),
  genre: lazy(browse, (m) => m.genre),
  artist: lazy(browse, (m) => m.artist),
  preview: lazy(
    () => import('./commands/preview-command.ts'),
    (m) => m.preview,
  ),
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
  // The store's commands speak the language chosen here (--lang, else the terminal's).
  server: lazy(
    () => import('../../server/cli/server-command.ts'),
    (m) => (argv) => m.runServerCommand(argv, cliI18n().locale),
  ),
};

export async function main(argv: string[]): Promise<number> {
  // Before any command's code loads: most of a start is loading modules (see module-caches.ts).
  enableModuleCaches();
  // The terminal's language first, so that even a bad --lang is refused in it.
  const i18n = setCliLocale(environmentLocale(process.env));
  const lang = takeLangFlag(argv);
  if (lang.kind === 'bad') {
    const text =
      lang.value === null
        ? i18n.t('cli.usage.missingLanguage')
        : i18n.t('cli.usage.unknownLanguage', { lang: lang.value });
    process.stderr.write(`${errorLine(i18n, new CliError('INVALID_ARGUMENT', text))}\n`);
    return EXIT.usage;
  }
  if (lang.kind === 'locale') setCliLocale(lang.locale);
  try {
    return await dispatch(lang.argv);
  } catch (error) {
    // One line, never a stack trace: the code tells scripts what happened.
    process.stderr.write(`${errorLine(cliI18n(), error)}\n`);
    // Arguments the CLI itself refused are bad usage (2), as the help says; the core's refusals keep their own codes.
    if (error instanceof CliError && error.code === 'INVALID_ARGUMENT') return EXIT.usage;
    return exitCodeFor((error as { code?: unknown } | null)?.code);
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const i18n = cliI18n();
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(helpText(i18n));
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`megadisc: ${i18n.t('cli.usage.unknownCommand', { command })}\n`);
    return EXIT.usage;
  }
  return run(rest);
}
