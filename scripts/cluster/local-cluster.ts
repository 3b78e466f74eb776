// `npm run cluster:local` (node scripts/cluster/local-cluster.ts [--dir DIR] [--nodes 3] [--workers 2]
// [--scale 1]): the store as a cluster on loopback, seeded with the demo catalog: a throw-away
// PostgreSQL, API nodes, encode workers and nginx in front (start-cluster.ts). Prints where to go,
// and stops everything on Ctrl-C.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type DemoInfo, seedDemo } from '../../server/demo/seed-demo.ts';
import { openStore } from '../../server/store/open-store.ts';
import { megadiscLoggingTo } from './megadisc-process.ts';
import { startLocalCluster } from './start-cluster.ts';

// node:sqlite is stable in practice but still flagged experimental on Node 22 (as in bin/megadisc.js).
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      nodes: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      scale: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const nodes = Number(values.nodes);
  const workers = Number(values.workers);
  const scale = Number(values.scale);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) throw new Error('--nodes is 1-16');
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new Error('--workers is 1-16');
  if (!(scale > 0 && scale <= 1))
    throw new Error('--scale (the demo tracks’ length) is more than 0, at most 1');
  // A folder of our own goes when we stop; one the user named stays, with its logs and encodes.
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'megadisc-cluster-'));
  let demo: DemoInfo | undefined;
  say(`starting a store cluster in ${dir} (logs in ${join(dir, 'logs')})…`);
  const cluster = await startLocalCluster({
    dir,
    nodes,
    workers,
    run: megadiscLoggingTo(join(dir, 'logs')),
    seed: {
      seedInto: async (dataDir) => {
        say('seeding the demo catalog (this synthesizes the music locally)…');
        const store = await openStore({ dataDir });
        try {
          demo = await seedDemo(store, { durationScale: scale });
        } finally {
          await store.close();
        }
      },
    },
    log: (line) => say(`  ${line}`),
  });
  const stopping = new Promise<void>((done) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
  });
  say('');
  say(`Megadisc store cluster: ${cluster.url}`);
  say(`  demo account:  ${demo?.email} / ${demo?.password}`);
  say(`  vouchers:      ${demo?.unusedVouchers.map((v) => v.code).join(', ') || 'none'}`);
  say(`  API nodes:     ${cluster.nodes.map((n) => n.url).join(', ')}`);
  say(`  workers:       ${cluster.workers.map((w) => w.name).join(', ')}`);
  say(`  database:      ${cluster.database}`);
  say(`  data folder:   ${cluster.dataDir}`);
  say(`  buy from it:   npx megadisc login --store ${cluster.url} --email ${demo?.email} --password demo`);
  say(`  check it:      npx megadisc server check-ledger --db ${cluster.database} --data ${cluster.dataDir}`);
  say('Ctrl-C stops everything.');
  // A node or worker that dies on its own is said, not restarted: the cluster goes on without it.
  for (const part of [...cluster.nodes, ...cluster.workers])
    void part.process.exited.then((code) => {
      if (code !== 0) say(`a cluster process ended (${code ?? 'killed'}); see ${join(dir, 'logs')}`);
    });
  await stopping;
  say('stopping…');
  await cluster.stop();
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`local cluster: ${error.message}\n`);
    process.exit(1);
  },
);
