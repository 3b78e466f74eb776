// Runs `megadisc …` as a real child process and waits for lines of its output.
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/megadisc.js', import.meta.url));
// Never let a test file music into the real ~/Music, whatever it forgets to configure. The CLI
// speaks English unless a test asks otherwise (LANG or --lang), whatever the developer's terminal
// says: undefined leaves a variable out of the child's environment.
const SAFE_ENV = {
  XDG_MUSIC_DIR: join(tmpdir(), 'megadisc-test-music'),
  LANG: 'C.UTF-8',
  LC_ALL: undefined,
  LC_MESSAGES: undefined,
  LANGUAGE: undefined,
};

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code, once the process has exited and its stdout and stderr are fully read ('close'). */
  exited: Promise<number | null>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...SAFE_ENV, ...env },
    stdio: 'pipe',
  });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // 'close', not 'exit': 'exit' can come before the last chunks of output have been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        waiters.add(check);
        // All output has been read by then: if it has not matched, it never will.
        void exited.then(() => {
          if (waiters.has(check)) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited before ${pattern}; output:\n${text}`));
          }
        });
        check();
      });
    },
  };
}

export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const cli = startCli(args, env);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

/** The JSON document a command printed with --json, among Node's warnings and lines for a person. */
export function jsonOutput(output: string): any {
  const start = output.search(/^[[{]/m);
  if (start === -1) throw new Error(`no JSON in the output:\n${output}`);
  // Lines after the document (a warning on stderr) end at its last closing line.
  const closers = [...output.slice(start).matchAll(/^[\]}]$/gm)];
  const last = closers.at(-1);
  return JSON.parse(last ? output.slice(start, start + last.index + 1) : output.slice(start));
}

/** Logs the CLI profile at `home` in to the store as the demo account; fails loudly if it cannot. */
export async function loginDemo(storeUrl: string, home: string): Promise<void> {
  const r = await runCli([
    'login',
    '--store',
    storeUrl,
    '--email',
    'demo@megadisc.local',
    '--password',
    'demo',
    '--home',
    home,
  ]);
  if (r.code !== 0) throw new Error(`login failed (${r.code}): ${r.output}`);
}
