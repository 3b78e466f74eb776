// Territories: where a release is licensed for sale, and the country each account buys from.
import type { Db } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
import type { AuditLog } from '../rights/audit-log.ts';

/** The release's territories (ISO 3166-1 alpha-2), or null when it is licensed everywhere. */
export function territoryList(stored: string | null): string[] | null {
  if (stored === null) return null;
  const list = JSON.parse(stored) as unknown;
  return Array.isArray(list) ? list.map((c) => String(c).toUpperCase()) : null;
}

/** Licensed everywhere, or in this country. An unknown country (null) is in no list. */
export function licensedIn(stored: string | null, country: string | null): boolean {
  const list = territoryList(stored);
  return list === null || (country !== null && list.includes(country));
}

export function accountCountry(db: Db, accountId: number): string {
  const row = db.prepare('SELECT country FROM accounts WHERE id = ?').get(accountId) as
    | { country: string }
    | undefined;
  if (!row) throw new StoreError('NOT_FOUND', 404, 'account not found');
  return row.country;
}

export class AccountCountries {
  readonly #db: Db;
  readonly #audit: AuditLog;

  constructor(db: Db, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  /** The operator moves an account to another country; audited with the old and new country. */
  set(email: string, country: string, actor: string): { email: string; country: string } {
    const row = this.#db.prepare('SELECT id, country FROM accounts WHERE email = ?').get(email) as
      | { id: number; country: string }
      | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 404, `no account ${email}`);
    this.#db.prepare('UPDATE accounts SET country = ? WHERE id = ?').run(country, row.id);
    this.#audit.record(actor, 'account.country', `account:${email}`, `${row.country} -> ${country}`);
    return { email, country };
  }

  /** The operator licenses a release everywhere (null) or in a list of countries; audited. */
  setRelease(
    albumId: number,
    countries: string[] | null,
    actor: string,
  ): { albumId: number; territories: string[] | null } {
    const row = this.#db.prepare('SELECT territories FROM albums WHERE id = ?').get(albumId) as
      | { territories: string | null }
      | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 404, `album ${albumId} not found`);
    const list = countries === null ? null : [...new Set(countries.map((c) => c.toUpperCase()))].sort();
    if (list !== null && list.length === 0)
      throw new StoreError(
        'VALIDATION_FAILED',
        400,
        'a release is licensed in at least one country, or everywhere',
      );
    this.#db
      .prepare('UPDATE albums SET territories = ? WHERE id = ?')
      .run(list ? JSON.stringify(list) : null, albumId);
    this.#audit.record(
      actor,
      'release.territories',
      `album:${albumId}`,
      `${row.territories ?? 'everywhere'} -> ${list ? JSON.stringify(list) : 'everywhere'}`,
    );
    return { albumId, territories: list };
  }
}
