// A search worker for search-pool tests: gets ready, then ends its thread on the first search ("crash"),
// or never gets ready when its workerData asks it to fail at start.
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort!;
if ((workerData as { failAtStart?: boolean }).failAtStart) process.exit(3);
port.on('message', () => process.exit(7));
port.postMessage({ ready: true });
