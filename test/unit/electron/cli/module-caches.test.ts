// The CLI's start-up caches (electron/cli/module-caches.ts): type-stripped sources keyed by Node's
// version and the file's bytes, used on the next start, and nothing at all when turned off.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli-process.ts';

const WEB_COMMAND = fileURLToPath(
  new URL('../../../../electron/cli/commands/web-command.ts', import.meta.url),
);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-module-cache-'));
  dirs.push(dir);
  return dir;
}

/** The entry a stripped file is kept under (the child runs on this same Node). */
function entryFor(file: string): string {
  const key = createHash('sha256')
    .update(`${process.version}\0`)
    .update(readFileSync(file))
    .digest('base64url');
  return `${key}.js`;
}

describe('module caches', () => {
  it('keeps the stripped sources of the modules a command loads, and loads them from there next time', async () => {
    const dir = cacheDir();
    const env = { MEGADISC_MODULE_CACHE_DIR: dir };
    // `web` with a bad port loads the command's module (after the caches are on) and stops at once.
    const first = await runCli(['web', '--port', 'eighty', '--no-open'], env);
    expect(first.code).toBe(2);
    const entries = readdirSync(join(dir, 'strip-types'));
    expect(entries).toContain(entryFor(WEB_COMMAND));
    expect(entries.every((name) => name.endsWith('.js'))).toBe(true);
    // Stripping keeps every line and column: same length, types blanked out.
    const stripped = readFileSync(join(dir, 'strip-types', entryFor(WEB_COMMAND)), 'utf8');
    expect(stripped.length).toBe(readFileSync(WEB_COMMAND, 'utf8').length);
    expect(stripped).not.toContain('Promise<number>');

    // The next start reads the entry instead of the file: a planted one shows it.
    writeFileSync(
      join(dir, 'strip-types', entryFor(WEB_COMMAND)),
      "export async function web() { process.stdout.write('from the cache\\n'); return 0; }\n",
    );
    const second = await runCli(['web', '--port', 'eighty', '--no-open'], env);
    expect(second).toEqual({ code: 0, output: 'from the cache\n' });

    // Off: Node's own loading, and the planted entry is not read.
    const off = await runCli(['web', '--port', 'eighty', '--no-open'], {
      ...env,
      MEGADISC_MODULE_CACHE: '0',
    });
    expect(off.code).toBe(2);
    expect(off.output).toContain('--port');
  });

  it('writes nothing when turned off', async () => {
    const dir = cacheDir();
    const result = await runCli(['web', '--port', 'eighty', '--no-open'], {
      MEGADISC_MODULE_CACHE_DIR: dir,
      MEGADISC_MODULE_CACHE: '0',
    });
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
