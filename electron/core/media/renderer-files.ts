// The built renderer's files for both UI hosts: hashed assets with a long cache, index.html for every
// app route, and nothing outside the folder (no ../, encoded slashes, dotfiles or symlinks out).
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Translator } from '../../../i18n/translator.ts';
import { textAnswer, type UiAnswer, type UiRequest } from './ui-answer.ts';

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

/**
 * The absolute file a URL path names inside root, or null when the path is malformed or escapes
 * root. `pathname` is the raw (still percent-encoded) path of the URL.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  // Built assets never have an encoded slash in their path: one can only be an attempt to smuggle `../`.
  if (/%2f|%5c/i.test(pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // A colon could name a drive or a stream on Windows.
  if (/[\\\0:]/.test(decoded)) return null;
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, wanted);
  // resolve() has already collapsed every `..`: what is left must still sit inside root.
  if (!target.startsWith(base + sep)) return null;
  return target;
}

export async function answerRendererFile(
  request: UiRequest,
  rootDir: string,
  i18n: Translator,
): Promise<UiAnswer> {
  const path = resolveStaticPath(rootDir, request.pathname);
  if (path === null) return textAnswer(403, i18n.t('core.web.badPath'), i18n);
  const segments = relative(resolve(rootDir), path).split(sep);
  const notFound = () => textAnswer(404, i18n.t('core.web.notFound'), i18n);
  if (segments.some((s) => s.startsWith('.'))) return notFound();

  const file = await findFile(rootDir, path);
  if (file) return fileAnswer(request, file, segments[0] === 'assets' ? IMMUTABLE : 'no-cache');
  // A missing asset is a 404, not the app page, or the browser reports a confusing MIME error.
  const isRoot = /^\/*$/.test(request.pathname);
  if (!isRoot && (segments[0] === 'assets' || segments.at(-1)!.includes('.'))) return notFound();
  const index = await findFile(rootDir, resolve(rootDir, 'index.html'));
  if (!index) return textAnswer(503, i18n.t('core.web.notBuilt'), i18n);
  return fileAnswer(request, index, 'no-cache');
}

/** The file's real path if it is a regular file inside rootDir (symlinks included), else null. */
async function findFile(rootDir: string, path: string): Promise<string | null> {
  try {
    const [root, file] = await Promise.all([realpath(rootDir), realpath(path)]);
    const rel = relative(root, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function fileAnswer(request: UiRequest, file: string, cacheControl: string): Promise<UiAnswer> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: etag };
  if (request.header('if-none-match') === etag) return { status: 304, headers, body: null };
  const body = await readFile(file);
  return {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
    },
    body: request.method === 'HEAD' ? null : body,
  };
}
