// Schema migrations, applied in order; PRAGMA user_version records how far a database has come.

import { ENCODE_QUEUE_SCHEMA } from '../sql/queue-schema.ts';

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
  // 2: packs, checkouts paid through a provider, and the money value of every megabyte (lots).
  `
  -- The ledger learns refunds and which payment a movement belongs to; CHECK needs a rebuild.
  CREATE TABLE ledger_v2 (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL CHECK (kind IN ('topup', 'reserve', 'settle', 'release', 'refund')),
    amount_bytes INTEGER NOT NULL,
    reserved_delta_bytes INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    reserved_after INTEGER NOT NULL,
    order_id TEXT,
    item_id TEXT,
    voucher TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    payment_id TEXT,
    paid_micros INTEGER,
    paid_currency TEXT
  );
  INSERT INTO ledger_v2 (id, account_id, kind, amount_bytes, reserved_delta_bytes, balance_after, reserved_after,
      order_id, item_id, voucher, note, created_at)
    SELECT id, account_id, kind, amount_bytes, reserved_delta_bytes, balance_after, reserved_after,
      order_id, item_id, voucher, note, created_at FROM ledger;
  DROP TABLE ledger;
  ALTER TABLE ledger_v2 RENAME TO ledger;
  CREATE INDEX ledger_by_account ON ledger(account_id, id);

  ALTER TABLE vouchers ADD COLUMN kind TEXT NOT NULL DEFAULT 'promotional' CHECK (kind IN ('promotional', 'sold'));
  ALTER TABLE vouchers ADD COLUMN price_micros INTEGER NOT NULL DEFAULT 0 CHECK (price_micros >= 0);

  -- The pack table in force. A checkout copies what it sells, so a change never alters a sale.
  CREATE TABLE packs (
    id TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL CHECK (bytes > 0),
    price_micros INTEGER NOT NULL CHECK (price_micros > 0 AND price_micros % 10000 = 0),
    updated_at TEXT NOT NULL
  );
  CREATE TABLE loyalty_tiers (
    from_micros INTEGER PRIMARY KEY CHECK (from_micros >= 0),
    basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 3333)
  );

  CREATE TABLE payments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_ref TEXT,
    pay_url TEXT,
    pack_id TEXT NOT NULL,
    bytes INTEGER NOT NULL CHECK (bytes > 0),
    currency TEXT NOT NULL,
    amount_micros INTEGER NOT NULL CHECK (amount_micros > 0),
    volume_discount_micros INTEGER NOT NULL,
    loyalty_discount_micros INTEGER NOT NULL,
    quote TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'declined', 'expired', 'refunded')),
    failure TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    paid_at TEXT,
    refunded_at TEXT,
    UNIQUE (account_id, idempotency_key),
    UNIQUE (provider, provider_ref)
  );
  CREATE INDEX payments_pending ON payments(expires_at) WHERE state = 'pending';

  -- Every credit is a lot: bytes and the money received for them. Settles consume lots oldest first.
  CREATE TABLE lots (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    source TEXT NOT NULL CHECK (source IN ('payment', 'voucher', 'grant')),
    payment_id TEXT UNIQUE REFERENCES payments(id),
    voucher TEXT,
    bytes INTEGER NOT NULL CHECK (bytes > 0),
    money_micros INTEGER NOT NULL CHECK (money_micros >= 0),
    currency TEXT NOT NULL,
    consumed_bytes INTEGER NOT NULL DEFAULT 0,
    consumed_micros INTEGER NOT NULL DEFAULT 0,
    refunded_bytes INTEGER NOT NULL DEFAULT 0,
    refunded_micros INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK (consumed_bytes >= 0 AND refunded_bytes >= 0 AND consumed_bytes + refunded_bytes <= bytes),
    CHECK (consumed_micros >= 0 AND refunded_micros >= 0 AND consumed_micros + refunded_micros <= money_micros)
  );
  CREATE INDEX lots_open ON lots(account_id, id) WHERE consumed_bytes + refunded_bytes < bytes;

  -- What each ledger movement took from (or gave back to) each lot, with its money value.
  CREATE TABLE lot_moves (
    id INTEGER PRIMARY KEY,
    ledger_id INTEGER NOT NULL REFERENCES ledger(id),
    lot_id INTEGER NOT NULL REFERENCES lots(id),
    kind TEXT NOT NULL CHECK (kind IN ('settle', 'refund')),
    bytes INTEGER NOT NULL,
    micros INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX lot_moves_by_lot ON lot_moves(lot_id);
  CREATE INDEX lot_moves_by_day ON lot_moves(created_at) WHERE kind = 'settle';

  -- Balances from before lots existed become one free lot each, so lots always sum to balances.
  INSERT INTO lots (account_id, source, bytes, money_micros, currency, created_at)
    SELECT id, 'grant', balance_bytes, 0, 'USD', created_at FROM accounts WHERE balance_bytes > 0;

  -- Provider events seen, so a replay credits nothing; and every refused webhook, for the operator.
  CREATE TABLE webhook_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    payment_id TEXT,
    type TEXT NOT NULL,
    outcome TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (provider, event_id)
  ) WITHOUT ROWID;
  CREATE TABLE webhook_rejections (
    id INTEGER PRIMARY KEY,
    provider TEXT NOT NULL,
    reason TEXT NOT NULL,
    received_at TEXT NOT NULL
  );

  -- The built-in test provider's own side: what the buyer did on its page.
  CREATE TABLE test_provider_charges (
    ref TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    amount_micros INTEGER NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'needs_action', 'succeeded', 'declined', 'refunded')),
    card_last4 TEXT,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 3: rights holders, royalties and statements; takedowns with their audit log; territories.
  `
  CREATE TABLE rights_holders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email TEXT,
    -- NULL: the store's rate. Basis points of the money value of what was sold.
    royalty_bp INTEGER CHECK (royalty_bp BETWEEN 0 AND 10000),
    token_sha256 TEXT UNIQUE,
    created_at TEXT NOT NULL
  );
  ALTER TABLE albums ADD COLUMN rights_holder_id INTEGER REFERENCES rights_holders(id);
  ALTER TABLE albums ADD COLUMN upc TEXT;
  -- NULL: licensed everywhere; otherwise a JSON array of ISO 3166-1 alpha-2 codes.
  ALTER TABLE albums ADD COLUMN territories TEXT;
  ALTER TABLE tracks ADD COLUMN rights_holder_id INTEGER REFERENCES rights_holders(id);
  ALTER TABLE accounts ADD COLUMN country TEXT NOT NULL DEFAULT 'US';
  -- The buyer's country at the time of the order: statements are per territory.
  ALTER TABLE orders ADD COLUMN territory TEXT;
  ALTER TABLE order_items ADD COLUMN reversed_at TEXT;

  -- Royalty owed on every settle, per track and rights holder. Append-only: corrections are new lines.
  CREATE TABLE royalty_lines (
    id INTEGER PRIMARY KEY,
    rights_holder_id INTEGER NOT NULL REFERENCES rights_holders(id),
    ledger_id INTEGER NOT NULL REFERENCES ledger(id),
    order_id TEXT,
    item_id TEXT,
    album_id INTEGER NOT NULL REFERENCES albums(id),
    track_id INTEGER NOT NULL REFERENCES tracks(id),
    territory TEXT NOT NULL,
    units INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    revenue_micros INTEGER NOT NULL,
    royalty_micros INTEGER NOT NULL,
    rate_bp INTEGER NOT NULL,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX royalty_lines_open ON royalty_lines(rights_holder_id, created_at);
  CREATE TRIGGER royalty_lines_append_only_u BEFORE UPDATE ON royalty_lines
    BEGIN SELECT RAISE(ABORT, 'royalty lines are never changed'); END;
  CREATE TRIGGER royalty_lines_append_only_d BEFORE DELETE ON royalty_lines
    BEGIN SELECT RAISE(ABORT, 'royalty lines are never deleted'); END;
  -- Per rights holder: the sum of revenue x rate in micro x basis points, as a decimal string
  -- (it outgrows 2^53), and the whole micros owed so far. The difference is the carried fraction.
  CREATE TABLE royalty_carry (
    rights_holder_id INTEGER PRIMARY KEY REFERENCES rights_holders(id),
    accrued TEXT NOT NULL,
    owed_micros INTEGER NOT NULL
  );

  CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    rights_holder_id INTEGER NOT NULL REFERENCES rights_holders(id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    currency TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (rights_holder_id, period_start, period_end)
  );
  CREATE TABLE statement_lines (
    royalty_line_id INTEGER PRIMARY KEY REFERENCES royalty_lines(id),
    statement_id INTEGER NOT NULL REFERENCES statements(id)
  );
  CREATE TRIGGER statements_immutable BEFORE UPDATE ON statements
    BEGIN SELECT RAISE(ABORT, 'an issued statement is never changed'); END;

  CREATE TABLE takedown_notices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('notice', 'counter')),
    refers_to TEXT REFERENCES takedown_notices(id),
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('received', 'approved', 'rejected')),
    received_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_note TEXT
  );
  -- Works off sale, and the notice that took them off; a restore ends the row (lifted_at).
  CREATE TABLE takedowns (
    id INTEGER PRIMARY KEY,
    notice_id TEXT NOT NULL REFERENCES takedown_notices(id),
    album_id INTEGER REFERENCES albums(id),
    track_id INTEGER REFERENCES tracks(id),
    since TEXT NOT NULL,
    lifted_at TEXT,
    lifted_by_notice TEXT,
    CHECK ((album_id IS NULL) != (track_id IS NULL))
  );
  CREATE INDEX takedowns_active_albums ON takedowns(album_id) WHERE lifted_at IS NULL;
  CREATE INDEX takedowns_active_tracks ON takedowns(track_id) WHERE lifted_at IS NULL;
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT
  );
  CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // 4: the full-text indexes hold search keys (folded case and ё/е, plus the Latin spelling of
  // Cyrillic names) instead of the names themselves; rebuilt from the tables. search_key() is
  // registered by openDatabase.
  `
  DELETE FROM artists_fts;
  INSERT INTO artists_fts (rowid, name) SELECT id, search_key(name) FROM artists;
  DELETE FROM albums_fts;
  INSERT INTO albums_fts (rowid, title, artist, label)
    SELECT a.id, search_key(a.title), search_key(ar.name), search_key(COALESCE(a.label, ''))
    FROM albums a JOIN artists ar ON ar.id = a.artist_id;
  DELETE FROM tracks_fts;
  INSERT INTO tracks_fts (rowid, title, artists, album)
    SELECT t.id, search_key(t.title),
      search_key(COALESCE((SELECT group_concat(name, ' ') FROM (
        SELECT ar.name FROM track_artists ta JOIN artists ar ON ar.id = ta.artist_id
        WHERE ta.track_id = t.id ORDER BY ta.position)), '')),
      search_key(a.title)
    FROM tracks t JOIN albums a ON a.id = t.album_id;
  `,
  // 5: prefix indexes for 2 to 10 letters (were 2 and 3), so the last word of a search, matched as a
  // prefix as you type, reads a stored doclist lazily instead of merging the doclists of every word
  // that starts with it; the index is rebuilt from its own content (the search keys) and optimized.
  `
  CREATE VIRTUAL TABLE artists_fts_v5 USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10');
  INSERT INTO artists_fts_v5 (rowid, name) SELECT rowid, name FROM artists_fts;
  DROP TABLE artists_fts;
  ALTER TABLE artists_fts_v5 RENAME TO artists_fts;
  INSERT INTO artists_fts (artists_fts) VALUES ('optimize');
  CREATE VIRTUAL TABLE albums_fts_v5 USING fts5(title, artist, label, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10');
  INSERT INTO albums_fts_v5 (rowid, title, artist, label) SELECT rowid, title, artist, label FROM albums_fts;
  DROP TABLE albums_fts;
  ALTER TABLE albums_fts_v5 RENAME TO albums_fts;
  INSERT INTO albums_fts (albums_fts) VALUES ('optimize');
  CREATE VIRTUAL TABLE tracks_fts_v5 USING fts5(title, artists, album, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6 7 8 9 10');
  INSERT INTO tracks_fts_v5 (rowid, title, artists, album) SELECT rowid, title, artists, album FROM tracks_fts;
  DROP TABLE tracks_fts;
  ALTER TABLE tracks_fts_v5 RENAME TO tracks_fts;
  INSERT INTO tracks_fts (tracks_fts) VALUES ('optimize');
  `,
  // 6: the order notices were filed in, as a column of its own: the list broke ties of received_at
  // on rowid, which PostgreSQL does not have (the table's key is the receipt id, random).
  `
  ALTER TABLE takedown_notices ADD COLUMN filed_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE takedown_notices SET filed_seq = rowid;
  CREATE UNIQUE INDEX takedown_notices_filed_seq ON takedown_notices(filed_seq) WHERE filed_seq > 0;
  `,
  // 7: order items are the encode queue (server/orders/encode-queue.ts): each claim is a numbered
  // attempt by a named worker that sends heartbeats; encodes in progress, one per (track, encoding,
  // encoder version) across every node.
  `
  ${ENCODE_QUEUE_SCHEMA}
  `,
];
