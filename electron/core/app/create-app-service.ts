// Builds the app service: the engine, the store it talks to (the embedded demo on a first start),
// the background download runner, and the app API contract implemented over them. This module stays
// light: when the embedded demo will run, it starts before the engine's code loads (startDemoEarly).
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import { SessionFile } from '../session/session-file.ts';
import type { AppHostPorts, AppService, StoreChoice } from './app-host.ts';
import { closeEarlyDemo, demoStart, startDemoEarly } from './connect-store.ts';
import type { DemoSeedOptions } from './embedded-demo.ts';

export interface AppServiceOptions {
  /** How the embedded demo is seeded on its first start (tests shorten the tracks). Default: full. */
  demoSeed?: DemoSeedOptions;
  /**
   * Called before each long synchronous step of the start (loading the store's or the engine's
   * code, a few hundred ms each): a host on the same thread finishes what it is serving first.
   */
  beforeLoading?: () => Promise<void>;
  /** Backoff of the download runner after a failed run. */
  runnerBackoff?: { baseDelayMs?: number; maxDelayMs?: number };
}

export async function createAppService(
  ports: AppHostPorts,
  store: StoreChoice,
  options: AppServiceOptions = {},
): Promise<AppService> {
  let early: Awaited<ReturnType<typeof startDemoEarly>> = null;
  let build: typeof import('./build-app-service.ts');
  try {
    const sessions = ports.sessions ?? new SessionFile(ports.home);
    early = await startDemoEarly(store, sessions, demoStart(ports.home, options));
    // The engine, the store client and the method groups: most of the start-up's code.
    await options.beforeLoading?.();
    build = await import('./build-app-service.ts');
  } catch (error) {
    await closeEarlyDemo(early);
    throw asMegadiscError(error);
  }
  // From here on buildAppService owns the early demo: it closes it when it fails.
  return build.buildAppService(ports, store, options, early);
}
