import { describe, expect, it, vi } from 'vitest';
import {
  bundleProblems,
  relocateFileUrls,
  urlPathFrom,
} from '../../../../scripts/launch/relocate-file-urls.ts';

const WORKERS = { 'parse-worker': '/repo/electron/core/tagging/parse-worker.ts' };

function transform(code: string, id: string) {
  const plugin = relocateFileUrls('/repo/dist/electron', WORKERS);
  const error = vi.fn((message: string) => {
    throw new Error(message);
  });
  const hook = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null;
  return hook.call({ error }, code, id);
}

describe('relocating file URLs in the main bundle', () => {
  it('points a worker at its entry beside main.js', () => {
    const result = transform(
      "const url = new URL('./parse-worker.ts', import.meta.url);",
      '/repo/electron/core/tagging/parse-pool.ts',
    );
    expect(result!.code).toBe('const url = new URL("./parse-worker.js", import.meta.url);');
  });

  it('fails the build for a worker that is not a build entry', () => {
    expect(() => transform("new URL('./other-worker.ts', import.meta.url)", '/repo/server/x.ts')).toThrow(
      /other-worker\.ts: add it to the worker entries/,
    );
  });

  it('points a data file at its place in the repository, from the output folder', () => {
    const result = transform(
      "fileURLToPath(new URL('../../../resources/demo-catalog.json', import.meta.url))",
      '/repo/server/catalog/sources/demo-definition.ts',
    );
    expect(result!.code).toBe('fileURLToPath(new URL("../../resources/demo-catalog.json", import.meta.url))');
  });

  it('leaves other code and node_modules alone', () => {
    expect(transform('const here = import.meta.url;', '/repo/electron/main/main.ts')).toBeNull();
    expect(transform("new URL('./x.ts', import.meta.url)", '/repo/node_modules/pkg/index.ts')).toBeNull();
    expect(urlPathFrom('/a/b', '/a/b/c.json')).toBe('./c.json');
  });

  it('flags chunks in subfolders and workers that would load main.js', () => {
    const chunk = (imports: string[]) => ({ type: 'chunk', imports });
    expect(
      bundleProblems({ 'main.js': chunk(['a.js']), 'a.js': chunk([]), 'parse-worker.js': chunk(['a.js']) }, [
        'parse-worker',
      ]),
    ).toEqual([]);
    expect(
      bundleProblems(
        {
          'main.js': chunk([]),
          'chunks/a.js': chunk(['main.js']),
          'parse-worker.js': chunk(['chunks/a.js']),
        },
        ['parse-worker'],
      ),
    ).toEqual([
      'chunks/a.js is in a subfolder; file URLs assume every chunk sits beside main.js',
      'parse-worker.js imports main.js: the worker would start the app',
    ]);
  });
});
