// PostgreSQL schema 7: the order notices were filed in (SQLite migration 6), which SQLite's list
// took from rowid.

export const noticeOrderSchema = `
ALTER TABLE takedown_notices ADD COLUMN filed_seq BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX takedown_notices_filed_seq ON takedown_notices(filed_seq) WHERE filed_seq > 0;
`;
