// Rights holders: who is owed royalties for a release or a track, at what rate, and their own token
// for reading their statements.
import { createHash, randomBytes } from 'node:crypto';
import type { RightsHolder } from '../../api/schemas/rights.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';

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

export class RightsHolders {
  readonly #db: Db;
  readonly #audit: (actor: string, action: string, subject: string, detail?: string) => void;

  constructor(db: Db, audit: (actor: string, action: string, subject: string, detail?: string) => void) {
    this.#db = db;
    this.#audit = audit;
  }

  #row(id: number): HolderRow {
    const row = this.#db
      .prepare(
        `SELECT h.*, (SELECT COUNT(*) FROM albums a WHERE a.rights_holder_id = h.id) AS releases
         FROM rights_holders h WHERE h.id = ?`,
      )
      .get(id) as HolderRow | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 404, `rights holder ${id} not found`);
    return row;
  }

  get(id: number): RightsHolder {
    return toHolder(this.#row(id));
  }

  list(): RightsHolder[] {
    return (
      this.#db
        .prepare(
          `SELECT h.*, (SELECT COUNT(*) FROM albums a WHERE a.rights_holder_id = h.id) AS releases
           FROM rights_holders h ORDER BY h.name COLLATE NOCASE, h.id`,
        )
        .all() as unknown as HolderRow[]
    ).map(toHolder);
  }

  /** The holder with this name, created if new (the importer and the demo seed use this). */
  ensure(name: string): number {
    const found = this.#db.prepare('SELECT id FROM rights_holders WHERE name = ?').get(name) as
      | { id: number }
      | undefined;
    if (found) return found.id;
    return this.create({ name }, 'importer').id;
  }

  create(body: HolderPatch & { name: string }, actor = 'operator'): RightsHolder {
    return transaction(this.#db, () => {
      if (this.#db.prepare('SELECT 1 FROM rights_holders WHERE name = ?').get(body.name))
        throw new StoreError('NAME_TAKEN', 409, `a rights holder named "${body.name}" exists`);
      const row = this.#db
        .prepare(
          'INSERT INTO rights_holders (name, email, royalty_bp, created_at) VALUES (?, ?, ?, ?) RETURNING id',
        )
        .get(body.name, body.email ?? null, body.royaltyBasisPoints ?? null, new Date().toISOString()) as {
        id: number;
      };
      this.#audit(actor, 'rights_holder.create', `rights-holder:${row.id}`, JSON.stringify(body));
      return this.get(row.id);
    });
  }

  edit(id: number, patch: HolderPatch, actor = 'operator'): RightsHolder {
    return transaction(this.#db, () => {
      const row = this.#row(id);
      const name = patch.name ?? row.name;
      const clash = this.#db
        .prepare('SELECT id FROM rights_holders WHERE name = ? AND id != ?')
        .get(name, id);
      if (clash) throw new StoreError('NAME_TAKEN', 409, `a rights holder named "${name}" exists`);
      this.#db
        .prepare('UPDATE rights_holders SET name = ?, email = ?, royalty_bp = ? WHERE id = ?')
        .run(
          name,
          patch.email !== undefined ? patch.email : row.email,
          patch.royaltyBasisPoints !== undefined ? patch.royaltyBasisPoints : row.royalty_bp,
          id,
        );
      this.#audit(actor, 'rights_holder.edit', `rights-holder:${id}`, JSON.stringify(patch));
      return this.get(id);
    });
  }

  assignReleases(id: number, albumIds: number[], actor = 'operator'): RightsHolder {
    return transaction(this.#db, () => {
      this.#row(id);
      for (const albumId of albumIds) {
        const done = this.#db.prepare('UPDATE albums SET rights_holder_id = ? WHERE id = ?').run(id, albumId);
        if (done.changes !== 1) throw new StoreError('NOT_FOUND', 404, `album ${albumId} not found`);
      }
      this.#audit(actor, 'rights_holder.assign', `rights-holder:${id}`, JSON.stringify({ albumIds }));
      return this.get(id);
    });
  }

  /** A new token for this holder's statements; the previous one stops working. Shown once. */
  issueToken(id: number, actor = 'operator'): string {
    this.#row(id);
    const token = `rh_${randomBytes(24).toString('base64url')}`;
    this.#db.prepare('UPDATE rights_holders SET token_sha256 = ? WHERE id = ?').run(hashToken(token), id);
    this.#audit(actor, 'rights_holder.token', `rights-holder:${id}`);
    return token;
  }

  authenticate(token: string): number | undefined {
    const row = this.#db
      .prepare('SELECT id FROM rights_holders WHERE token_sha256 = ?')
      .get(hashToken(token)) as { id: number } | undefined;
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
