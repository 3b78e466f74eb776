// Rights holders: who is owed royalties for a release or a track, at what rate, and their own token
// for reading their statements.
import { createHash, randomBytes } from 'node:crypto';
import type { RightsHolder } from '../../api/schemas/rights.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';

interface HolderRow {
  id: number;
  name: string;
  email: string | null;
  royalty_bp: number | null;
  created_at: string;
  releases: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface HolderPatch {
  name?: string;
  email?: string | null;
  royaltyBasisPoints?: number | null;
}

/** Appends to the audit log in the caller's transaction, so a change and its record commit together. */
export type AuditAppend = (
  q: Sql,
  actor: string,
  action: string,
  subject: string,
  detail?: string,
) => Promise<void>;

export class RightsHolders {
  readonly #db: Database;
  readonly #audit: AuditAppend;

  constructor(db: Database, audit: AuditAppend) {
    this.#db = db;
    this.#audit = audit;
  }

  async #row(q: Sql, id: number): Promise<HolderRow> {
    const row = await q.get<HolderRow>(
      `SELECT h.*, (SELECT COUNT(*) FROM albums a WHERE a.rights_holder_id = h.id) AS releases
       FROM rights_holders h WHERE h.id = ?`,
      id,
    );
    if (!row) throw new StoreError('NOT_FOUND', 404, `rights holder ${id} not found`);
    return row;
  }

  async get(id: number): Promise<RightsHolder> {
    return toHolder(await this.#row(this.#db, id));
  }

  async list(): Promise<RightsHolder[]> {
    // lower(): SQLite's NOCASE folds ASCII only, as lower() does in a C-collated PostgreSQL database.
    const rows = await this.#db.all<HolderRow>(
      `SELECT h.*, (SELECT COUNT(*) FROM albums a WHERE a.rights_holder_id = h.id) AS releases
       FROM rights_holders h ORDER BY lower(h.name), h.id`,
    );
    return rows.map(toHolder);
  }

  async create(body: HolderPatch & { name: string }, actor = 'operator'): Promise<RightsHolder> {
    return this.#db.tx(async (q) => {
      if (await q.get('SELECT 1 FROM rights_holders WHERE name = ?', body.name))
        throw new StoreError('NAME_TAKEN', 409, `a rights holder named "${body.name}" exists`);
      const row = (await q.get<{ id: number }>(
        'INSERT INTO rights_holders (name, email, royalty_bp, created_at) VALUES (?, ?, ?, ?) RETURNING id',
        body.name,
        body.email ?? null,
        body.royaltyBasisPoints ?? null,
        new Date().toISOString(),
      ))!;
      await this.#audit(q, actor, 'rights_holder.create', `rights-holder:${row.id}`, JSON.stringify(body));
      return toHolder(await this.#row(q, row.id));
    });
  }

  async edit(id: number, patch: HolderPatch, actor = 'operator'): Promise<RightsHolder> {
    return this.#db.tx(async (q) => {
      const row = await this.#row(q, id);
      const name = patch.name ?? row.name;
      const clash = await q.get('SELECT id FROM rights_holders WHERE name = ? AND id != ?', name, id);
      if (clash) throw new StoreError('NAME_TAKEN', 409, `a rights holder named "${name}" exists`);
      await q.run(
        'UPDATE rights_holders SET name = ?, email = ?, royalty_bp = ? WHERE id = ?',
        name,
        patch.email !== undefined ? patch.email : row.email,
        patch.royaltyBasisPoints !== undefined ? patch.royaltyBasisPoints : row.royalty_bp,
        id,
      );
      await this.#audit(q, actor, 'rights_holder.edit', `rights-holder:${id}`, JSON.stringify(patch));
      return toHolder(await this.#row(q, id));
    });
  }

  async assignReleases(id: number, albumIds: number[], actor = 'operator'): Promise<RightsHolder> {
    return this.#db.tx(async (q) => {
      await this.#row(q, id);
      for (const albumId of albumIds) {
        const done = await q.run('UPDATE albums SET rights_holder_id = ? WHERE id = ?', id, albumId);
        if (done.changes !== 1) throw new StoreError('NOT_FOUND', 404, `album ${albumId} not found`);
      }
      await this.#audit(
        q,
        actor,
        'rights_holder.assign',
        `rights-holder:${id}`,
        JSON.stringify({ albumIds }),
      );
      return toHolder(await this.#row(q, id));
    });
  }

  /** A new token for this holder's statements; the previous one stops working. Shown once. */
  async issueToken(id: number, actor = 'operator'): Promise<string> {
    const token = `rh_${randomBytes(24).toString('base64url')}`;
    await this.#db.tx(async (q) => {
      await this.#row(q, id);
      await q.run('UPDATE rights_holders SET token_sha256 = ? WHERE id = ?', hashToken(token), id);
      await this.#audit(q, actor, 'rights_holder.token', `rights-holder:${id}`);
    });
    return token;
  }

  async authenticate(token: string): Promise<number | undefined> {
    const row = await this.#db.get<{ id: number }>(
      'SELECT id FROM rights_holders WHERE token_sha256 = ?',
      hashToken(token),
    );
    return row?.id;
  }
}

function toHolder(r: HolderRow): RightsHolder {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    royaltyBasisPoints: r.royalty_bp,
    releases: r.releases,
    createdAt: r.created_at,
  };
}
