// The encode queue's schema, the same statements in both engines (SQLite migration 7, PostgreSQL
// schema 8): order items are the jobs. Each claim of an item is a numbered attempt by a named
// worker, kept alive by heartbeats; an encode in progress is claimed once across every node.
// Kept beside the port, not in either engine's folder, since both engines' migrations import it.
export const ENCODE_QUEUE_SCHEMA = `
ALTER TABLE order_items ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_items ADD COLUMN worker TEXT;
ALTER TABLE order_items ADD COLUMN heartbeat_at TEXT;
CREATE INDEX order_items_waiting ON order_items (state, heartbeat_at) WHERE state IN ('queued', 'encoding');
CREATE TABLE encode_claims (
  track_id INTEGER NOT NULL,
  encoding TEXT NOT NULL,
  encoder_version TEXT NOT NULL,
  worker TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  PRIMARY KEY (track_id, encoding, encoder_version)
);
`;
