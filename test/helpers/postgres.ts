// Throw-away PostgreSQL clusters for tests (scripts/cluster/throwaway-postgres.ts, which the local
// cluster script uses too) on ports the test holds, and fresh databases in the run's cluster.
import { inject } from 'vitest';
import {
  createDatabase,
  type PostgresCluster,
  startPostgresCluster as startThrowawayPostgres,
} from '../../scripts/cluster/throwaway-postgres.ts';
import { holdPort } from './ports.ts';

export type { PostgresCluster };

/** A cluster of its own (initdb, a server on a held loopback port), removed by stop() or when the run ends. */
export function startPostgresCluster(): Promise<PostgresCluster> {
  return startThrowawayPostgres({ reservePort: holdPort });
}

/**
 * A new database in the run's cluster (started by global-setup.ts), for one test file: empty, or a
 * copy of `template` (a database nobody is connected to). Databases are not dropped: the whole
 * cluster goes at the end of the run.
 */
export function freshDatabase(
  clusterUrl: string = inject('postgresUrl'),
  template?: string,
): Promise<string> {
  return createDatabase(clusterUrl, template);
}
