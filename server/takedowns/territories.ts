// Territories: where a release is licensed for sale, and the country each account buys from.
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
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

export async function accountCountry(db: Sql, accountId: number): Promise<string> {
  const row = await db.get<{ country: string }>('SELECT country FROM accounts WHERE id = ?', accountId);
  if (!row) throw new StoreError('NOT_FOUND', 404, 'account not found');
  return row.country;
}

export class AccountCountries {
  readonly #db: Database;
  readonly #audit: AuditLog;

  constructor(db: Database, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  /** The operator moves an account to another country; audited with the old and new country. */
  async set(email: string, country: string, actor: string): Promise<{ email: string; country: string }> {
    return this.#db.tx(async (q) => {
      const row = await q.get<{ id: number; country: string }>(
        'SELECT id, country FROM accounts WHERE email = ?',
        email,
      );
      if (!row) throw new StoreError('NOT_FOUND', 404, `no account ${email}`);
      await q.run('UPDATE accounts SET country = ? WHERE id = ?', country, row.id);
      await this.#audit.append(
        q,
        actor,
        'account.country',
        `account:${email}`,
        `${row.country} -> ${country}`,
      );
      return { email, country };
    });
  }

  /** The operator licenses a release everywhere (null) or in a list of countries; audited. */
  async setRelease(
    albumId: number,
    countries: string[] | null,
    actor: string,
  ): Promise<{ albumId: number; territories: string[] | null }> {
    const list = countries === null ? null : [...new Set(countries.map((c) => c.toUpperCase()))].sort();
    return this.#db.tx(async (q) => {
      const row = await q.get<{ territories: string | null }>(
        'SELECT territories FROM albums WHERE id = ?',
        albumId,
      );
      if (!row) throw new StoreError('NOT_FOUND', 404, `album ${albumId} not found`);
      if (list !== null && list.length === 0)
        throw new StoreError(
          'VALIDATION_FAILED',
          400,
          'a release is licensed in at least one country, or everywhere',
        );
      await q.run(
        'UPDATE albums SET territories = ? WHERE id = ?',
        list ? JSON.stringify(list) : null,
        albumId,
      );
      await this.#audit.append(
        q,
        actor,
        'release.territories',
        `album:${albumId}`,
        `${row.territories ?? 'everywhere'} -> ${list ? JSON.stringify(list) : 'everywhere'}`,
      );
      return { albumId, territories: list };
    });
  }
}
