// Decides which store the app talks to at start (saved session, configured URL, or the embedded
// demo) and gets the engine there: on a first start, the demo store runs and the demo account is in.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Engine } from '../create-engine.ts';
import { repointStore } from '../profile/repoint-store.ts';
import type { SessionStore } from '../session/session-file.ts';
import type { StoreChoice } from './app-host.ts';
import {
  type DemoSeedOptions,
  type EmbeddedDemo,
  lastDemoUrl,
  loadDemoServer,
  startEmbeddedDemo,
} from './embedded-demo.ts';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** How this app service starts its embedded demo, when it needs one. */
export interface DemoStart {
  home: string;
  seed: boolean | DemoSeedOptions;
  /** See AppServiceOptions.beforeLoading. */
  beforeLoading?: () => Promise<void>;
}

export function demoStart(
  home: string,
  options: { demoSeed?: DemoSeedOptions; beforeLoading?: () => Promise<void> },
): DemoStart {
  return { home, seed: options.demoSeed ?? true, beforeLoading: options.beforeLoading };
}

/** The embedded demo's start, begun before the engine existed (see startDemoEarly). */
export interface EarlyDemo {
  started: Promise<EmbeddedDemo>;
  /** The demo's URL from the time before, read before this start could rewrite it. */
  lastDemo: string | null;
}

/**
 * Starts the embedded demo before the engine is even loaded when the choice already says it will run
 * (--demo, or a saved session on the demo store), else returns null. Its start waits a few hundred ms
 * on the encoder probes (child processes), which then overlaps loading the engine's code.
 * connectStore then takes it over; a caller that fails before that must stop it (closeEarlyDemo).
 */
export async function startDemoEarly(
  choice: StoreChoice,
  sessions: SessionStore,
  start: DemoStart,
): Promise<EarlyDemo | null> {
  if (choice.kind === 'url') return null;
  const [lastDemo, session] = await Promise.all([lastDemoUrl(start.home), sessions.load()]);
  if (choice.kind === 'auto' && (!session || !lastDemo || trimSlash(session.storeUrl) !== lastDemo))
    return null;
  // Loading the engine's code blocks this thread; with the server's code loaded and the marker
  // read, the demo's start reaches the encoder probes (child processes) before that, and they run
  // meanwhile.
  await start.beforeLoading?.();
  await loadDemoServer();
  const started = startEmbeddedDemo(start.home, start.seed, { previousUrl: lastDemo });
  await nextTurn();
  // Until connectStore awaits it, a failure must not count as unhandled.
  started.catch(() => undefined);
  return { started, lastDemo };
}

/** Stops an early demo start that nobody took over. */
export async function closeEarlyDemo(early: EarlyDemo | null): Promise<void> {
  if (early) await early.started.then((demo) => demo.close()).catch(() => undefined);
}

/** Starts the embedded demo (or takes over the early start) and re-points the profile at it when its URL changed. */
async function startDemo(engine: Engine, launch: () => Promise<EmbeddedDemo>): Promise<EmbeddedDemo> {
  const demo = await launch();
  try {
    if (demo.previousUrl) {
      repointStore(engine.db, demo.previousUrl, demo.url);
      if (engine.settings.get().storeUrl === demo.previousUrl) engine.configure({ storeUrl: demo.url });
    }
    return demo;
  } catch (error) {
    await demo.close();
    throw error;
  }
}

async function startDemoAndLogIn(engine: Engine, launch: () => Promise<EmbeddedDemo>): Promise<EmbeddedDemo> {
  const demo = await startDemo(engine, launch);
  try {
    // Always a fresh login: the demo's URL may have changed, and the account lives in its data folder.
    await engine.login(demo.url, demo.email, demo.password);
    return demo;
  } catch (error) {
    await demo.close();
    throw error;
  }
}

/**
 * Returns the embedded demo when one was started (the caller closes it), else null. `early` is the
 * demo's start begun by startDemoEarly for the same choice; it is taken over, or stopped if the
 * profile no longer wants it (another process logged out in between).
 */
export async function connectStore(
  engine: Engine,
  choice: StoreChoice,
  start: DemoStart,
  early: EarlyDemo | null = null,
): Promise<EmbeddedDemo | null> {
  let taken = false;
  const launch = () => {
    if (early && !taken) {
      taken = true;
      return early.started;
    }
    return (start.beforeLoading?.() ?? Promise.resolve()).then(() =>
      startEmbeddedDemo(start.home, start.seed),
    );
  };
  try {
    // An early start may already have rewritten the marker: decide on what it read before.
    const lastDemo = early ? early.lastDemo : await lastDemoUrl(start.home);
    return await connect(engine, choice, lastDemo, launch);
  } finally {
    if (!taken) await closeEarlyDemo(early);
  }
}

async function connect(
  engine: Engine,
  choice: StoreChoice,
  lastDemo: string | null,
  launch: () => Promise<EmbeddedDemo>,
): Promise<EmbeddedDemo | null> {
  const isDemo = (url: string | null | undefined) => Boolean(url && lastDemo && trimSlash(url) === lastDemo);
  const session = await engine.whoami();
  switch (choice.kind) {
    case 'demo':
      return startDemoAndLogIn(engine, launch);
    case 'url': {
      const url = trimSlash(choice.url);
      if (session && trimSlash(session.storeUrl) === url) return null;
      // The engine always prefers the session's store, so a session for another one has to go.
      if (session) await engine.logout();
      engine.configure({ storeUrl: url });
      return null;
    }
    case 'auto': {
      if (session) return isDemo(session.storeUrl) ? startDemoAndLogIn(engine, launch) : null;
      const configured = engine.settings.get().storeUrl;
      // Logged out of the demo: it still runs (its URL must answer), and the UI asks for a login.
      if (configured) return isDemo(configured) ? startDemo(engine, launch) : null;
      return startDemoAndLogIn(engine, launch);
    }
  }
}
