// Shared benchmark plumbing: guaranteed cleanup, a hard time limit, child processes, ports and timing.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

type Cleanup = () => unknown;
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a cleanup; they run in reverse order on success, failure, signal or timeout. */
export function onCleanup(fn: Cleanup): void {
  cleanups.push(fn);
}

function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`cleanup failed: ${(error as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

/** Runs a benchmark's main function under a hard deadline, always cleaning up. */
export function runMain(main: () => Promise<void>, opts: { timeoutMs: number }): void {
  let aborting = false;
  const abort = async (why: string, code: number) => {
    aborting = true;
    process.stderr.write(`\n${why}; cleaning up\n`);
    await runCleanups();
    process.exit(code);
  };
  const timer = setTimeout(
    () => void abort(`time limit of ${opts.timeoutMs / 1000} s reached`, 2),
    opts.timeoutMs,
  );
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void abort(`received ${signal}`, 130));
  }
  main()
    .then(async () => {
      await runCleanups();
      clearTimeout(timer);
    })
    .catch(async (error: unknown) => {
      if (aborting) return; // the abort path reports and exits
      process.stderr.write(
        `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
      );
      await runCleanups();
      clearTimeout(timer);
      process.exitCode = 1;
    });
}

/**
 * Spawns a child in its own process group and registers a cleanup that stops it (SIGTERM, then SIGKILL
 * of its group after a grace period), so helpers like nginx workers never outlive the benchmark.
 */
export function spawnTracked(command: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts, detached: true });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  onCleanup(async () => {
    if (child.pid === undefined) return;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000).unref());
    await Promise.race([exited, timeout]);
    try {
      process.kill(-child.pid, 'SIGKILL'); // anything left in its group (e.g. orphaned workers)
    } catch {
      // the group is already gone
    }
  });
  return child;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to completion; rejects when it fails, unless allowFailure. */
export function run(
  command: string,
  args: string[],
  opts: SpawnOptions & { allowFailure?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const kill = () => child.kill('SIGKILL');
    onCleanup(kill);
    child.once('error', reject);
    child.once('close', (code) => {
      const index = cleanups.indexOf(kill);
      if (index >= 0) cleanups.splice(index, 1);
      const result = { code, stdout, stderr, ms: performance.now() - started };
      if (code !== 0 && !opts.allowFailure) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.slice(-800)}`));
      } else resolve(result);
    });
  });
}

/** A free TCP port on 127.0.0.1 (free at the time of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]) => percentile(values, 50);

/** Fixed decimals, with thousands separators for big numbers. */
export function fmt(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Prints the heading every benchmark starts with: what ran, how to rerun it, when and where. */
export function printHeader(title: string, command: string): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `## ${title}\n\nCommand: \`${command}\`  \nDate: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC  \n` +
      `Machine: ${cpus().length} cores (${cpu}), Node ${process.version}\n\n`,
  );
}

export function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Progress notes go to stderr so stdout stays a clean markdown report. */
export function note(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}
