// The demo store, run in-process from <home>/demo-store so a first start works without any server.
// It listens on the port it had last time when it can, so the profile's store URL stays the same.
// The one door from the client to the store server's code (the boundary check allows no other).
import { mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoSeedOptions } from '../../../server/demo/seed-demo.ts';
import type { RunningServer } from '../../../server/start-server.ts';

export type { DemoSeedOptions };

export interface EmbeddedDemo {
  url: string;
  /** Where the demo listened the time before, when that was elsewhere (the port was taken). */
  previousUrl: string | null;
  email: string;
  password: string;
  /** Voucher codes nobody has redeemed yet. */
  vouchers: string[];
  refreshVouchers(): Promise<void>;
  close(): Promise<void>;
}

export function demoDataDir(home: string): string {
  return join(home, 'demo-store');
}

function markerPath(home: string): string {
  return join(demoDataDir(home), 'last-url');
}

/** The URL the embedded demo listened on last, or null if it never ran in this profile. */
export async function lastDemoUrl(home: string): Promise<string | null> {
  try {
    const url = (await readFile(markerPath(home), 'utf8')).trim();
    return url === '' ? null : url;
  } catch {
    return null;
  }
}

function portOf(url: string | null): number {
  if (!url) return 0;
  try {
    return Number(new URL(url).port) || 0;
  } catch {
    return 0;
  }
}

let serverModule: Promise<typeof import('../../../server/start-server.ts')> | null = null;

/**
 * The store server's code, loaded once and only when the demo runs: a profile on a real store never
 * pays for it. Awaiting it first lets a caller start the demo before loading anything else.
 */
export function loadDemoServer(): Promise<typeof import('../../../server/start-server.ts')> {
  serverModule ??= import('../../../server/start-server.ts');
  return serverModule;
}

async function listen(
  dataDir: string,
  port: number,
  seed: boolean | DemoSeedOptions,
): Promise<RunningServer> {
  const { startServer } = await loadDemoServer();
  return startServer({ dataDir, demo: seed, port, host: '127.0.0.1' });
}

/**
 * `known.previousUrl`: the marker, when the caller has read it already; then nothing waits between
 * this call and the server's start (startDemoEarly relies on that to start the encoder probes first).
 */
export async function startEmbeddedDemo(
  home: string,
  seed: boolean | DemoSeedOptions = true,
  known?: { previousUrl: string | null },
): Promise<EmbeddedDemo> {
  const dataDir = demoDataDir(home);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const previous = known ? known.previousUrl : await lastDemoUrl(home);
  const lastPort = portOf(previous);
  let server: RunningServer;
  try {
    server = await listen(dataDir, lastPort, seed);
  } catch (error) {
    // Someone else took the port since: any free one will do; the caller re-points the profile.
    if (lastPort === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    server = await listen(dataDir, 0, seed);
  }
  const tmp = `${markerPath(home)}.tmp`;
  await writeFile(tmp, server.url);
  await rename(tmp, markerPath(home));
  const info = server.demo!;
  const demo: EmbeddedDemo = {
    url: server.url,
    previousUrl: previous && previous !== server.url ? previous : null,
    email: info.email,
    password: info.password,
    vouchers: info.unusedVouchers.map((v) => v.code),
    async refreshVouchers() {
      // Seeding is done once; asking again only reads the vouchers still unused.
      const { seedDemo } = await import('../../../server/demo/seed-demo.ts');
      const now = await seedDemo(server.store, {});
      demo.vouchers = now.unusedVouchers.map((v) => v.code);
    },
    close: () => server.close(),
  };
  return demo;
}
