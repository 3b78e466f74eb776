// Maps an app:// path to a file under the built renderer folder, refusing anything that would
// leave it (../, encoded slashes, absolute paths, NUL bytes).
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

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
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  // resolve() has already collapsed every `..`: what is left must still sit inside root.
  if (!target.startsWith(base + sep)) return null;
  return target;
}

/** Paths like /downloads or /library/12 are client routes: they get index.html, not a 404. */
export function isClientRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return !last.includes('.');
}
