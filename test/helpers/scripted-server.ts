// A loopback HTTP server whose answers a test scripts per path: for malformed-store tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface ScriptedServer {
  url: string;
  /** Answers for a path, used in order; the last one repeats. */
  on(path: string, ...answers: Answer[]): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

export const html =
  (status: number): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
  };

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, Answer[]>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = counts.get(path) ?? 0;
    counts.set(path, n + 1);
    const list = scripts.get(path);
    if (!list) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no script' } }));
      return;
    }
    list[Math.min(n, list.length - 1)]!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    on(path, ...answers) {
      scripts.set(path, answers);
      counts.set(path, 0);
    },
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
