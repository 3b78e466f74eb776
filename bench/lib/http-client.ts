// A minimal keep-alive HTTP GET client for latency measurements (less client overhead than fetch).
import { Agent, get } from 'node:http';

export class KeepAliveClient {
  readonly #base: URL;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(base: string) {
    this.#base = new URL(base);
  }

  /** GETs a path and reads the whole body; returns status, body size and elapsed milliseconds. */
  get(path: string): Promise<{ status: number; bytes: number; ms: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = get(
        { host: this.#base.hostname, port: this.#base.port, path, agent: this.#agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              bytes: body.length,
              ms: performance.now() - started,
              body,
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
