// `megadisc web` from a cold start for the UI cold start benchmark: spawned as a user runs it
// (bin/megadisc.js on this Node) and timed to two lines of its output: the address (the host listens)
// and the demo store's address (the app service is ready: the store runs and the demo account is in).
import { fileURLToPath } from 'node:url';
import { spawnTracked } from './harness.ts';

const BIN = fileURLToPath(new URL('../../bin/megadisc.js', import.meta.url));

export interface ColdWebStart {
  url: string;
  /** From just before spawn() to the data event carrying the address line. */
  msToUrl: number;
  /** performance.now() at spawn, to time later events against. */
  spawnedAt: number;
  /** Resolves with ms from spawn to the "demo store:" line (the core is ready). */
  ready: Promise<number>;
  stop(): Promise<void>;
}

export async function startColdWeb(opts: {
  home: string;
  rendererDir: string;
  musicDir: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<ColdWebStart> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const spawnedAt = performance.now();
  const child = spawnTracked(
    process.execPath,
    [BIN, 'web', '--home', opts.home, '--demo', '--port', '0', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...opts.env,
        MEGADISC_RENDERER_DIR: opts.rendererDir,
        XDG_MUSIC_DIR: opts.musicDir,
      },
    },
  );
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const line = (pattern: RegExp) =>
    new Promise<{ value: string; ms: number }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${stderr.slice(-800)}`)),
        timeoutMs,
      );
      const look = () => {
        const match = pattern.exec(stdout);
        if (!match) return false;
        clearTimeout(timer);
        resolve({ value: match[1] ?? match[0], ms: performance.now() - spawnedAt });
        return true;
      };
      const onData = () => {
        if (look()) child.stdout?.off('data', onData);
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`megadisc web exited (${code ?? signal}) before ${pattern}: ${stderr.slice(-800)}`));
      });
    });
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  const address = line(/Megadisc web mode: (\S+)/);
  const ready = line(/demo store: \S+/).then((r) => r.ms);
  ready.catch(() => undefined);
  const { value, ms } = await address;
  return {
    url: value,
    msToUrl: ms,
    spawnedAt,
    ready,
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
