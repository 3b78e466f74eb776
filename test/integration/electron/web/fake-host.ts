// Starts the real web host on a free port over a fake AppService and a small built-renderer folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../../electron/web/start-web-host.ts';
import { createFakeService, type FakeService } from './fake-app-service.ts';

export const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div></body></html>\n';
export const APP_JS = 'document.getElementById("root").textContent = "hello";\n';

export interface FakeHost extends FakeService {
  host: WebHost;
  port: number;
  /** Folder holding the renderer folder and, beside it, a file no request may reach. */
  dir: string;
  rendererDir: string;
  logs: string[];
  bearer: Record<string, string>;
  cookie: Record<string, string>;
  /** Cookie plus the Origin our own page sends with a POST. */
  page: Record<string, string>;
  dispose(): Promise<void>;
}

export async function startFakeHost(options: Partial<WebHostOptions> = {}): Promise<FakeHost> {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b3c.js'), APP_JS);
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b3c.css'), 'body { color: red }\n');
  writeFileSync(join(rendererDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET\n');

  const fake = createFakeService();
  const logs: string[] = [];
  const host = await startWebHost({
    service: fake.service,
    rendererDir,
    log: (message) => logs.push(message),
    ...options,
  });
  const cookie = { Cookie: `megadisc_token=${host.token}` };
  return {
    ...fake,
    host,
    port: host.port,
    dir,
    rendererDir,
    logs,
    bearer: { Authorization: `Bearer ${host.token}` },
    cookie,
    page: { ...cookie, Origin: host.origin },
    async dispose() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
