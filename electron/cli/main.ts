// The `megadisc` command: dispatches to the store server commands (client commands come next).
import { runServerCommand } from '../../server/cli/server-command.ts';

const HELP = `megadisc: buy music by the megabyte

Usage:
  megadisc server [--port N] [--host 127.0.0.1] [--data DIR] [--demo] [--price-per-mb 0.02]
  megadisc server import DIR [--data DIR]
  megadisc help
`;

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
  switch (command) {
    case 'server':
      return runServerCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`megadisc: unknown command "${command}"; try "megadisc help"\n`);
      return 2;
  }
}
