// Runs a chain of child processes (each stdout feeding the next stdin) under a deadline and an abort signal.
// Stages are joined by the kernel pipe itself, as a shell does: the audio never passes through this
// process (relaying it cost the store's event loop and GC as much CPU as the rest of an order).

import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { StderrTail } from './stderr-tail.ts';

export interface Stage {
  /** Short tool name for messages ("ffmpeg", "lame"); `command` may be a full path. */
  name: string;
  command: string;
  args: string[];
}

export interface PipelineOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Receives the first stage's fd 3, where ffmpeg writes `-progress pipe:3`. */
  onProgressStream?: (stream: Readable) => void;
}

export type PipelineFailureKind = 'failed' | 'timeout' | 'aborted';

export class PipelineError extends Error {
  readonly kind: PipelineFailureKind;

  constructor(kind: PipelineFailureKind, message: string) {
    super(message);
    this.name = 'PipelineError';
    this.kind = kind;
  }
}

interface StageRun {
  stage: Stage;
  child: ChildProcess;
  tail: StderrTail;
  finished: boolean;
  killedByUs: boolean;
  /** Died of SIGPIPE: the stage it wrote to had gone, so that stage's failure is the one to report. */
  brokenPipe: boolean;
  failure?: string;
}

const TAIL_LINES = 5;
const STDIO_GRACE_MS = 1000;

export function runPipeline(stages: readonly Stage[], options: PipelineOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stages.length === 0) throw new RangeError('a pipeline needs at least one stage');
    if (options.signal?.aborted) throw new PipelineError('aborted', 'aborted before start');

    // Last stage first: each stage's stdin pipe becomes the stdout of the stage before it.
    const runs: StageRun[] = [];
    for (let index = stages.length - 1; index >= 0; index--) {
      runs.unshift(startStage(stages[index]!, index, stages.length, options, runs[0]?.child.stdin ?? null));
    }
    // Our end of those pipes: closed, so a consumer sees end-of-file when its producer exits.
    for (const run of runs.slice(1)) run.child.stdin?.on('error', () => undefined).destroy();
    let unfinished = runs.length;
    let stopReason: 'timeout' | 'aborted' | undefined;

    const killAll = () => {
      for (const run of runs) {
        if (run.finished) continue;
        run.killedByUs = true;
        killGroup(run.child);
      }
    };
    const stop = (reason: 'timeout' | 'aborted') => {
      stopReason ??= reason;
      killAll();
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const settle = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (stopReason === 'aborted') reject(new PipelineError('aborted', 'encode aborted'));
      else if (stopReason === 'timeout')
        reject(new PipelineError('timeout', timeoutMessage(runs, options.timeoutMs)));
      else if (runs.some((run) => run.failure !== undefined))
        reject(new PipelineError('failed', failureMessage(runs)));
      else resolve();
    };

    for (const run of runs) {
      const finish = (failure: string | undefined) => {
        if (run.finished) return;
        run.finished = true;
        run.failure = failure;
        // One dead stage stalls the others on a full or empty pipe, so take the whole chain down.
        if (failure !== undefined) killAll();
        unfinished -= 1;
        if (unfinished === 0) settle();
      };
      run.child.once('error', (error) => {
        if (run.child.pid === undefined) finish(`could not be started (${error.message})`);
      });
      const exited = (code: number | null, signal: NodeJS.Signals | null) => {
        if (run.finished) return;
        // Only a SIGKILL after we sent one is our doing; an exit code means it died on its own first.
        if (signal !== 'SIGKILL') run.killedByUs = false;
        run.brokenPipe = signal === 'SIGPIPE';
        if (code === 0) finish(undefined);
        else finish(code === null ? `was killed by ${signal}` : `exited with code ${code}`);
      };
      // 'close' waits for stdio to drain, so the stderr tail is complete. A stray grandchild holding
      // the pipes open must not stall us, though: after 'exit', give stdio a moment and move on.
      run.child.once('close', exited);
      run.child.once('exit', (code, signal) => {
        setTimeout(() => exited(code, signal), STDIO_GRACE_MS).unref();
      });
    }
  });
}

function startStage(
  stage: Stage,
  index: number,
  count: number,
  options: PipelineOptions,
  next: Writable | null,
): StageRun {
  const first = index === 0;
  const last = index === count - 1;
  // A next stage that could not be started has no pipe: this one's output goes nowhere (and the chain
  // fails on that stage's error anyway).
  const out = !last && next && (next as { _handle?: unknown })._handle ? next : 'ignore';
  const stdio: Array<'pipe' | 'ignore' | Writable> = [first ? 'ignore' : 'pipe', out, 'pipe'];
  const wantsProgress = first && options.onProgressStream !== undefined;
  if (wantsProgress) stdio.push('pipe');

  // Own process group, so a kill also reaches anything the tool started (e.g. a wrapper script's child).
  const child = spawn(stage.command, stage.args, { stdio, detached: true, windowsHide: true });
  const tail = new StderrTail();
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => tail.push(chunk));
  const progress = child.stdio[3];
  if (wantsProgress && progress) options.onProgressStream?.(progress as Readable);
  return { stage, child, tail, finished: false, killedByUs: false, brokenPipe: false };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is already gone (or never formed): fall back to the process itself.
    child.kill('SIGKILL');
  }
}

function failureMessage(runs: readonly StageRun[]): string {
  const failed = runs.filter((run) => run.failure !== undefined);
  const selfInflicted = failed.filter((run) => !run.killedByUs && !run.brokenPipe);
  const reported = selfInflicted.length > 0 ? selfInflicted : failed;
  // Pipeline order (decoder first), except that a producer's "Broken pipe" is only a symptom of its
  // consumer dying, so it goes last.
  const symptomatic = (run: StageRun) => run.tail.lastLines().some((line) => /broken pipe/i.test(line));
  reported.sort((a, b) => Number(symptomatic(a)) - Number(symptomatic(b)));
  return reported.map((run) => `${run.stage.name} ${run.failure}${quoteTail(run)}`).join('; ');
}

function timeoutMessage(runs: readonly StageRun[], timeoutMs: number): string {
  const names = runs.map((run) => run.stage.name).join(' | ');
  return `${names} timed out after ${Number((timeoutMs / 1000).toFixed(1))} s`;
}

function quoteTail(run: StageRun): string {
  const lines = run.tail.lastLines(TAIL_LINES);
  return lines.length > 0 ? `: ${lines.join(' / ')}` : '';
}
