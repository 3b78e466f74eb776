// Schema of the client profile database (settings, ledger mirror, purchases, download jobs).

export const profileMigrations: string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE ledger_entries (
    store TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount_bytes INTEGER NOT NULL,
    reserved_delta_bytes INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    reserved_after INTEGER NOT NULL,
    order_id TEXT,
    item_id TEXT,
    voucher TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (store, account_id, id)
  ) WITHOUT ROWID;

  CREATE TABLE ledger_state (
    store TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    cursor TEXT,
    balance_bytes INTEGER NOT NULL,
    reserved_bytes INTEGER NOT NULL,
    as_of TEXT NOT NULL,
    mismatch TEXT,
    PRIMARY KEY (store, account_id)
  ) WITHOUT ROWID;

  CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    store TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    album_id INTEGER NOT NULL,
    album_title TEXT NOT NULL,
    artist_name TEXT NOT NULL,
    encoding TEXT NOT NULL,
    track_ids TEXT,
    high_bytes INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'ordered', 'failed')),
    order_id TEXT,
    error_code TEXT,
    error_message TEXT,
    created_at TEXT NOT NULL
  );

  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases(id),
    order_id TEXT NOT NULL,
    item_id TEXT NOT NULL UNIQUE,
    track_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    position REAL NOT NULL,
    state TEXT NOT NULL CHECK (state IN
      ('waiting_encode', 'queued', 'downloading', 'verifying', 'done', 'failed', 'paused', 'cancelled')),
    paused_from TEXT,
    bytes_total INTEGER,
    sha256 TEXT,
    url TEXT,
    checkpoint_bytes INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    part_path TEXT,
    final_path TEXT,
    tags TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error_message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX jobs_by_state ON jobs(state, position);
  `,
];
