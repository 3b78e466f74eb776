// First start with --demo: synthesizes the demo catalog, creates the demo account and vouchers.
import { join } from 'node:path';
import { addAlbums } from '../catalog/seed-catalog.ts';
import { loadDemoDefinition, synthesizeDemoCatalog } from '../catalog/sources/index.ts';
import type { Store } from '../store/open-store.ts';

export const DEMO_EMAIL = 'demo@megadisc.local';
export const DEMO_PASSWORD = 'demo';
export const DEMO_CREDIT_BYTES = 500_000_000;
const DEMO_VOUCHERS = [500_000_000, 500_000_000, 200_000_000, 100_000_000, 100_000_000];

export interface DemoSeedOptions {
  /** Multiplies every demo track's length (tests use short tracks). */
  durationScale?: number;
  definitionPath?: string;
}

export interface DemoInfo {
  email: string;
  password: string;
  unusedVouchers: { code: string; bytes: number }[];
  seededNow: boolean;
}

export async function seedDemo(store: Store, opts: DemoSeedOptions = {}): Promise<DemoInfo> {
  const { sql } = store;
  const seeded = await sql.get(`SELECT value FROM meta WHERE key = 'demo_seeded'`);
  if (!seeded) {
    store.log('seeding the demo catalog (first start; this synthesizes the music locally)…');
    const definition = await loadDemoDefinition(opts.definitionPath);
    const albums = await synthesizeDemoCatalog(definition, join(store.paths.masters, 'demo'), {
      durationScale: opts.durationScale,
      onProgress: (message) => store.log(`  ${message}`),
    });
    await addAlbums(sql, store.paths, albums, store.log);
    const account = await store.sessions.createAccount(DEMO_EMAIL, DEMO_PASSWORD);
    await sql.tx(async (q) => {
      await store.ledger.apply(q, {
        accountId: account.id,
        kind: 'topup',
        amountBytes: DEMO_CREDIT_BYTES,
        reservedDeltaBytes: 0,
        note: 'demo welcome credit',
      });
      for (const bytes of DEMO_VOUCHERS) await store.vouchers.create(bytes);
      await q.run(`INSERT INTO meta (key, value) VALUES ('demo_seeded', ?)`, new Date().toISOString());
    });
  }
  // In the order they were made; those made in the same millisecond largest first, as DEMO_VOUCHERS.
  const unusedVouchers = await sql.all<{ code: string; bytes: number }>(
    'SELECT code, bytes FROM vouchers WHERE redeemed_by IS NULL ORDER BY created_at, bytes DESC, code',
  );
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, unusedVouchers, seededNow: !seeded };
}
