// Reads a vite build's assets/ and its sourcemaps: each chunk's size, how it is loaded (entry,
// preloaded by the entry, or lazy) and which source modules its bytes come from. Small and
// dependency-free: the sourcemap's VLQ mappings are decoded here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ModuleBytes {
  /** Source path as the map names it, shortened to the repo (node_modules/<pkg>/… kept). */
  source: string;
  bytes: number;
}

export interface ChunkInfo {
  file: string;
  bytes: number;
  /** 'entry' (the script tag), 'preload' (modulepreload in index.html), 'lazy' (import() only), 'css'. */
  kind: 'entry' | 'preload' | 'lazy' | 'css';
  modules: ModuleBytes[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) DIGIT[B64.charCodeAt(i)] = i;

/** Decodes one segment's VLQ fields. */
function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT[text.charCodeAt(i)]!;
    if (digit < 0) throw new Error(`bad VLQ digit in ${text}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Bytes of generated code attributed to each source by the map (unmapped bytes under "(unmapped)"). */
export function bytesBySource(
  code: string,
  map: { sources: string[]; mappings: string },
): Map<string, number> {
  const lines = code.split('\n');
  const totals = new Map<string, number>();
  const add = (source: string, n: number) => {
    if (n > 0) totals.set(source, (totals.get(source) ?? 0) + n);
  };
  let src = 0;
  const mappingLines = map.mappings.split(';');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const length = Buffer.byteLength(line) + (l < lines.length - 1 ? 1 : 0);
    const segs = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let col = 0;
    const starts: { col: number; source: string | null }[] = [];
    for (const seg of segs) {
      const f = decodeSegment(seg);
      col += f[0]!;
      let source: string | null = null;
      if (f.length >= 4) {
        src += f[1]!;
        source = map.sources[src] ?? '(unknown)';
        // srcLine/srcCol/name deltas are not needed here, but they are relative too: VLQ state per field.
      }
      starts.push({ col, source });
    }
    if (starts.length === 0) {
      add('(unmapped)', length);
      continue;
    }
    // Columns are UTF-16 offsets; minified output is ASCII in practice, so treat them as bytes.
    add('(unmapped)', starts[0]!.col);
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1]!.col : line.length;
      add(starts[i]!.source ?? '(unmapped)', end - starts[i]!.col);
    }
    add('(unmapped)', length - line.length);
  }
  return totals;
}

function shorten(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm);
  return source.replace(/^(\.\.\/)+/, '').replace(/^\/?work\/main\//, '');
}

export function readChunks(buildDir: string): ChunkInfo[] {
  const assets = join(buildDir, 'assets');
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const entry = new Set([...html.matchAll(/<script[^>]+src="\/assets\/([^"]+)"/g)].map((m) => m[1]!));
  const preload = new Set(
    [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+)"/g)].map((m) => m[1]!),
  );
  const chunks: ChunkInfo[] = [];
  for (const file of readdirSync(assets).sort()) {
    if (file.endsWith('.map')) continue;
    const path = join(assets, file);
    const bytes = statSync(path).size;
    if (file.endsWith('.css')) {
      chunks.push({ file, bytes, kind: 'css', modules: [] });
      continue;
    }
    if (!file.endsWith('.js')) continue;
    const kind = entry.has(file) ? 'entry' : preload.has(file) ? 'preload' : 'lazy';
    let modules: ModuleBytes[] = [];
    if (existsSync(`${path}.map`)) {
      const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[]; mappings: string };
      const totals = new Map<string, number>();
      for (const [source, n] of bytesBySource(readFileSync(path, 'utf8'), map)) {
        const key = shorten(source);
        totals.set(key, (totals.get(key) ?? 0) + n);
      }
      modules = [...totals].map(([source, n]) => ({ source, bytes: n })).sort((a, b) => b.bytes - a.bytes);
    }
    chunks.push({ file, bytes, kind, modules });
  }
  const order = { entry: 0, preload: 1, lazy: 2, css: 3 };
  return chunks.sort((a, b) => order[a.kind] - order[b.kind] || b.bytes - a.bytes);
}

/** Groups a module path: a package under node_modules, else its folder (renderer/features/store, …). */
export function groupOf(source: string): string {
  if (source.startsWith('node_modules/')) {
    const parts = source.split('/');
    return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
  }
  const parts = source.split('/');
  return parts.length > 2 ? parts.slice(0, Math.min(3, parts.length - 1)).join('/') : parts[0]!;
}

/** Server-only code that must never reach the UI bundle. */
export const SERVER_ONLY = [
  /^server\//,
  /node_modules\/(fastify|zod|got)\//,
  /^electron\/core\//,
  /^electron\/cli\//,
];

export function serverOnlyModules(chunks: ChunkInfo[]): ModuleBytes[] {
  return chunks.flatMap((c) => c.modules.filter((m) => SERVER_ONLY.some((re) => re.test(m.source))));
}
