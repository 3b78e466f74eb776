// Starts the store server for the search benchmark (bench/lib/search-server-main.ts) in a child
// process, and reads the event-loop delay of that process over a window (see eldStart/eldStop); and
// an idle Node process that measures the same, as the control.
import { fileURLToPath } from 'node:url';
import { spawnTracked } from './harness.ts';

/** Event-loop delay in the store process over a window, in milliseconds (from monitorEventLoopDelay). */
export interface EventLoopDelay {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface SearchServer {
  url: string;
  pid: number;
  /** Resets and starts the event-loop delay monitor in the store process. */
  eldStart(): void;
  /** Stops the monitor and returns what it saw since eldStart(). */
  eldStop(): Promise<EventLoopDelay>;
  /** Closes the server and waits for its process to end. */
  stop(): Promise<void>;
}

/** `env` is added to this process's environment (e.g. MEGADISC_SEARCH_WORKERS). */
export function startSearchServer(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<SearchServer> {
  return startChild('./search-server-main.ts', [dataDir], env, timeoutMs);
}

/**
 * The control for event-loop delay: an idle Node process measuring its own (idle-loop-main.ts), in
 * the same windows as the store. Its `url` is "idle".
 */
export function startIdleLoop(): Promise<SearchServer> {
  return startChild('./idle-loop-main.ts', [], {}, 30_000);
}

async function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<SearchServer> {
  const entry = fileURLToPath(new URL(script, import.meta.url));
  const child = spawnTracked(process.execPath, [entry, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  let stdout = '';
  const waiters: ((line: string) => boolean)[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    let nl = stdout.indexOf('\n');
    while (nl >= 0) {
      const line = stdout.slice(0, nl);
      stdout = stdout.slice(nl + 1);
      const i = waiters.findIndex((w) => w(line));
      if (i >= 0) waiters.splice(i, 1);
      nl = stdout.indexOf('\n');
    }
  });
  const nextLine = (prefix: string, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${prefix}" from the server in ${ms} ms: ${stderr}`)),
        ms,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${stderr}`));
      });
      waiters.push((line) => {
        if (!line.startsWith(prefix)) return false;
        clearTimeout(timer);
        resolve(line.slice(prefix.length));
        return true;
      });
    });
  const url = await nextLine('READY ', timeoutMs);
  return {
    url,
    pid: child.pid!,
    eldStart: () => child.stdin?.write('eld start\n'),
    eldStop: async () => {
      const reply = nextLine('ELD ', 10_000);
      child.stdin?.write('eld stop\n');
      return JSON.parse(await reply) as EventLoopDelay;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
