// Opens the store's SQLite database (node:sqlite, WAL) and applies its migrations. Everything else
// reaches it through the storage port (sqlite-database.ts), which runs the transactions.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { searchKey } from '../../../api/text/search-fold.ts';
import { migrations } from './migrations.ts';

export type Db = DatabaseSync;

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: a committed money movement survives power loss, not only a process crash.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // The full-text indexes hold search keys; migrations rebuild them with this.
  db.function('search_key', { deterministic: true }, (text) => searchKey(String(text ?? '')));
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let version = row.user_version; version < migrations.length; version++) {
    // Each migration and its version number commit together, or neither does.
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
