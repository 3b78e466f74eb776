// PostgreSQL schema 8: the encode queue (SQLite migration 7), the same statements as there.
export { ENCODE_QUEUE_SCHEMA as encodeQueueSchema } from '../../sql/queue-schema.ts';
