// The store session (URL, account, token) in a 0600 file in the profile: the CLI's and web mode's.
// The desktop app encrypts it with safeStorage instead (main/adapters/safe-storage-session.ts).
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredSession {
  storeUrl: string;
  accountId: number;
  email: string;
  token: string;
  expiresAt: string;
}

export interface SessionStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export class SessionFile implements SessionStore {
  readonly #path: string;

  constructor(home: string) {
    this.#path = join(home, 'session.json');
  }

  async load(): Promise<StoredSession | null> {
    try {
      const parsed = JSON.parse(await readFile(this.#path, 'utf8')) as StoredSession;
      return typeof parsed.token === 'string' && typeof parsed.storeUrl === 'string' ? parsed : null;
    } catch {
      return null;
    }
  }

  async save(session: StoredSession): Promise<void> {
    await mkdir(join(this.#path, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${this.#path}.tmp`;
    // Created 0600 from the start, so the token is never readable by others, even briefly.
    await writeFile(tmp, JSON.stringify(session), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.#path);
  }

  async clear(): Promise<void> {
    await rm(this.#path, { force: true });
  }
}
