// app.info and session.*: who is logged in where, and logging in and out.
import type { AppApi } from '../../shared/app-api/contract.ts';
import type { SessionInfo } from '../../shared/app-api/views.ts';
import type { StoredSession } from '../session/session-file.ts';
import type { AppContext } from './app-context.ts';

type SessionMethods = Pick<AppApi, 'app.info' | 'session.login' | 'session.logout'>;

/** The session without its token: the token never leaves the core. */
const sessionInfo = (s: StoredSession): SessionInfo => ({
  storeUrl: s.storeUrl,
  email: s.email,
  accountId: s.accountId,
});

export function sessionMethods(ctx: AppContext): SessionMethods {
  const { engine, connection, runner } = ctx;
  return {
    'app.info': async () => {
      const session = await engine.whoami();
      return {
        version: ctx.ports.version,
        transport: ctx.ports.transport,
        demoStoreUrl: ctx.demo?.url ?? null,
        session: session ? sessionInfo(session) : null,
        systemLanguages: ctx.ports.preferredLanguages?.() ?? null,
      };
    },
    'session.login': async ({ storeUrl, email, password }) => {
      // A run holds the old session's client: it stops at a checkpoint and starts again as the new one.
      await runner.stop();
      try {
        return sessionInfo(await connection.track(() => engine.login(storeUrl, email, password)));
      } finally {
        void runner.kickIfWork();
      }
    },
    'session.logout': async () => {
      await runner.stop();
      await engine.logout();
      return null;
    },
  };
}
