// Decides which store the app talks to at start (saved session, configured URL, or the embedded
// demo) and gets the engine there: on a first start, the demo store runs and the demo account is in.
import type { DemoSeedOptions } from '../../../server/catalog/seed-demo.ts';
import type { Engine } from '../create-engine.ts';
import type { StoreChoice } from './app-host.ts';
import { type EmbeddedDemo, lastDemoUrl, startEmbeddedDemo } from './embedded-demo.ts';
import { repointStore } from './repoint-store.ts';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Starts the embedded demo and re-points the profile at it when its URL changed. */
async function startDemo(
  engine: Engine,
  home: string,
  seed: boolean | DemoSeedOptions,
): Promise<EmbeddedDemo> {
  const demo = await startEmbeddedDemo(home, seed);
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

async function startDemoAndLogIn(
  engine: Engine,
  home: string,
  seed: boolean | DemoSeedOptions,
): Promise<EmbeddedDemo> {
  const demo = await startDemo(engine, home, seed);
  try {
    // Always a fresh login: the demo's URL may have changed, and the account lives in its data folder.
    await engine.login(demo.url, demo.email, demo.password);
    return demo;
  } catch (error) {
    await demo.close();
    throw error;
  }
}

/** Returns the embedded demo when one was started (the caller closes it), else null. */
export async function connectStore(
  engine: Engine,
  home: string,
  choice: StoreChoice,
  seed: boolean | DemoSeedOptions,
): Promise<EmbeddedDemo | null> {
  const lastDemo = await lastDemoUrl(home);
  const isDemo = (url: string | null | undefined) => Boolean(url && lastDemo && trimSlash(url) === lastDemo);
  const session = await engine.whoami();
  switch (choice.kind) {
    case 'demo':
      return startDemoAndLogIn(engine, home, seed);
    case 'url': {
      const url = trimSlash(choice.url);
      if (session && trimSlash(session.storeUrl) === url) return null;
      // The engine always prefers the session's store, so a session for another one has to go.
      if (session) await engine.logout();
      engine.configure({ storeUrl: url });
      return null;
    }
    case 'auto': {
      if (session) return isDemo(session.storeUrl) ? startDemoAndLogIn(engine, home, seed) : null;
      const configured = engine.settings.get().storeUrl;
      // Logged out of the demo: it still runs (its URL must answer), and the UI asks for a login.
      if (configured) return isDemo(configured) ? startDemo(engine, home, seed) : null;
      return startDemoAndLogIn(engine, home, seed);
    }
  }
}
