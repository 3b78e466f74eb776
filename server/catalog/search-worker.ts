// Worker thread of the search pool (search-pool.ts): answers searches one at a time on its own
// read-only connection to the store database.
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchRequest, SearchResponse, SearchWorkerData } from './search-pool.ts';

// node:sqlite is still flagged experimental on Node 22. The main thread has already said so (or
// chose not to): a worker saying it again on every start is noise. Other warnings still print.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

// Loaded after the filter above, since loading them loads node:sqlite.
const { CatalogQueries } = await import('./catalog-queries.ts');
const { CatalogSearch } = await import('./search.ts');
const { SqliteDatabase } = await import('../db/sqlite/sqlite-database.ts');
const { openSearchConnection, toSearchError } = await import('./search-pool.ts');

const data = workerData as SearchWorkerData;
const port = parentPort!;
const db = openSearchConnection(data.path);
// Search loads no files: the catalog's data folder only matters for master paths, which it never reads.
const search = new CatalogSearch(db, new CatalogQueries(new SqliteDatabase(db), dirname(data.path)), {
  candidates: data.candidates,
  workers: 0,
});

port.on('message', async ({ id, query }: SearchRequest) => {
  let response: SearchResponse;
  try {
    response = { id, ok: true, result: await search.searchNow(query) };
  } catch (error) {
    response = { id, ok: false, error: toSearchError(error) };
  }
  port.postMessage(response);
});
port.postMessage({ ready: true } satisfies SearchResponse);
