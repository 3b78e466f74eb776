// Starts a real store server on a free loopback port over a private copy of the seeded template.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../../server/start-server.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  vouchers: string[];
  dispose(): Promise<void>;
}

export async function startTestServer(
  opts: Partial<ServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? join(mkdtempSync(join(tmpdir(), 'megadisc-store-')), 'store');
  if (!dataDir) cpSync(inject('templateStore'), dir, { recursive: true });
  const server = await startServer({ dataDir: dir, port: 0, ...opts });
  return {
    ...server,
    dataDir: dir,
    vouchers: inject('demoVouchers'),
    async dispose() {
      await server.close();
      if (!dataDir) rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}
