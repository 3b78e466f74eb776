// Album covers for the UI: store covers fetched at the nearest listed size and cached in memory and
// under <home>/cache/covers; library covers read from the album folder. A missing cover is null.

import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoverSet } from '../../../api/schemas/catalog.ts';
import type { Engine } from '../create-engine.ts';
import { routes } from '../store-client/store-client.ts';
import type { CoverImage } from './app-host.ts';

const MEMORY_ENTRIES = 64;

function contentType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return 'image/jpeg';
}

/** The smallest listed size at least as large as wanted, else the largest there is. */
export function nearestSize(sizes: Record<string, string>, wanted: number): string | null {
  const listed = Object.keys(sizes)
    .filter((k) => /^\d+$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  if (listed.length === 0) return null;
  return sizes[String(listed.find((px) => px >= wanted) ?? listed.at(-1)!)] ?? null;
}

/** A folder name per store, so two stores' album 12 never share a cache file. */
function storeFolder(baseUrl: string): string {
  return baseUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
}

export class CoverCache {
  readonly #engine: Engine;
  readonly #dir: string;
  /** Insertion order is use order: a hit is re-inserted, the oldest goes first. */
  readonly #memory = new Map<string, CoverImage | null>();
  readonly #coverSets = new Map<string, CoverSet>();

  constructor(engine: Engine, home: string) {
    this.#engine = engine;
    this.#dir = join(home, 'cache', 'covers');
  }

  #remember(key: string, image: CoverImage | null): CoverImage | null {
    this.#memory.delete(key);
    this.#memory.set(key, image);
    if (this.#memory.size > MEMORY_ENTRIES) this.#memory.delete(this.#memory.keys().next().value!);
    return image;
  }

  async store(albumId: number, size: number): Promise<CoverImage | null> {
    try {
      const client = await this.#engine.client(false);
      const folder = storeFolder(client.baseUrl);
      const key = `${folder}/${albumId}-${size}`;
      if (this.#memory.has(key)) return this.#remember(key, this.#memory.get(key)!);
      const file = join(this.#dir, folder, `${albumId}-${size}`);
      const cached = await readFile(file).catch(() => null);
      if (cached) return this.#remember(key, { bytes: cached, contentType: contentType(cached) });
      const setKey = `${folder}/${albumId}`;
      let set = this.#coverSets.get(setKey);
      if (set === undefined) {
        set = (await client.call(routes.album, { params: { id: albumId } })).cover;
        this.#coverSets.set(setKey, set);
      }
      const url = set ? nearestSize(set.sizes, size) : null;
      // Without a cover the answer is remembered in memory only: the album may get one later.
      if (!url) return this.#remember(key, null);
      const bytes = await client.fetchBytes(url);
      await mkdir(join(this.#dir, folder), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      return this.#remember(key, { bytes, contentType: contentType(bytes) });
    } catch {
      // Offline, not logged in, unknown album: the UI shows its placeholder.
      return null;
    }
  }

  /** cover.jpg (or cover.png) in the album's folder, as intake writes it; null when there is none. */
  async library(albumFolder: () => string): Promise<CoverImage | null> {
    try {
      const dir = albumFolder();
      for (const name of ['cover.jpg', 'cover.png']) {
        const bytes = await readFile(join(dir, name)).catch(() => null);
        if (bytes) return { bytes, contentType: contentType(bytes) };
      }
      return null;
    } catch {
      return null;
    }
  }
}
