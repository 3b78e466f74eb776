// The store's encoder command lines run bare: the argument lists of server/transcode/recipes.ts as one
// `sh -c` pipeline each, minus the progress reporting (there is no fd 3 to write it to).
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { RECIPES } from '../../server/transcode/recipes.ts';
import { run } from './harness.ts';
import { readChildrenCpuMs } from './proc-stats.ts';

const BIN = { ffmpeg: 'ffmpeg', lame: 'lame', mpcenc: 'mpcenc' };
const PROGRESS = ['-progress', '-stats_period'];

const quote = (arg: string) => (/^[\w./:=+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/** The recipe's own stages as one shell pipeline, e.g. `ffmpeg … -f wav pipe:1 | lame … out.mp3`. */
export function bareCommand(encoding: EncodingId, input: string, output: string): string {
  return RECIPES[encoding]
    .stages(input, output, BIN)
    .map(({ command, args }) => {
      const kept = args.filter((a, i) => !PROGRESS.includes(a) && !PROGRESS.includes(args[i - 1]!));
      return [command, ...kept].map(quote).join(' ');
    })
    .join(' | ');
}

/**
 * Runs the commands with at most `parallelism` at once, started in the order given (as the store's
 * encoder pool starts an order's tracks); resolves with the wall time from the first start to the last
 * exit, and the CPU time the commands used.
 */
export async function runBareBatch(
  commands: string[],
  parallelism: number,
): Promise<{ ms: number; cpuMs: number }> {
  const cpu = readChildrenCpuMs('self') ?? 0;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < commands.length) {
      const command = commands[next++]!;
      await run('sh', ['-c', command]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, commands.length) }, worker));
  return { ms: performance.now() - started, cpuMs: (readChildrenCpuMs('self') ?? 0) - cpu };
}
