// Throw-away PostgreSQL clusters for tests and the local cluster: initdb in a temp folder, a server on
// a loopback port and a socket in that folder, run as the `postgres` user when we are root
// (PostgreSQL refuses root), stopped and removed at the end, on SIGINT/SIGTERM, or by a watchdog if
// this process dies.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresCluster {
  /** The cluster's `postgres` database, as its superuser (trust authentication, loopback only). */
  url: string;
  /** Stops the server, keeping its data: connections fail until resume(). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** A loopback port kept bound until the server that is to listen on it is about to start. */
export interface ReservedPort {
  port: number;
  release(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Picks the server's port; by default one the kernel hands out (tests pass a held port). */
  reservePort?: () => Promise<ReservedPort>;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.MEGADISC_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = majors
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => existsSync(join(root, v, 'bin/initdb')));
  return newest ? join(root, newest, 'bin') : null;
}

function postgresBin(): string {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed: its server binaries are needed (no /usr/lib/postgresql/<version>/bin/initdb). ' +
        'Install the Debian package "postgresql" (.ci/run does), or set MEGADISC_PG_BIN to the folder ' +
        'holding initdb and pg_ctl.',
    );
  }
  return bin;
}

/** A port the kernel hands out for bind(0), free again once released. */
export function anyFreePort(): Promise<ReservedPort> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ port, release: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
async function pgTool(bin: string, tool: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args];
  try {
    await run(file, argv, { timeout: 120_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${tool} failed: ${(error as Error).message}\n${stdout}${stderr}`, { cause: error });
  }
}

export async function startPostgresCluster(opts: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-pg-'));
  const data = join(dir, 'data');
  if (asRoot) spawnSync('chown', ['postgres:', dir], { stdio: 'inherit' });
  // Killed without a chance to clean up (kill -9, a crash): the watchdog stops the server for us.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null; do sleep 1; done; ' +
        'pid=$(head -n 1 "$2/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid"; sleep 1; rm -rf "$3"',
      'watchdog',
      String(process.pid),
      data,
      dir,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const removeSync = () => {
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [
      ...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
      ...['stop', '-D', data, '-m', 'immediate', '-w'],
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeSync();
    // Nobody else handles the signal: let it end the process as it would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forget = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    watchdog.kill();
  };

  try {
    // C locale: text sorts by code point, as SQLite's BINARY collation does. -N: no fsync, tests only.
    await pgTool(bin, 'initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '-N',
    ]);
    const held = await (opts.reservePort ?? anyFreePort)();
    const options = [
      `-k ${dir} -p ${held.port} -c listen_addresses=127.0.0.1`,
      // Durability is not what tests test; crash safety would only cost time.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
    ].join(' ');
    const start = () =>
      pgTool(bin, 'pg_ctl', [
        'start',
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        options,
      ]);
    await held.release();
    await start();
    return {
      url: `postgres://postgres@127.0.0.1:${held.port}/postgres`,
      pause: () => pgTool(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']),
      resume: start,
      stop: async () => {
        forget();
        await pgTool(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    forget();
    removeSync();
    throw error;
  }
}

/**
 * A new database in a cluster: empty, or a copy of `template` (a database nobody is connected to).
 * Returns its URL.
 */
export async function createDatabase(clusterUrl: string, template?: string): Promise<string> {
  const name = `megadisc_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
