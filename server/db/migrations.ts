// Schema migrations, applied in order; PRAGMA user_version records how far a database has come.

export const migrations: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE artists (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );

  CREATE TABLE albums (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    artist_id INTEGER NOT NULL REFERENCES artists(id),
    release_date TEXT NOT NULL,
    year INTEGER,
    label TEXT,
    genres TEXT NOT NULL DEFAULT '[]',
    disc_count INTEGER NOT NULL,
    track_count INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    cover_sizes TEXT NOT NULL DEFAULT '[]',
    sales INTEGER NOT NULL DEFAULT 0,
    rg_gain REAL,
    rg_peak REAL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX albums_by_release ON albums(release_date DESC, id DESC);
  CREATE INDEX albums_by_sales ON albums(sales DESC, id DESC);
  CREATE INDEX albums_by_artist ON albums(artist_id, release_date DESC);

  CREATE TABLE genres (slug TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE album_genres (
    genre_slug TEXT NOT NULL REFERENCES genres(slug),
    album_id INTEGER NOT NULL REFERENCES albums(id),
    release_date TEXT NOT NULL,
    PRIMARY KEY (genre_slug, release_date, album_id)
  ) WITHOUT ROWID;

  CREATE TABLE tracks (
    id INTEGER PRIMARY KEY,
    album_id INTEGER NOT NULL REFERENCES albums(id),
    disc_number INTEGER NOT NULL,
    track_number INTEGER NOT NULL,
    title TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    isrc TEXT,
    master_path TEXT NOT NULL,
    master_bytes INTEGER NOT NULL,
    sample_rate INTEGER NOT NULL,
    channels INTEGER NOT NULL,
    bits_per_sample INTEGER NOT NULL,
    rg_gain REAL,
    rg_peak REAL
  );
  CREATE INDEX tracks_by_album ON tracks(album_id, disc_number, track_number);

  CREATE TABLE track_artists (
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    position INTEGER NOT NULL,
    artist_id INTEGER NOT NULL REFERENCES artists(id),
    PRIMARY KEY (track_id, position)
  ) WITHOUT ROWID;

  CREATE VIRTUAL TABLE artists_fts USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
  CREATE VIRTUAL TABLE albums_fts USING fts5(title, artist, label, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
  CREATE VIRTUAL TABLE tracks_fts USING fts5(title, artists, album, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    balance_bytes INTEGER NOT NULL DEFAULT 0,
    reserved_bytes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    -- The database itself refuses a negative available balance.
    CHECK (reserved_bytes >= 0 AND reserved_bytes <= balance_bytes)
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );

  CREATE TABLE ledger (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL CHECK (kind IN ('topup', 'reserve', 'settle', 'release')),
    amount_bytes INTEGER NOT NULL,
    reserved_delta_bytes INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    reserved_after INTEGER NOT NULL,
    order_id TEXT,
    item_id TEXT,
    voucher TEXT,
    note TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX ledger_by_account ON ledger(account_id, id);

  CREATE TABLE vouchers (
    code TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL CHECK (bytes > 0),
    redeemed_by INTEGER REFERENCES accounts(id),
    redeemed_at TEXT,
    created_at TEXT NOT NULL
  );

  CREATE TABLE orders (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    album_id INTEGER NOT NULL REFERENCES albums(id),
    encoding TEXT NOT NULL,
    state TEXT NOT NULL,
    reserved_bytes INTEGER NOT NULL,
    charged_bytes INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    completed_at TEXT
  );
  CREATE INDEX orders_by_account ON orders(account_id, seq DESC);
  CREATE INDEX orders_open ON orders(state) WHERE state = 'processing';

  CREATE TABLE order_items (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    position INTEGER NOT NULL,
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    state TEXT NOT NULL CHECK (state IN ('queued', 'encoding', 'ready', 'failed')),
    reserved_bytes INTEGER NOT NULL,
    charged_bytes INTEGER,
    already_owned INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER,
    sha256 TEXT,
    file_path TEXT,
    error_code TEXT,
    error_message TEXT,
    ready_at TEXT
  );
  CREATE INDEX order_items_by_order ON order_items(order_id, position);

  CREATE TABLE ownership (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    encoding TEXT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (account_id, track_id, encoding)
  ) WITHOUT ROWID;

  CREATE TABLE idempotency_keys (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    status INTEGER,
    response TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
  ) WITHOUT ROWID;

  CREATE TABLE encodes (
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    encoding TEXT NOT NULL,
    encoder_version TEXT NOT NULL,
    path TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (track_id, encoding, encoder_version)
  ) WITHOUT ROWID;
  `,
];
