// GET /api/events: the core's events as server-sent events, one stream per open page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineEvents } from '../core/events/engine-events.ts';
import { APP_EVENT_NAMES, type AppEventName } from '../shared/app-api/events.ts';
import { ProgressThrottle } from './progress-throttle.ts';

export interface EventStreamTiming {
  /** A comment line this often keeps proxies and idle timeouts from closing the stream. */
  heartbeatMs: number;
  /** Least time between two job-progress events of one job (200 ms: five a second). */
  progressIntervalMs: number;
}

/** A page that stops reading should not make the host buffer events without end. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Starts the stream; returns a function that ends it (also called when the client goes away). */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EngineEvents,
  timing: EventStreamTiming,
): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write('retry: 2000\n: connected\n\n');

  let ended = false;
  const write = (text: string) => {
    if (ended) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) return end();
    res.write(text);
  };
  // JSON.stringify escapes newlines, so each payload is exactly one data line.
  const send = (name: AppEventName, payload: unknown) =>
    write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);

  const throttle = new ProgressThrottle(timing.progressIntervalMs, (event) => send('job-progress', event));
  const unsubscribers = APP_EVENT_NAMES.map((name) => {
    if (name === 'job-progress') return events.on('job-progress', (event) => throttle.push(event));
    if (name === 'job-state')
      return events.on('job-state', (event) => {
        throttle.flush(event.job.id, true);
        send('job-state', event);
      });
    return events.on(name, (event) => send(name, event));
  });
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), timing.heartbeatMs);

  function end(): void {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    throttle.dispose();
    for (const unsubscribe of unsubscribers) unsubscribe();
    res.end();
  }
  req.on('close', end);
  res.on('close', end);
  return end;
}
