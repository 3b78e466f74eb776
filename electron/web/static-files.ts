// Serves the built renderer: hashed assets with a long cache, index.html for every app route.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative } from 'node:path';
import { requestI18n, sendText } from './http-replies.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Vite names every file under assets/ after its content hash, so it never changes under its name. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
  pathname: string,
): Promise<void> {
  const i18n = requestI18n(req);
  const badPath = () => sendText(res, 400, i18n.t('core.web.badPath'), i18n);
  const notFound = () => sendText(res, 404, i18n.t('core.web.notFound'), i18n);
  let segments: string[];
  try {
    segments = decodeURIComponent(pathname).split('/').filter(Boolean);
  } catch {
    return badPath();
  }
  // Checked after decoding: %2e%2e and %2f must not walk out of the renderer folder either.
  if (segments.some((s) => s === '..' || s === '.' || /[\\\0:]/.test(s))) return badPath();
  if (segments.some((s) => s.startsWith('.'))) return notFound();

  const file = await findFile(rootDir, segments);
  if (file) return sendFile(req, res, file, segments[0] === 'assets' ? IMMUTABLE : 'no-cache');
  // A missing asset is a 404, not the app page, or the browser reports a confusing MIME error.
  const last = segments.at(-1) ?? '';
  if (segments[0] === 'assets' || last.includes('.')) return notFound();
  const index = await findFile(rootDir, ['index.html']);
  if (!index) return sendText(res, 503, i18n.t('core.web.notBuilt'), i18n);
  return sendFile(req, res, index, 'no-cache');
}

/** The file's real path if it is a regular file inside rootDir (symlinks included), else null. */
async function findFile(rootDir: string, segments: string[]): Promise<string | null> {
  if (segments.length === 0) segments = ['index.html'];
  try {
    const [root, file] = await Promise.all([realpath(rootDir), realpath(join(rootDir, ...segments))]);
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  cacheControl: string,
): Promise<void> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
