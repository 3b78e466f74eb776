// Start-up caches for the `megadisc` command. Node runs our TypeScript by stripping its types, every
// file on every start, and compiles every module from scratch: for `megadisc web` (about 400 modules:
// the web host, the engine, the embedded store) that was over a third of the start-up's CPU time.
// Both results are kept between runs:
// - the type-stripped JavaScript, keyed by a hash of the Node version and the file's source, so an
//   edited file simply misses; stripping keeps every line and column, so stack traces are unchanged;
// - V8's code cache (module.enableCompileCache), which Node checks against the source itself.
// They live in node_modules/.cache/megadisc (as other tools' caches do): written by whoever installed
// the code, never a shared temp folder where someone else could plant code. Any failure to read or
// write the cache falls back to Node's own loading; MEGADISC_MODULE_CACHE=0 turns both off, and
// MEGADISC_MODULE_CACHE_DIR puts them elsewhere (tests).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { enableCompileCache, registerHooks, stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROOT_URL = new URL('../../', import.meta.url).href;
/** A tree edited over months leaves old entries behind; past this many, the cache starts over. */
const MAX_ENTRIES = 4000;

let enabled = false;

/** Turns the caches on for every module loaded from now on (once per process). */
export function enableModuleCaches(env: NodeJS.ProcessEnv = process.env): void {
  if (enabled || env.MEGADISC_MODULE_CACHE === '0') return;
  enabled = true;
  const dir = env.MEGADISC_MODULE_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'megadisc');
  try {
    mkdirSync(join(dir, 'strip-types'), { recursive: true });
  } catch {
    return; // A read-only install: Node's own loading, uncached.
  }
  enableCompileCache(join(dir, 'v8'));
  registerStripCache(join(dir, 'strip-types'));
}

function registerStripCache(dir: string): void {
  const salt = `${process.version}\0`;
  let written = 0;
  registerHooks({
    load(url, context, nextLoad) {
      // Only our own ES modules in TypeScript; everything else loads as Node loads it.
      if (!url.startsWith(ROOT_URL) || !url.endsWith('.ts') || url.includes('/node_modules/'))
        return nextLoad(url, context);
      const loaded = nextLoad(url, context);
      if (loaded.format !== 'module-typescript' || loaded.source == null) return loaded;
      const source = asBuffer(loaded.source);
      const key = createHash('sha256').update(salt).update(source).digest('base64url');
      const file = join(dir, `${key}.js`);
      let code: string;
      try {
        code = readFileSync(file, 'utf8');
      } catch {
        code = strip(source.toString('utf8'));
        if (written++ === 0) prune(dir);
        try {
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, code);
          renameSync(tmp, file);
        } catch {
          // Not cached this time; the module still loads.
        }
      }
      return { format: 'module', source: code, shortCircuit: true };
    },
  });
}

function asBuffer(source: string | ArrayBuffer | NodeJS.TypedArray): Buffer {
  if (typeof source === 'string') return Buffer.from(source, 'utf8');
  if (ArrayBuffer.isView(source)) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return Buffer.from(source);
}

/** Node's own type stripper, without the "experimental" warning its API prints once per process. */
function strip(source: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}

function prune(dir: string): void {
  try {
    if (readdirSync(dir).length < MAX_ENTRIES) return;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  } catch {
    // Pruning is housekeeping; loading goes on either way.
  }
}
