// `megadisc …` as a child process of the cluster (a node, a worker, a seeding step): its output in a
// log file of its own, and a wait for a line of it. local-cluster.ts and bench:cluster use it; the
// bench passes a spawn that tracks the process for its cleanup.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MegadiscProcess, RunMegadisc } from './start-cluster.ts';

const BIN = fileURLToPath(new URL('../../bin/megadisc.js', import.meta.url));

/** `megadisc …` with its output in `<logs>/<name>.log`; what waitFor looks for is kept in memory too. */
export function megadiscLoggingTo(logs: string, start: typeof spawn = spawn): RunMegadisc {
  mkdirSync(logs, { recursive: true });
  return (args, name) => {
    const child = start(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const file = createWriteStream(join(logs, `${name}.log`));
    let text = '';
    const waiters = new Set<() => void>();
    const onData = (chunk: Buffer) => {
      file.write(chunk);
      // Only the start is looked for; a long-running node's output stays in its log file.
      if (text.length < 64 * 1024) text += chunk.toString('utf8');
      for (const wake of waiters) wake();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const exited = new Promise<number | null>((done) =>
      child.on('close', (code) => {
        file.end();
        for (const wake of waiters) wake();
        done(code);
      }),
    );
    const proc: MegadiscProcess = {
      child,
      output: () => text,
      exited,
      waitFor: (pattern, timeoutMs = 60_000) =>
        new Promise((found, fail) => {
          const check = () => {
            const match = text.match(pattern);
            if (!match && child.exitCode === null && child.signalCode === null) return;
            waiters.delete(check);
            clearTimeout(timer);
            if (match) found(match);
            else fail(new Error(`${name} exited before ${pattern}; see ${join(logs, `${name}.log`)}`));
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(
              new Error(`${name}: no ${pattern} within ${timeoutMs} ms; see ${join(logs, `${name}.log`)}`),
            );
          }, timeoutMs);
          waiters.add(check);
          check();
        }),
    };
    return proc;
  };
}
