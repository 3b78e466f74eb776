// One-way events from the core to the UI, carried by webContents.send or server-sent events.
import type { BalanceView, JobView, Settings } from './domain.ts';

export interface AppEventMap {
  'job-progress': {
    jobId: number;
    receivedBytes: number;
    totalBytes: number;
    bytesPerSecond: number;
    etaSeconds: number | null;
  };
  'job-state': { job: JobView };
  'job-retry': { jobId: number; attempt: number; delayMs: number; code: string; message: string };
  'purchase-state': {
    purchaseId: number;
    state: 'pending' | 'ordered' | 'failed';
    orderId: string | null;
    error?: string;
  };
  balance: { balance: BalanceView };
  'ledger-mismatch': { message: string };
  /** Every file of a purchase is tagged and in the library. */
  'album-filed': { purchaseId: number; albumTitle: string; artistName: string; tracks: number };
  /** Jobs were added, removed or reordered: lists should be fetched again. */
  'queue-changed': Record<string, never>;
  /** Whether the store answered the last call. */
  connection: { online: boolean; message: string | null };
  settings: { settings: Settings };
  /** The store's word on owned albums changed (a takedown, a restore): library views fetch again. */
  'library-availability': { changed: number };
}

export type AppEventName = keyof AppEventMap;
export const APP_EVENT_NAMES: AppEventName[] = [
  'job-progress',
  'job-state',
  'job-retry',
  'purchase-state',
  'balance',
  'ledger-mismatch',
  'album-filed',
  'queue-changed',
  'connection',
  'settings',
  'library-availability',
];

export type AppEvent = { [K in AppEventName]: { name: K; payload: AppEventMap[K] } }[AppEventName];
