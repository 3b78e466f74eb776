// Spawns a long-running child and times it from spawn to the first stdout line matching a pattern;
// stop() ends it (SIGTERM, then SIGKILL) and waits for the exit, so ports are free for the next run.
import type { SpawnOptions } from 'node:child_process';
import { spawnTracked } from './harness.ts';

export interface TimedProcess {
  /** The first capture group of the pattern (or the whole match). */
  value: string;
  /** performance.now() delta from just before spawn() to the data event carrying the line. */
  msToLine: number;
  pid: number;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startTimedProcess(
  command: string,
  args: string[],
  pattern: RegExp,
  opts: SpawnOptions & { timeoutMs?: number } = {},
): Promise<TimedProcess> {
  const { timeoutMs = 60_000, ...spawnOpts } = opts;
  const started = performance.now();
  const child = spawnTracked(command, args, { ...spawnOpts, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const { value, msToLine } = await new Promise<{ value: string; msToLine: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} printed no ${pattern} within ${timeoutMs} ms: ${stderr.slice(-800)}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      const now = performance.now();
      const before = stdout;
      stdout += d;
      const match = pattern.exec(stdout);
      if (match && !pattern.exec(before)) {
        clearTimeout(timer);
        resolve({ value: match[1] ?? match[0], msToLine: now - started });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before ${pattern}: ${stderr.slice(-800)}`));
    });
    child.once('error', reject);
  });
  return {
    value,
    msToLine,
    pid: child.pid!,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
