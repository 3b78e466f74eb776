// The PostgreSQL schema migrations, applied in order; schema_migrations records how far a database
// has come. The SQLite migrations (server/db/sqlite/migrations.ts) are the other set: a schema change is
// written once for each, and test/integration/server/db/schema-parity.test.ts holds them to the same tables.
import { catalogSchema } from './schema/01-catalog.ts';
import { accountsOrdersSchema } from './schema/02-accounts-orders.ts';
import { paymentsLotsSchema } from './schema/03-payments-lots.ts';
import { rightsRoyaltiesSchema } from './schema/04-rights-royalties.ts';
import { takedownsAuditSchema } from './schema/05-takedowns-audit.ts';
import { searchSchema } from './schema/06-search.ts';
import { noticeOrderSchema } from './schema/07-notice-order.ts';
import { encodeQueueSchema } from './schema/08-encode-queue.ts';

export interface PostgresMigration {
  name: string;
  sql: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [
  { name: 'catalog', sql: catalogSchema },
  { name: 'accounts-orders', sql: accountsOrdersSchema },
  { name: 'payments-lots', sql: paymentsLotsSchema },
  { name: 'rights-royalties', sql: rightsRoyaltiesSchema },
  { name: 'takedowns-audit', sql: takedownsAuditSchema },
  { name: 'search', sql: searchSchema },
  { name: 'notice-order', sql: noticeOrderSchema },
  { name: 'encode-queue', sql: encodeQueueSchema },
];
