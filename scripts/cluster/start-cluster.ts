// Starts a store cluster on loopback: a throw-away PostgreSQL holding a copy of a seeded store, API
// nodes that only serve (`megadisc server --no-encode --accel-redirect …`), `megadisc server
// worker` processes that encode, all on one data folder, and nginx in front running the shipped
// server/deploy/nginx-store.conf. `npm run cluster:local` and the cluster test both start it here.
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { storeSites } from '../../server/deploy/nginx-config.ts';
import { type NginxProcess, startNginx } from './nginx-process.ts';
import {
  anyFreePort,
  createDatabase,
  type PostgresCluster,
  type ReservedPort,
  startPostgresCluster,
} from './throwaway-postgres.ts';

/** The prefix the nodes answer downloads with and nginx serves the cache folder at. */
export const ACCEL_PREFIX = '/internal-cache/';

/** A running `megadisc …` process, with its output so far. */
export interface MegadiscProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `megadisc <args>` (bin/megadisc.js) as a child process; `name` says which part it is. */
export type RunMegadisc = (args: string[], name: string) => MegadiscProcess;

export interface ClusterOptions {
  /** Where the cluster lives: its data folder (`store/`, which must not exist yet) and nginx's (`nginx/`). */
  dir: string;
  nodes: number;
  workers: number;
  /** Parallel encodes per worker (its --concurrency); default 1. */
  concurrency?: number;
  /**
   * What the store starts from: a store folder seeded in SQLite (its masters, covers and store.db),
   * or a function that seeds one into the folder it is given. Its database goes to PostgreSQL with
   * `megadisc server copy-to`.
   */
  seed: { copyOf: string } | { seedInto: (dataDir: string) => Promise<void> };
  run: RunMegadisc;
  /** Loopback ports for PostgreSQL, the nodes and nginx; by default any the kernel hands out. */
  reservePort?: () => Promise<ReservedPort>;
  log?: (line: string) => void;
}

export interface ClusterNode {
  url: string;
  process: MegadiscProcess;
}

export interface ClusterWorker {
  /** Its name in the encode queue (order_items.worker). */
  name: string;
  process: MegadiscProcess;
}

export interface LocalCluster {
  /** nginx: where buyers and clients go. */
  url: string;
  postgres: PostgresCluster;
  /** The store's database (postgres://…). */
  database: string;
  dataDir: string;
  nodes: ClusterNode[];
  workers: ClusterWorker[];
  nginx: NginxProcess;
  /** Stops nginx, the nodes and workers still running (SIGTERM, then SIGKILL), and PostgreSQL. */
  stop(): Promise<void>;
}

const STARTED_WITHIN_MS = 60_000;

/** Ends a process: SIGTERM, and SIGKILL if it is still there after `graceMs`. */
export async function endProcess(proc: MegadiscProcess, graceMs = 5000): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(late);
}

export async function startLocalCluster(opts: ClusterOptions): Promise<LocalCluster> {
  const log = opts.log ?? (() => {});
  const reservePort = opts.reservePort ?? anyFreePort;
  const dataDir = join(opts.dir, 'store');
  const processes: MegadiscProcess[] = [];
  let starting: Promise<PostgresCluster> | undefined;
  let front: ReservedPort | undefined;
  let nginx: NginxProcess | undefined;
  const stop = async () => {
    if (nginx) await nginx.stop().catch(() => {});
    else await front?.release().catch(() => {});
    await Promise.all(processes.map((p) => endProcess(p).catch(() => {})));
    await starting?.then((postgres) => postgres.stop()).catch(() => {});
  };
  try {
    if (existsSync(dataDir)) throw new Error(`${dataDir} exists already: give the cluster a new folder`);
    mkdirSync(opts.dir, { recursive: true });
    // PostgreSQL's initdb mostly waits on the disk: the store is seeded meanwhile.
    starting = startPostgresCluster({ reservePort });
    starting.catch(() => {}); // awaited below
    if ('copyOf' in opts.seed) cpSync(opts.seed.copyOf, dataDir, { recursive: true });
    else {
      mkdirSync(dataDir, { recursive: true });
      await opts.seed.seedInto(dataDir);
    }
    const postgres = await starting;
    log(`PostgreSQL at ${postgres.url}`);
    const database = await createDatabase(postgres.url);
    const copy = opts.run(['--lang', 'en', 'server', 'copy-to', database, '--data', dataDir], 'copy-to');
    processes.push(copy);
    if ((await copy.exited) !== 0) throw new Error(`copy-to failed:\n${copy.output()}`);
    // From now on the store is the PostgreSQL database; nobody must read the SQLite copy by mistake.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `store.db${suffix}`), { force: true });
    log(`store copied into ${database}`);

    front = await reservePort();
    const frontUrl = `http://127.0.0.1:${front.port}`;
    const nodePorts = await Promise.all(Array.from({ length: opts.nodes }, () => reservePort()));
    const nodes = await Promise.all(
      nodePorts.map(async (port, n): Promise<ClusterNode> => {
        await port.release();
        const node = opts.run(
          [
            '--lang',
            'en',
            'server',
            ...['--db', database, '--data', dataDir, '--no-encode'],
            ...['--accel-redirect', ACCEL_PREFIX, '--host', '127.0.0.1', '--port', String(port.port)],
            ...['--public-url', frontUrl],
          ],
          `node-${n + 1}`,
        );
        processes.push(node);
        const [, url] = await node.waitFor(/listening on (http:\S+)/, STARTED_WITHIN_MS);
        log(`node ${n + 1} at ${url}`);
        return { url: url!, process: node };
      }),
    );
    const workers = await Promise.all(
      Array.from({ length: opts.workers }, async (_, n): Promise<ClusterWorker> => {
        const worker = opts.run(
          [
            '--lang',
            'en',
            'server',
            'worker',
            ...['--db', database, '--data', dataDir, '--concurrency', String(opts.concurrency ?? 1)],
          ],
          `worker-${n + 1}`,
        );
        processes.push(worker);
        const [, name] = await worker.waitFor(/worker (\S+) takes encodes from/, STARTED_WITHIN_MS);
        log(`worker ${n + 1}: ${name}`);
        return { name: name!, process: worker };
      }),
    );
    nginx = await startNginx({
      dir: join(opts.dir, 'nginx'),
      port: front,
      sites: (listen) =>
        storeSites({
          listen,
          store: nodes.map((node) => new URL(node.url).host),
          cacheDir: join(dataDir, 'cache'),
          prefix: ACCEL_PREFIX,
          serverName: '127.0.0.1',
        }),
    });
    log(`nginx at ${nginx.url}`);
    return { url: nginx.url, postgres, database, dataDir, nodes, workers, nginx, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
