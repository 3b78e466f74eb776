// Accounts and bearer sessions. Tokens are random; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Account, Session } from '../../api/schemas/account.ts';
import type { Database } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';
import { RateLimiter } from './rate-limiter.ts';

const SESSION_DAYS = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AccountRow {
  id: number;
  email: string;
  password_hash: string;
  balance_bytes: number;
  reserved_bytes: number;
  country: string;
  created_at: string;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    balanceBytes: row.balance_bytes,
    reservedBytes: row.reserved_bytes,
    availableBytes: row.balance_bytes - row.reserved_bytes,
    country: row.country,
    createdAt: row.created_at,
  };
}

export class Sessions {
  readonly #db: Database;
  /** Failed logins per email: slows guessing one account's password. */
  readonly emailLimiter: RateLimiter;
  /** Failed logins per client address: slows spraying guesses over many accounts. */
  readonly addressLimiter: RateLimiter;

  constructor(db: Database, opts: { perEmail?: number; perAddress?: number; windowMs?: number } = {}) {
    this.#db = db;
    const windowMs = opts.windowMs ?? 15 * 60_000;
    this.emailLimiter = new RateLimiter({ max: opts.perEmail ?? 10, windowMs });
    this.addressLimiter = new RateLimiter({ max: opts.perAddress ?? 100, windowMs });
  }

  async account(id: number): Promise<AccountRow> {
    const row = await this.#db.get<AccountRow>('SELECT * FROM accounts WHERE id = ?', id);
    if (!row) throw new StoreError('NOT_FOUND', 404, 'account not found');
    return row;
  }

  async createAccount(email: string, password: string, country = 'US'): Promise<AccountRow> {
    const hash = await hashPassword(password);
    const exists = await this.#db.get('SELECT 1 FROM accounts WHERE email = ?', email);
    if (exists) throw new StoreError('EMAIL_TAKEN', 409, 'an account with this email already exists');
    const row = await this.#db.get<AccountRow>(
      'INSERT INTO accounts (email, password_hash, country, created_at) VALUES (?, ?, ?, ?) RETURNING *',
      email,
      hash,
      country,
      new Date().toISOString(),
    );
    return row!;
  }

  /** Checks the password; failures count against both the email and the client address. */
  async login(email: string, password: string, clientIp: string): Promise<Session> {
    this.emailLimiter.check([email]);
    this.addressLimiter.check([clientIp]);
    const row = await this.#db.get<AccountRow>('SELECT * FROM accounts WHERE email = ?', email);
    const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY_HASH_PROMISE));
    if (!row || !ok) {
      this.emailLimiter.fail([email]);
      this.addressLimiter.fail([clientIp]);
      throw new StoreError('INVALID_CREDENTIALS', 401, 'wrong email or password');
    }
    this.emailLimiter.succeed([email]);
    return this.issue(row);
  }

  async issue(row: AccountRow): Promise<Session> {
    const token = `mdt_${randomBytes(32).toString('base64url')}`;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    await this.#db.run(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      hashToken(token),
      row.id,
      now.toISOString(),
      expiresAt,
    );
    return { token, accountId: row.id, email: row.email, expiresAt };
  }

  /** Account id for a bearer token, or undefined when the token is unknown or expired. */
  async authenticate(token: string): Promise<number | undefined> {
    const row = await this.#db.get<{ account_id: number; expires_at: string }>(
      'SELECT account_id, expires_at FROM sessions WHERE token_hash = ?',
      hashToken(token),
    );
    if (!row || row.expires_at <= new Date().toISOString()) return undefined;
    return row.account_id;
  }
}
