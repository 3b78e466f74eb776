// Test double for a parse that eats memory without bound, as a hostile file could make a parser do.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(100_000).fill(Math.random()));
});
