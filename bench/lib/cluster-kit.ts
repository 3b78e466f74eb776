// What bench:cluster needs around scripts/cluster/start-cluster.ts: `megadisc …` processes the
// benchmark always ends (its own process groups, logs in files), the CPU a process tree has used
// (/proc: its own, its reaped children's and its live children's), and a closed-loop HTTP load of
// N clients on keep-alive connections that records every answer's status and latency.

import type { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { megadiscLoggingTo } from '../../scripts/cluster/megadisc-process.ts';
import type { RunMegadisc } from '../../scripts/cluster/start-cluster.ts';
import { percentile, spawnTracked } from './harness.ts';

const _BIN = fileURLToPath(new URL('../../bin/megadisc.js', import.meta.url));

/** `megadisc <args>` in its own process group (ended by the harness's cleanup too), output in `<logs>/<name>.log`. */
export function trackedMegadisc(logs: string): RunMegadisc {
  return megadiscLoggingTo(logs, spawnTracked as typeof spawn);
}

/** Fields of /proc/<pid>/stat after the command name (state is [0], ppid [1], utime [11]), or null. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const ticksMs = (ticks: number) => (ticks * 1000) / 100; // USER_HZ is 100 on Linux

export function parentOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export interface TreeCpu {
  /** The process's own user + system time, ms. */
  own: number;
  /** Its descendants': reaped (cutime + cstime) and still running, ms. */
  children: number;
}

/** CPU time a process and everything under it have used so far (0 once it has gone). */
export function treeCpu(pid: number): TreeCpu {
  const fields = statFields(pid);
  if (!fields) return { own: 0, children: 0 };
  const own = ticksMs(Number(fields[11]) + Number(fields[12]));
  let children = ticksMs(Number(fields[13]) + Number(fields[14]));
  for (const child of childrenOf(pid)) {
    const c = treeCpu(child);
    children += c.own + c.children;
  }
  return { own, children };
}

export const treeCpuMs = (pid: number) => {
  const c = treeCpu(pid);
  return c.own + c.children;
};

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perS: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers by status; failed requests (no answer) count under 0. */
  statuses: Map<number, number>;
  /** The first answer that was not the expected status, for the report. */
  firstUnexpected?: string;
}

/**
 * `clients` loops, each on its own keep-alive connection, each sending its next request as soon as
 * the previous answer is read, for `seconds`; the rate counts every answer until the last one.
 */
export async function closedLoop(
  base: string,
  clients: number,
  seconds: number,
  expect: number,
  next: (client: number, n: number) => LoadRequest,
): Promise<LoadResult> {
  const url = new URL(base);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let firstUnexpected: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (id: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let n = 0; performance.now() < deadline; n++) {
        const req = next(id, n);
        const sent = performance.now();
        let status = 0;
        let text = '';
        try {
          ({ status, text } = await send(url, agent, req));
        } catch (error) {
          text = (error as Error).message;
          await new Promise((r) => setTimeout(r, 10));
        }
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== expect) firstUnexpected ??= `${status} ${text.slice(0, 200)}`;
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    seconds: elapsed,
    perS: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    statuses,
    ...(firstUnexpected ? { firstUnexpected } : {}),
  };
}

function send(url: URL, agent: Agent, req: LoadRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = request(
      { host: url.hostname, port: url.port, path: req.path, method: req.method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('no answer within 30 s')));
    r.on('error', reject);
    r.end(req.body);
  });
}

export interface SerializationFailures {
  /** 40001 on a row another transaction changed: "could not serialize access due to concurrent update". */
  update: number;
  /** 40001 from SERIALIZABLE's read/write dependency tracking (predicate locks). */
  rw: number;
  deadlock: number;
  /** Failures by the statement that failed (its first words) and kind. */
  byStatement: Map<string, number>;
}

/** Counts the serialization failures in a stretch of PostgreSQL's log (default log_line_prefix `%m [%p] `). */
export function serializationFailures(log: string): SerializationFailures {
  const found: SerializationFailures = { update: 0, rw: 0, deadlock: 0, byStatement: new Map() };
  const pending = new Map<string, string>(); // pid → kind of its last failure, until its STATEMENT line
  for (const line of log.split('\n')) {
    const match = /\[(\d+)\] (ERROR|STATEMENT): {1,2}(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, level, text] = match as unknown as [string, string, string, string];
    if (level === 'ERROR') {
      const kind = text.includes('due to concurrent update')
        ? 'update'
        : text.includes('read/write dependencies')
          ? 'rw'
          : text.startsWith('deadlock detected')
            ? 'deadlock'
            : undefined;
      if (kind) {
        found[kind]++;
        pending.set(pid, kind);
      }
    } else if (pending.has(pid)) {
      const statement = text.replace(/\s+/g, ' ').slice(0, 72);
      const key = `${pending.get(pid)}: ${statement}`;
      found.byStatement.set(key, (found.byStatement.get(key) ?? 0) + 1);
      pending.delete(pid);
    }
  }
  return found;
}
