// The app API as the renderer uses it: each contract method resolves to its value or throws a
// MegadiscError with the code that crossed the transport.
import type { AppApi } from '../../electron/shared/app-api/contract.ts';
import type { AppEvent } from '../../electron/shared/app-api/events.ts';

export type AppClient = AppApi & {
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Which host the UI runs in. */
  readonly transport: 'electron' | 'web' | 'fake';
};
