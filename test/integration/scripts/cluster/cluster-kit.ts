// What the cluster test needs besides the store's API: a buyer's retries (as a client does: the same
// Idempotency-Key, after Retry-After), bounded waits that say what they waited for, the processes a
// worker runs (its encoders outlive it when it is killed), and the requests waiting unread on a
// stopped node's sockets (read from /proc/net/tcp).
import { readdirSync, readFileSync } from 'node:fs';
import type { ApiResponse } from '../../../helpers/store-api.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers a client tries again: nginx or a node could not answer, the database is away, the key is busy. */
function worthRetrying(res: ApiResponse): boolean {
  if ([502, 503, 504].includes(res.status)) return true;
  return res.status === 409 && res.body?.error?.code === 'IDEMPOTENCY_IN_PROGRESS';
}

export interface Retried {
  res: ApiResponse;
  /** Every answer before the last (status and error code), and requests that failed outright. */
  before: string[];
}

/**
 * Sends until the answer is final, waiting Retry-After (at most 2 s) between tries, for at most
 * `withinMs`: what a buyer's client does. A POST must carry its Idempotency-Key on every try.
 */
export async function untilFinal(
  what: string,
  send: () => Promise<ApiResponse>,
  withinMs = 60_000,
): Promise<Retried> {
  const deadline = Date.now() + withinMs;
  const before: string[] = [];
  for (;;) {
    let res: ApiResponse | undefined;
    try {
      res = await send();
      if (!worthRetrying(res)) return { res, before };
      before.push(`${res.status} ${res.body?.error?.code ?? ''}`.trim());
    } catch (error) {
      before.push(`failed: ${(error as Error).message}`);
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: no final answer within ${withinMs} ms; answers: ${before.join(', ')}`);
    const retryAfter = Number(res?.headers.get('retry-after'));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(2000, retryAfter * 1000) : 200);
  }
}

/** Waits until `check` returns something other than undefined, looking every `everyMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  withinMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${withinMs} ms waiting for ${what}${last ? ` (last error: ${last})` : ''}`,
      );
    await sleep(everyMs);
  }
}

/** A process as /proc shows it: its parent and when it started (to tell a reused pid apart). */
interface ProcStat {
  pid: number;
  ppid: number;
  start: string;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold anything; the fields after it are plain.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), start: fields[19]! };
  } catch {
    return undefined;
  }
}

/** A process and its start time, so that it can be ended later without hitting a reused pid. */
export interface ProcessMark {
  pid: number;
  start: string;
}

/** Every process under `pid` (children, their children…), now. */
export function descendantsOf(pid: number): ProcessMark[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
  const found: ProcessMark[] = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const s of all)
      if (s.ppid === parent) {
        found.push({ pid: s.pid, start: s.start });
        parents.push(s.pid);
      }
  }
  return found;
}

/** SIGKILLs the marked processes still running (and still the same processes). */
export function killMarked(marks: ProcessMark[]): void {
  for (const mark of marks)
    if (procStat(mark.pid)?.start === mark.start) {
      try {
        process.kill(mark.pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
}

/**
 * Requests waiting unread on a stopped node at 127.0.0.1:`port`: its connections holding received
 * bytes nobody has read (/proc/net/tcp: local address, state 01 established, rx_queue). nginx sends
 * one request at a time on a connection, so each such connection holds one request.
 */
export function requestsWaitingOn(port: number): number {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let waiting = 0;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols[1] !== local || cols[3] !== '01') continue;
    if (Number.parseInt(cols[4]!.split(':')[1]!, 16) > 0) waiting += 1;
  }
  return waiting;
}
