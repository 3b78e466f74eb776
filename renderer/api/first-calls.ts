// The first screen's reads, asked for before the app's code has even loaded: the entry script starts
// them, and the components that mount later receive the same answers instead of asking again.
// Also shares one answer between identical reads in flight (the shell and the language provider both
// ask for the settings and the app info when they mount).
import type { MethodName } from '../../electron/shared/app-api/contract.ts';
import type { AppClient } from './app-client.ts';
import { methodProxy } from './method-proxy.ts';

/** Reads only: sharing an answer between two callers must never skip a change. */
const SHARED_READS = new Set<MethodName>(['app.info', 'settings.get', 'account.balance', 'store.home']);

/** An answer asked for early is handed out once, and only this soon after it was asked for. */
const PRIMED_MS = 5000;

interface Primed {
  answer: Promise<unknown>;
  at: number;
}

export interface FirstCallsClient {
  client: AppClient;
  /** Asks now for what the first screen at this location (its hash route) will read. */
  prime(hash: string): void;
}

/** What every screen's shell reads at start, plus the store home when that is the route. */
export function firstScreenReads(hash: string): MethodName[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0]!.replace(/\/+$/, '');
  const reads: MethodName[] = ['app.info', 'settings.get', 'account.balance'];
  if (path === '' || path === 'store') reads.push('store.home');
  return reads;
}

export function withFirstCalls(inner: AppClient, now: () => number = Date.now): FirstCallsClient {
  const inFlight = new Map<string, Promise<unknown>>();
  const primed = new Map<string, Primed>();
  const send = (method: MethodName, input: unknown) =>
    (inner[method] as (input: unknown) => Promise<unknown>)(input);

  const share = (key: string, answer: Promise<unknown>): Promise<unknown> => {
    inFlight.set(key, answer);
    const done = () => {
      if (inFlight.get(key) === answer) inFlight.delete(key);
    };
    answer.then(done, done);
    return answer;
  };

  const read = (method: MethodName, input: unknown): Promise<unknown> => {
    const key = `${method} ${JSON.stringify(input ?? {})}`;
    const early = primed.get(key);
    if (early) {
      primed.delete(key);
      if (now() - early.at <= PRIMED_MS) return share(key, early.answer);
    }
    return inFlight.get(key) ?? share(key, send(method, input));
  };

  const client = methodProxy(
    {
      transport: inner.transport,
      onEvent: (listener) => inner.onEvent(listener),
    },
    (method, input) => (SHARED_READS.has(method) ? read(method, input) : send(method, input)),
  );
  return {
    client,
    prime(hash) {
      for (const method of firstScreenReads(hash)) {
        const key = `${method} {}`;
        if (primed.has(key)) continue;
        const answer = send(method, {});
        // Nobody may take it up (another route by then): its failure is nobody's to report.
        answer.catch(() => undefined);
        primed.set(key, { answer, at: now() });
      }
    },
  };
}
