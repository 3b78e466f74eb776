// Throw-away PostgreSQL clusters for tests: initdb in a temp folder, a server on a loopback port and
// a socket in that folder, run as the `postgres` user when we are root (PostgreSQL refuses root),
// stopped and removed at the end, on SIGINT/SIGTERM, or by a watchdog if this process dies.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import { holdPort } from './ports.ts';

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

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const fromEnv = process.env.MEGADISC_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const newest = majors
    .sort((a, b) => Number(b) - Number(a))
    .find((v) => existsSync(join(root, v, 'bin/initdb')));
  if (!newest) {
    throw new Error(
      'PostgreSQL is not installed: the store tests run on PostgreSQL too and need its server binaries ' +
        `(no ${root}/<version>/bin/initdb). Install the Debian package "postgresql" (.ci/run does), ` +
        'or set MEGADISC_PG_BIN to the folder holding initdb and pg_ctl.',
    );
  }
  return join(root, newest, 'bin');
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

export async function startPostgresCluster(): Promise<PostgresCluster> {
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
    const held = await holdPort();
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
 * A new database in the run's cluster (started by global-setup.ts), for one test file: empty, or a
 * copy of `template` (a database nobody is connected to). Databases are not dropped: the whole
 * cluster goes at the end of the run.
 */
export async function freshDatabase(
  clusterUrl: string = inject('postgresUrl'),
  template?: string,
): Promise<string> {
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
