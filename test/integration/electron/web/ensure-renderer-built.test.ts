import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../../../electron/web/ensure-renderer-built.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A one-page vite project whose config imports nothing, so it builds from a temp folder. */
function tinyProject(): { configFile: string; rendererDir: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-vite-'));
  dirs.push(dir);
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(
    join(src, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>\n',
  );
  writeFileSync(join(src, 'main.js'), 'document.getElementById("root").textContent = "tiny " + 40 + 2;\n');
  const configFile = join(dir, 'vite.config.mjs');
  writeFileSync(configFile, `export default { root: ${JSON.stringify(src)}, logLevel: 'silent' };\n`);
  return { configFile, rendererDir: join(dir, 'dist', 'renderer'), dir };
}

describe('ensureRendererBuilt', () => {
  it('builds with vite when index.html is missing, and only then', async () => {
    const { configFile, rendererDir } = tinyProject();
    let builds = 0;
    await ensureRendererBuilt({ rendererDir, configFile, onBuild: () => builds++ });
    expect(builds).toBe(1);
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    const script = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(readFileSync(join(rendererDir, 'assets', script!), 'utf8')).toContain('tiny');
    // The staging folder is gone: only the renderer folder is left beside it.
    expect(readdirSync(join(rendererDir, '..'))).toEqual(['renderer']);

    await ensureRendererBuilt({ rendererDir, configFile, onBuild: () => builds++ });
    expect(builds).toBe(1);
  }, 60_000);

  it('replaces a renderer folder that has no index.html', async () => {
    const { configFile, rendererDir } = tinyProject();
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'stale.txt'), 'old');
    await ensureRendererBuilt({ rendererDir, configFile });
    expect(existsSync(join(rendererDir, 'index.html'))).toBe(true);
    expect(existsSync(join(rendererDir, 'stale.txt'))).toBe(false);
  }, 60_000);

  it('says so when there is no vite config to build with', async () => {
    const { dir, rendererDir } = tinyProject();
    await expect(
      ensureRendererBuilt({ rendererDir, configFile: join(dir, 'missing.config.ts') }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('missing.config.ts') });
  });

  it('leaves nothing behind when the build fails', async () => {
    const { configFile, rendererDir, dir } = tinyProject();
    writeFileSync(join(dir, 'src', 'main.js'), 'import "./does-not-exist.js";\n');
    await expect(ensureRendererBuilt({ rendererDir, configFile })).rejects.toThrow();
    expect(existsSync(join(dir, 'dist')) ? readdirSync(join(dir, 'dist')) : []).toEqual([]);
  }, 60_000);
});
