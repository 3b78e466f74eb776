// Runs ffmpeg/ffprobe as child processes with argument arrays, a hard timeout and bounded output capture.
import { spawn } from 'node:child_process';
import { StoreError } from '../../errors/store-error.ts';

export interface RunOptions {
  /** The child is SIGKILLed after this long, so a corrupt or hostile file cannot hang the store. */
  timeoutMs: number;
  /** Stdout beyond this is an error (ffprobe JSON is small; anything larger is suspicious). */
  maxStdoutBytes?: number;
  /** Lets filtergraphs refer to helper files by plain relative names, avoiding filtergraph path escaping. */
  cwd?: string;
}

export interface RunResult {
  stdout: string;
  /** Only the tail is kept: ffmpeg prints its summaries last and may log a lot before them. */
  stderr: string;
}

const STDERR_TAIL_BYTES = 64 * 1024;

export function ffmpegPath(): string {
  return process.env.MEGADISC_FFMPEG ?? 'ffmpeg';
}

export function ffprobePath(): string {
  return process.env.MEGADISC_FFPROBE ?? 'ffprobe';
}

export class ProcessError extends Error {
  readonly stderr: string;
  constructor(message: string, stderr: string) {
    super(message);
    this.name = 'ProcessError';
    this.stderr = stderr;
  }
}

/** Resolves with the captured output when the process exits 0; rejects with a ProcessError otherwise. */
export function runProcess(command: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const maxStdout = opts.maxStdoutBytes ?? 8 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      cwd: opts.cwd,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = Buffer.alloc(0);
    let failure: Error | undefined;

    const kill = (err: Error) => {
      failure ??= err;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => kill(new ProcessError(`${command} timed out after ${opts.timeoutMs} ms`, tail())),
      opts.timeoutMs,
    );
    const tail = () => stderrTail.toString('utf8');

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout)
        kill(new ProcessError(`${command} produced more than ${maxStdout} bytes`, tail()));
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > STDERR_TAIL_BYTES) stderrTail = stderrTail.subarray(-STDERR_TAIL_BYTES);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (err.code === 'ENOENT') {
        reject(
          new StoreError('ENCODING_UNAVAILABLE', 503, `${command} is not installed or not on PATH`, {
            cause: err,
          }),
        );
      } else {
        reject(err);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code === 0) return resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: tail() });
      reject(new ProcessError(`${command} exited with ${code ?? signal}: ${lastLines(tail(), 3)}`, tail()));
    });
  });
}

/** The last few non-empty lines of a log, for error messages that stay readable. */
export function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}
