// Moves a profile's records from one store URL to another that serves the same data: the embedded
// demo on a new port. The ledger mirror, purchases and library are keyed by store URL; left under
// the old one, history would vanish from view and owned albums would be filed twice.
import { inTransaction, type ProfileDb } from './open-profile.ts';

export function repointStore(db: ProfileDb, from: string, to: string): void {
  if (from === to) return;
  inTransaction(db, () => {
    // Rows already under the new URL can only be leftovers of an older run on that port: the rows
    // being moved are the newer copy of the same account.
    const hasHistory = db.prepare('SELECT 1 FROM ledger_state WHERE store = ?').get(from);
    if (hasHistory) {
      db.prepare('DELETE FROM ledger_entries WHERE store = ?').run(to);
      db.prepare('DELETE FROM ledger_state WHERE store = ?').run(to);
    }
    db.prepare('UPDATE OR REPLACE ledger_entries SET store = ? WHERE store = ?').run(to, from);
    db.prepare('UPDATE OR REPLACE ledger_state SET store = ? WHERE store = ?').run(to, from);
    db.prepare('UPDATE purchases SET store = ? WHERE store = ?').run(to, from);
    db.prepare('UPDATE checkouts SET store = ? WHERE store = ?').run(to, from);
    // An album already filed under the new URL keeps its own row; the rest follow.
    db.prepare('UPDATE OR IGNORE library_albums SET store = ? WHERE store = ?').run(to, from);
  });
}
