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
  `
  -- 1: the offline library index. Albums and tracks are keyed by their store ids; every file is one
  -- encoding of one track, so several encodings of an album live side by side. path is relative to
  -- the library root; path_key (NFC, lower case) keeps two files from differing only by case.
  CREATE TABLE library_albums (
    id INTEGER PRIMARY KEY,
    store TEXT NOT NULL,
    store_album_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    album_artist TEXT NOT NULL,
    year INTEGER,
    added_at TEXT NOT NULL,
    UNIQUE (store, store_album_id)
  );

  CREATE TABLE library_tracks (
    id INTEGER PRIMARY KEY,
    album_id INTEGER NOT NULL REFERENCES library_albums(id) ON DELETE CASCADE,
    store_track_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    artists TEXT NOT NULL,
    disc_number INTEGER NOT NULL,
    track_number INTEGER NOT NULL,
    isrc TEXT,
    UNIQUE (album_id, store_track_id)
  );

  CREATE TABLE library_files (
    id INTEGER PRIMARY KEY,
    track_id INTEGER NOT NULL REFERENCES library_tracks(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    path_key TEXT NOT NULL UNIQUE,
    encoding TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    purchase_id INTEGER,
    order_id TEXT,
    item_id TEXT,
    status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'missing', 'changed')),
    added_at TEXT NOT NULL,
    verified_at TEXT,
    tags TEXT NOT NULL
  );
  CREATE INDEX library_files_by_track ON library_files(track_id);
  CREATE INDEX library_files_by_sha256 ON library_files(sha256);
  `,
  `
  -- 2: indexes for the app's views. The library's track list pages in (album artist, album, disc,
  -- track) order straight off these covering indexes, so LIMIT/OFFSET needs no sort; spend joins
  -- settled ledger entries to purchases by order id; a finished job finds its purchase's siblings;
  -- the downloads list reads the queue in order without sorting it.
  CREATE INDEX library_albums_by_artist ON library_albums(album_artist COLLATE NOCASE, title COLLATE NOCASE, id);
  CREATE INDEX library_tracks_by_album ON library_tracks(album_id, disc_number, track_number, id);
  CREATE INDEX library_files_by_track_encoding ON library_files(track_id, encoding, id);
  CREATE INDEX purchases_by_order ON purchases(order_id);
  CREATE INDEX jobs_by_purchase ON jobs(purchase_id, state);
  CREATE INDEX jobs_by_position ON jobs(position, id);
  `,
  `
  -- 3: paid top-ups. Ledger entries learn the checkout they belong to and the money paid for a
  -- top-up or given back by a refund (integer micros, as the store sends it). Entries mirrored
  -- before this version lack both, so every cursor is reset: the next sync reads the history again
  -- and fills them in (entries are immutable at the store; only these columns change).
  ALTER TABLE ledger_entries ADD COLUMN payment_id TEXT;
  ALTER TABLE ledger_entries ADD COLUMN paid_micros INTEGER;
  ALTER TABLE ledger_entries ADD COLUMN paid_currency TEXT;
  ALTER TABLE ledger_entries ADD COLUMN paid_display TEXT;
  CREATE INDEX ledger_entries_by_payment ON ledger_entries(payment_id) WHERE payment_id IS NOT NULL;
  UPDATE ledger_state SET cursor = NULL;

  -- Checkouts this profile started. The Idempotency-Key is stored before the first send, so a retry
  -- after a lost answer (or a crash) gets the same checkout back instead of a second one. state is
  -- 'sending' until the store has answered, then the checkout's own state; 'failed' when refused.
  CREATE TABLE checkouts (
    id INTEGER PRIMARY KEY,
    store TEXT NOT NULL,
    account_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    pack_id TEXT NOT NULL,
    checkout_id TEXT,
    state TEXT NOT NULL CHECK (state IN
      ('sending', 'failed', 'pending', 'paid', 'declined', 'expired', 'refunded')),
    error_code TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX checkouts_sending ON checkouts(store, account_id, pack_id) WHERE state = 'sending';
  CREATE INDEX checkouts_by_checkout ON checkouts(checkout_id);
  `,
  `
  -- 4: what the store last said about selling each album (takedowns, territories), so the library
  -- can mark owned albums no longer sold while the store is out of reach. One row per store album;
  -- taken-down albums stay here as long as their files stay in the library.
  CREATE TABLE album_availability (
    store TEXT NOT NULL,
    store_album_id INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('on_sale', 'taken_down', 'not_in_territory')),
    reason TEXT,
    notice_url TEXT,
    redownload INTEGER NOT NULL,
    checked_at TEXT NOT NULL,
    PRIMARY KEY (store, store_album_id)
  );
  `,
  `
  -- 5: library search keys, one per album (title, album artist) and track (title, artists): folded
  -- case and ё/е, plus the Latin spelling of Cyrillic text, so LIKE finds «Кино» by "кино" or
  -- "kino". Fields are on separate lines so a query never matches across two of them.
  -- library_album_key() and library_track_key() are registered by openProfile.
  ALTER TABLE library_albums ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE library_tracks ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
  UPDATE library_albums SET search_key = library_album_key(title, album_artist);
  UPDATE library_tracks SET search_key = library_track_key(title, artists);
  `,
];
