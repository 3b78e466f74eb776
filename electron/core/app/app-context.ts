// What the app service's method groups share: the engine and the service's own helpers.
import type { Engine } from '../create-engine.ts';
import type { AppHostPorts } from './app-host.ts';
import type { ConnectionMonitor } from './connection-monitor.ts';
import type { CoverCache } from './cover-cache.ts';
import type { DownloadRunner } from './download-runner.ts';
import type { EmbeddedDemo } from './embedded-demo.ts';
import type { PaymentPages } from './payment-pages.ts';
import type { StoreRates } from './store-rates.ts';

export interface AppContext {
  engine: Engine;
  ports: AppHostPorts;
  runner: DownloadRunner;
  connection: ConnectionMonitor;
  rates: StoreRates;
  covers: CoverCache;
  demo: EmbeddedDemo | null;
  /** Pay pages of the checkouts still open, for the desktop shell's window-open policy. */
  paymentPages: PaymentPages;
  /** Tells lists to fetch again after the queue changed. */
  queueChanged(): void;
}
