// Test double for a parser stuck in an endless loop: takes the request and never answers.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  for (;;) {
    // spin: only terminate() gets this thread back
  }
});
