// Lists the renderer bundle's chunks (size, how each loads) and the top modules and packages in each,
// from the build's sourcemaps, and fails if server-only code (server/, electron/core, zod, fastify)
// reached it. Usage: node bench/bundle-chunks.ts [build dir, default dist/renderer] [--top N]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ChunkInfo, groupOf, readChunks, serverOnlyModules } from './lib/bundle-chunks.ts';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function chunkReport(chunks: ChunkInfo[], top = 8): string {
  const lines: string[] = [];
  lines.push('| chunk | loads | size | holds (largest packages/folders, bytes of minified code) |');
  lines.push('| --- | --- | ---: | --- |');
  for (const c of chunks) {
    const groups = new Map<string, number>();
    for (const m of c.modules) groups.set(groupOf(m.source), (groups.get(groupOf(m.source)) ?? 0) + m.bytes);
    const held = [...groups]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([g, n]) => `${g} ${kib(n)}`)
      .join(', ');
    lines.push(`| ${c.file.replace(/-[\w-]{8}\./, '.')} | ${c.kind} | ${kib(c.bytes)} | ${held || '—'} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '8' }, modules: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dir = positionals[0] ?? join(fileURLToPath(new URL('../', import.meta.url)), 'dist', 'renderer');
  const chunks = readChunks(dir);
  const top = Number(values.top);
  process.stdout.write(`${chunkReport(chunks, top)}\n`);
  if (values.modules)
    for (const c of chunks.filter((c) => c.modules.length)) {
      process.stdout.write(`\n${c.file} (${c.kind}, ${kib(c.bytes)}): top modules\n`);
      for (const m of c.modules.slice(0, top))
        process.stdout.write(`  ${kib(m.bytes).padStart(10)}  ${m.source}\n`);
    }
  const bad = serverOnlyModules(chunks);
  if (bad.length) {
    process.stdout.write(`\nserver-only code in the UI bundle:\n`);
    for (const m of bad) process.stdout.write(`  ${kib(m.bytes)}  ${m.source}\n`);
    process.exitCode = 1;
  } else
    process.stdout.write('\nno server-only code (server/, electron/core, electron/cli, zod, fastify, got)\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
