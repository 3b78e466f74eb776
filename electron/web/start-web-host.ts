// Web mode's HTTP host on 127.0.0.1: the app API as POST calls, core events as server-sent events, and
// the core's UI routes (covers, previews, library files, the built renderer), all behind an access
// token and Host/Origin checks.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseAcceptLanguage } from '../../i18n/locales.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { AppService } from '../core/app/app-host.ts';
import { isMediaPath } from '../core/media/media-routes.ts';
import { answerUiRequest } from '../core/media/ui-routes.ts';
import { MegadiscError } from '../shared/errors.ts';
import { type AccessVerdict, checkAccess } from './access-guard.ts';
import { handleApiCall } from './api-call-route.ts';
import { type EventStreamTiming, openEventStream } from './event-stream-route.ts';
import {
  applySecurityHeaders,
  escapeHtml,
  requestI18n,
  sendFailure,
  sendHtml,
  sendText,
  uiRequestOf,
  writeAnswer,
} from './http-replies.ts';

export interface WebHostOptions {
  /**
   * The app service, or the promise of one: then the host listens and serves the UI while the core
   * is still starting, and API calls, events and media wait for it (after the access checks).
   */
  service: AppService | Promise<AppService>;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (dist/renderer): index.html and assets/. */
  rendererDir: string;
  /** The access token; a fresh random one unless given. */
  token?: string;
  log?: (message: string) => void;
  /** Event stream timing; tests shorten it. */
  timing?: Partial<EventStreamTiming>;
}

export interface WebHost {
  /** The address to open: origin plus ?token=…, which trades the token for a cookie. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The bound socket address (always 127.0.0.1). */
  address(): AddressInfo;
  /**
   * Resolves at once, unless the host has sent the page (index.html) but not yet every script and
   * stylesheet it names: then once those have gone out too (at most PAGE_SETTLE_MS). The core's
   * start calls it before each long synchronous load, so a browser gets the whole page first.
   */
  pageSettled(): Promise<void>;
  /** The browser's languages, from the Accept-Language of its latest API call: web mode's "System". */
  browserLanguages(): string[];
  close(): Promise<void>;
}

/** The page for a browser that came without its token, in the language it asks for. */
export function unauthorizedPage(i18n: Translator): string {
  // The sentence is escaped whole, then its two placeholders become markup.
  const COMMAND = '\u0001';
  const SUFFIX = '\u0002';
  const body = escapeHtml(i18n.t('core.web.unauthorized.body', { command: COMMAND, suffix: SUFFIX }))
    .replace(COMMAND, '<code>megadisc web</code>')
    .replace(SUFFIX, '<code>?token=…</code>');
  return `<!doctype html>
<html lang="${i18n.locale}"><head><meta charset="utf-8"><title>${escapeHtml(i18n.t('core.web.unauthorized.title'))}</title></head>
<body><h1>${escapeHtml(i18n.t('core.web.unauthorized.heading'))}</h1>
<p>${body}</p></body></html>
`;
}

/** Why a page was refused, in the reader's language. */
function refusalText(i18n: Translator, verdict: Extract<AccessVerdict, { kind: 'refuse' }>): string {
  switch (verdict.why) {
    case 'host':
      return i18n.t('core.web.refused.host');
    case 'crossSite':
      return i18n.t('core.web.refused.crossSite');
    case 'origin':
      return i18n.t('core.web.refused.origin', { origin: verdict.origin ?? '' });
    case 'wrongToken':
      return i18n.t('core.web.refused.wrongToken');
    case 'noToken':
      return i18n.t('core.web.refused.noToken');
    case 'noOrigin':
      return i18n.t('core.web.refused.noOrigin');
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  const timing: EventStreamTiming = { heartbeatMs: 15_000, progressIntervalMs: 200, ...options.timing };
  const openStreams = new Set<() => void>();
  let port = 0;
  // null once the service failed to start: the command that started it reports why and stops the host.
  const ready: Promise<AppService | null> = Promise.resolve(options.service).catch(() => null);
  const pages = pageTraffic(options.rendererDir);
  let browserLanguages: string[] = [];
  const service = async (res: ServerResponse): Promise<AppService | null> => {
    const found = await ready;
    if (!found) sendFailure(res, 503, 'INTERNAL', 'the app service did not start');
    return found;
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const segments = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (segments[0] === 'api') {
      const header = req.headers['accept-language'];
      if (header) browserLanguages = parseAcceptLanguage(header);
      if (segments[1] === 'call' && segments.length === 3)
        return handleApiCall(req, res, segments[2]!, () => service(res), log);
      if (segments[1] === 'events' && segments.length === 2 && method === 'GET') {
        const started = await service(res);
        if (!started || res.destroyed) return;
        const end = openEventStream(req, res, started.events, timing);
        openStreams.add(end);
        res.on('close', () => openStreams.delete(end));
        return;
      }
      return sendFailure(res, 404, 'NOT_FOUND', `no API route ${method} ${url.pathname}`);
    }
    const answer = await answerUiRequest(uiRequestOf(req, res, url.pathname), {
      rendererDir: options.rendererDir,
      media: () => ready,
      log,
    });
    await writeAnswer(res, answer);
    if (!isMediaPath(url.pathname)) pages.served(url.pathname, res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    // Only origin-form targets: an absolute URL here would let the request pick its own host.
    if (!req.url?.startsWith('/') || req.url.startsWith('//')) {
      const i18n = requestI18n(req);
      return sendText(res, 400, i18n.t('core.web.badTarget'), i18n);
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    // Answers that never wait for the core: pageSettled() lets them out before the core loads on.
    if (!isApi && !isMediaPath(url.pathname)) pages.track(res);
    const verdict = checkAccess(req, url, { token, port });
    if (verdict.kind === 'redirect') {
      pages.redirected();
      res.writeHead(303, { Location: verdict.location, 'Set-Cookie': verdict.setCookie });
      res.end();
      return;
    }
    if (verdict.kind === 'refuse') {
      // The API answers the app, which shows error.<CODE> itself; pages answer a person.
      if (isApi) return sendFailure(res, verdict.status, 'UNAUTHORIZED', verdict.reason);
      const i18n = requestI18n(req);
      if (verdict.status === 401) return sendHtml(res, 401, unauthorizedPage(i18n), i18n);
      return sendText(res, verdict.status, refusalText(i18n, verdict), i18n);
    }
    return route(req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(
        `web host: ${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.stack : error}`,
      );
      if (res.headersSent) return void res.destroy();
      if (req.url?.startsWith('/api/')) sendFailure(res, 500, 'INTERNAL', 'the web host failed');
      else {
        const i18n = requestI18n(req);
        sendText(res, 500, i18n.t('core.web.failed'), i18n);
      }
    });
  });
  port = await listen(server, options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    address: () => server.address() as AddressInfo,
    pageSettled: () => pages.settled(),
    browserLanguages: () => browserLanguages,
    async close() {
      for (const end of openStreams) end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A client that took the page but not its scripts (curl) holds the core's start no longer than this. */
const PAGE_SETTLE_MS = 400;

/**
 * The host's own answers (pages, scripts, refusals; never API calls or covers, which wait for the
 * core) and the first page's way out: from the ?token= redirect, or the page itself, until every
 * script and stylesheet it names has been sent.
 */
function pageTraffic(rendererDir: string) {
  let html = '';
  try {
    html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    // Not built (the host answers 503): no scripts to wait for.
  }
  const named = [...html.matchAll(/\b(?:src|href)="(\/assets\/[^"?#]+)"/g)].map((m) => m[1]!);
  const PAGE = '/';
  /** null: no page asked for yet; then what is still to send (the page itself as PAGE). */
  let pending: Set<string> | null = null;
  let open = 0;
  const waiters = new Set<() => void>();
  const changed = () => {
    for (const wake of waiters) wake();
    waiters.clear();
  };
  const busy = () => open > 0 || (pending !== null && pending.size > 0);
  return {
    track(res: ServerResponse) {
      open++;
      res.once('close', () => {
        open--;
        changed();
      });
    },
    redirected() {
      pending ??= new Set([PAGE]);
    },
    served(pathname: string, res: ServerResponse) {
      if (res.statusCode !== 200 && res.statusCode !== 304) return;
      if (pathname.startsWith('/assets/')) pending?.delete(pathname);
      // The first page only: a reload finds the scripts in its cache (they are immutable).
      else if (
        (pending === null || pending.has(PAGE)) &&
        (res.statusCode === 304 || String(res.getHeader('Content-Type')).startsWith('text/html'))
      )
        pending = new Set(named);
      changed();
    },
    /** Resolves when none of the host's own answers is under way (at most PAGE_SETTLE_MS later). */
    async settled(): Promise<void> {
      const until = performance.now() + PAGE_SETTLE_MS;
      // Requests that arrived while the thread was busy are read over the next turns of the loop.
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      while (busy() && performance.now() < until) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, until - performance.now());
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

/** Binds loopback only: web mode is for the person at this machine, never the network. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new MegadiscError('INVALID_STATE', `port ${port} on 127.0.0.1 is already in use`));
      else reject(error);
    });
    server.listen({ host: '127.0.0.1', port }, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
