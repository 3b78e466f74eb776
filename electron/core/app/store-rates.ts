// The price of one MB per store, learnt from any album's price table and kept in the profile, so the
// spend report can show money even while the store is out of reach.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Money } from '../../../api/schemas/common.ts';
import { isUnreachable } from '../../shared/as-megadisc-error.ts';
import type { Engine } from '../create-engine.ts';
import { lastPurchasedAlbum } from '../purchases/purchase-records.ts';
import { routes, type StoreClient } from '../store-client/store-client.ts';

export class StoreRates {
  readonly #file: string;
  readonly #rates: Map<string, Money>;
  #learning: Promise<Money | null> | null = null;

  constructor(home: string) {
    this.#file = join(home, 'cache', 'store-rates.json');
    this.#rates = new Map(Object.entries(this.#load()));
  }

  #load(): Record<string, Money> {
    try {
      return JSON.parse(readFileSync(this.#file, 'utf8')) as Record<string, Money>;
    } catch {
      return {};
    }
  }

  get(storeUrl: string): Money | null {
    return this.#rates.get(storeUrl) ?? null;
  }

  remember(storeUrl: string, perMb: Money): void {
    const known = this.#rates.get(storeUrl);
    if (known && known.micros === perMb.micros && known.currency === perMb.currency) return;
    this.#rates.set(storeUrl, perMb);
    try {
      mkdirSync(join(this.#file, '..'), { recursive: true });
      writeFileSync(`${this.#file}.tmp`, JSON.stringify(Object.fromEntries(this.#rates)));
      renameSync(`${this.#file}.tmp`, this.#file);
    } catch {
      // Only a cache: the rate is asked for again next time.
    }
  }

  /** Reads the rate off one album's price table. */
  async learn(client: StoreClient, albumId: number): Promise<Money> {
    const table = await client.call(routes.prices, { params: { id: albumId } });
    this.remember(client.baseUrl, table.rate.perMb);
    return table.rate.perMb;
  }

  /** The rate of the store the engine talks to; asks the store once if never seen; null if it can't. */
  async resolve(engine: Engine): Promise<Money | null> {
    const client = await engine.client(false).catch(() => null);
    if (!client) return null;
    const known = this.get(client.baseUrl);
    if (known) return known;
    this.#learning ??= this.#ask(engine, client).finally(() => {
      this.#learning = null;
    });
    return this.#learning;
  }

  async #ask(engine: Engine, client: StoreClient): Promise<Money | null> {
    const bought = lastPurchasedAlbum(engine.db);
    try {
      if (bought !== null) return await this.learn(client, bought);
    } catch (error) {
      if (isUnreachable(error)) return null;
      // Bought from another store, or gone from the catalog: any album will do.
    }
    try {
      const any = (await client.call(routes.newReleases, { query: { limit: 1 } })).items[0];
      return any ? await this.learn(client, any.id) : null;
    } catch {
      return null;
    }
  }
}
