// Opens the client profile's SQLite database (node:sqlite, WAL) and runs its migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { profileMigrations } from './profile-migrations.ts';
import { albumSearchKey, trackSearchKey } from './search-keys.ts';

export type ProfileDb = DatabaseSync;

export function openProfile(home: string): ProfileDb {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(join(home, 'profile.db'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Migration 5 fills in the library's search keys with these.
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const options = { deterministic: true };
  db.function('library_album_key', options, (title, artist) => albumSearchKey(text(title), text(artist)));
  db.function('library_track_key', options, (title, artists) => trackSearchKey(text(title), text(artists)));
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let v = version; v < profileMigrations.length; v++) {
    inTransaction(db, () => {
      db.exec(profileMigrations[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
    });
  }
  return db;
}

/** BEGIN IMMEDIATE … COMMIT around a synchronous function; nests by joining the open transaction. */
export function inTransaction<T>(db: ProfileDb, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
