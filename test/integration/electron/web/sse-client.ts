// Reads a server-sent event stream over raw HTTP so tests see exactly what the host writes.
import { type ClientRequest, type IncomingMessage, request } from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
}

export interface SseClient {
  response: IncomingMessage;
  raw(): string;
  events(): SseEvent[];
  /** Resolves once the predicate holds over what has arrived. */
  until(predicate: (raw: string, events: SseEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  ended: Promise<void>;
  close(): void;
}

export function openSse(port: number, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined;
    req = request(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        let text = '';
        const wakers = new Set<() => void>();
        const ended = new Promise<void>((done) => {
          response.on('end', done);
          response.on('close', done);
        });
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          for (const wake of wakers) wake();
        });
        const events = () =>
          text
            .split('\n\n')
            .filter((block) => block.startsWith('event: '))
            .map((block) => {
              const [eventLine, dataLine] = block.split('\n');
              return { event: eventLine!.slice(7), data: JSON.parse(dataLine!.slice(6)) };
            });
        resolve({
          response,
          raw: () => text,
          events,
          ended,
          close: () => req?.destroy(),
          until(predicate, timeoutMs = 5000) {
            return new Promise((done, fail) => {
              const check = () => {
                if (!predicate(text, events())) return;
                wakers.delete(check);
                clearTimeout(timer);
                done();
              };
              const timer = setTimeout(() => {
                wakers.delete(check);
                fail(new Error(`timed out; stream so far:\n${text}`));
              }, timeoutMs);
              wakers.add(check);
              check();
            });
          },
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
