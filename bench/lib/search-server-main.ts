// Child-process entry for the search benchmark: the real store server on a data folder, plus an
// event-loop delay monitor the benchmark turns on and off over stdin (eld-over-stdin.ts). Prints
// "READY <url>"; closes on SIGTERM, SIGINT or when stdin ends.
import { startServer } from '../../server/start-server.ts';
import { serveEldOverStdin } from './eld-over-stdin.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: search-server-main.ts <dataDir>');

const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  eld.disable();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
const eld = serveEldOverStdin(shutdown);
process.stdout.write(`READY ${server.url}\n`);
