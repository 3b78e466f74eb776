// The renderer bundle as vite builds it: no server-only code (the store, the core, the CLI, zod,
// fastify, got; nor the host-only catalog areas), no test fixture, and a first screen of a few
// files, the app chunk preloaded beside the small entry that starts the first API calls.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChunkInfo, readChunks, serverOnlyModules } from '../../../bench/lib/bundle-chunks.ts';
import { ensureRendererBuilt } from '../../../electron/web/ensure-renderer-built.ts';

const dir = mkdtempSync(join(tmpdir(), 'megadisc-bundle-'));
const rendererDir = join(dir, 'renderer');
let chunks: ChunkInfo[] = [];
let html = '';

beforeAll(async () => {
  await ensureRendererBuilt({ rendererDir, configFile: resolve('vite.config.ts') });
  chunks = readChunks(rendererDir);
  html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the renderer bundle', () => {
  it('holds no server-only code', () => {
    expect(serverOnlyModules(chunks)).toEqual([]);
    const sources = chunks.flatMap((c) => c.modules.map((m) => m.source));
    expect(sources.some((s) => s.includes('node_modules/zod/'))).toBe(false);
    // The CLI's, the store's and web mode's own messages stay out (each area is an empty object).
    const code = chunks.map((c) => readFileSync(join(rendererDir, 'assets', c.file), 'utf8')).join('\n');
    expect(code).not.toContain('cli.web.address');
    expect(code).not.toContain('core.web.unauthorized.title');
    expect(code).toContain('shell.nav.store');
  });

  it('holds no test fixture: the in-memory fake of the app API stays with the tests', () => {
    const sources = chunks.flatMap((c) => c.modules.map((m) => m.source));
    expect(sources.filter((s) => s.includes('test/renderer/fake/'))).toEqual([]);
    // A name only the fake's catalog has, in case a build drops its sourcemaps.
    const code = chunks.map((c) => readFileSync(join(rendererDir, 'assets', c.file), 'utf8')).join('\n');
    expect(code).not.toContain('Megadisc Demo Rights');
  });

  it('loads the first screen from a small entry and one preloaded app chunk', () => {
    const entry = chunks.filter((c) => c.kind === 'entry');
    const preloaded = chunks.filter((c) => c.kind === 'preload');
    expect(entry).toHaveLength(1);
    expect(entry[0]!.bytes).toBeLessThan(16 * 1024);
    expect(preloaded.map((c) => c.file.replace(/-[\w-]+\.js$/, ''))).toEqual(['app']);
    // The entry imports nothing statically: it runs (and starts the API calls) as soon as it arrives.
    const entryCode = readFileSync(join(rendererDir, 'assets', entry[0]!.file), 'utf8');
    expect(entryCode).not.toMatch(/(^|[;}])import\s*[{*\w"'`]/m);
    // The other screens are chunks of their own.
    expect(chunks.filter((c) => c.kind === 'lazy').length).toBeGreaterThanOrEqual(3);
    // Styles as links, no favicon request.
    expect(html).toMatch(/<link rel="stylesheet"[^>]* href="\/assets\/app-[\w-]+\.css">/);
    expect(html).toContain('<link rel="icon" href="data:,">');
  });
});
