// The page's own resource timing after a cold start: every request the first screen made (HTML,
// scripts, API calls, covers), when it started and ended on the page's clock, for the report's
// waterfall. Runs in the page (it uses only the Performance API).
import type { PageGlobals } from './page-globals.ts';

export interface WaterfallEntry {
  /** Path (and for API calls the method), without origin or query. */
  name: string;
  type: string;
  /** ms from navigation start. */
  start: number;
  /** When the request left (after any queueing for a connection). */
  requestStart: number;
  responseStart: number;
  end: number;
}

/** Runs in the page: the navigation and every resource, in start order. */
export function readWaterfall(): WaterfallEntry[] {
  const { performance } = globalThis as unknown as PageGlobals & {
    performance: { getEntriesByType(type: string): unknown[] };
  };
  type Timing = {
    name: string;
    initiatorType?: string;
    entryType: string;
    startTime: number;
    requestStart: number;
    responseStart: number;
    responseEnd: number;
  };
  const entries = [
    ...(performance.getEntriesByType('navigation') as unknown as Timing[]),
    ...(performance.getEntriesByType('resource') as unknown as Timing[]),
  ];
  return entries
    .map((e) => ({
      name: new URL(e.name).pathname,
      type: e.entryType === 'navigation' ? 'document' : (e.initiatorType ?? 'other'),
      start: e.startTime,
      requestStart: e.requestStart || e.startTime,
      responseStart: e.responseStart,
      end: e.responseEnd,
    }))
    .sort((a, b) => a.start - b.start);
}
