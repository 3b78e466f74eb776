// Child-process entry: runs the real store server on a data folder so that the benchmark client does not
// share its event loop. Prints "READY <url>" and closes on SIGTERM, SIGINT or when stdin ends.
import { startServer } from '../../server/start-server.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: server-main.ts <dataDir>');

const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();
process.stdout.write(`READY ${server.url}\n`);
