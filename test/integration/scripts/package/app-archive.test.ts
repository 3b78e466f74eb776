// What the installers would ship: builds the app (npm run build's two steps), packages it with
// electron-builder and electron-builder.config.ts against a stub Electron, then reads app.asar.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import builderConfig, { fuses } from '../../../../electron-builder.config.ts';
import { buildElectron, buildRenderer } from '../../../../scripts/launch/build-steps.ts';
import { packageWithStubElectron } from './package-with-stub-electron.ts';
import { type Manifest, productionClosure, readManifest } from './production-closure.ts';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');

/**
 * Measured at 9.72 MB (react and react-dom are bundled into the renderer, so the archive does not carry
 * them); 20 % above that. A jump past it means a dependency or an asset grew: look before raising it.
 */
const ARCHIVE_LIMIT_BYTES = 11_700_000;

let workDir: string;
let archive: string;
/** Every file in the archive (no folders), as '/dist/electron/main.js'. */
let files: string[];

beforeAll(async () => {
  // vitest sets NODE_ENV=test, which the builds' vite would inherit and bundle React's development
  // build: build as `npm run build` does from a shell.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildRenderer(root);
    await buildElectron(root);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  workDir = mkdtempSync(join(tmpdir(), 'megadisc-package-'));
  archive = await packageWithStubElectron(root, workDir);
  files = listPackage(archive, { isPack: false })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => !('files' in statFile(archive, path.slice(1))));
}, 170_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The built files of one output folder, as the archive names them, source maps left out. */
function built(folder: string): string[] {
  const dir = join(root, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
    .map((entry) => `/${folder}/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

function archived(path: string): boolean {
  return files.includes(path);
}

let packagesCache: Map<string, Manifest> | undefined;

/** Each package folder in the archive ('/node_modules/ajv') with its package.json. */
function archivedPackages(): Map<string, Manifest> {
  packagesCache ??= new Map(
    files
      .filter((f) => /^(\/node_modules\/(@[^/]+\/)?[^/]+)+\/package\.json$/.test(f))
      .map((f) => f.slice(0, -'/package.json'.length))
      .map((dir) => [dir, JSON.parse(extractFile(archive, `${dir.slice(1)}/package.json`).toString('utf8'))]),
  );
  return packagesCache;
}

/** Node's lookup inside the archive: `name` in the package's own node_modules, then each parent's. */
function resolveInArchive(packages: Map<string, Manifest>, fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const candidate = posix.join(dir, 'node_modules', name);
    if (packages.has(candidate)) return candidate;
    if (dir === '/') return null;
  }
}

describe('app.asar', () => {
  it("holds the built main, preload and renderer, and package.json's main points at the built main", () => {
    const manifest = JSON.parse(extractFile(archive, 'package.json').toString('utf8'));
    expect(manifest.main).toBe('dist/electron/main.js');
    expect(archived(`/${manifest.main}`)).toBe(true);
    expect(archived('/dist/electron/preload.cjs')).toBe(true);
    expect(archived('/dist/renderer/index.html')).toBe(true);
    // All of what `npm run build` wrote, workers and chunks included.
    expect(files.filter((f) => f.startsWith('/dist/')).sort()).toEqual(
      [...built('dist/electron'), ...built('dist/renderer')].sort(),
    );
    // electron-builder drops them from the app's own package.json.
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('holds every file the built main reaches with new URL(…, import.meta.url): workers, the demo catalog', () => {
    const targets = built('dist/electron').flatMap((file) => {
      const code = readFileSync(join(root, file), 'utf8');
      return [...code.matchAll(/new URL\(\s*"([^"]+)"\s*,\s*import\.meta\.url\s*\)/g)].map((m) =>
        posix.join(posix.dirname(file), m[1]!),
      );
    });
    expect(targets).toContain('/resources/demo-catalog.json');
    for (const target of targets) expect(archived(target), target).toBe(true);
  });

  it('holds nothing but the build, the demo catalog, package.json and node_modules', () => {
    const outside = files.filter((f) => !f.startsWith('/dist/') && !f.startsWith('/node_modules/'));
    expect(outside.sort()).toEqual(['/package.json', '/resources/demo-catalog.json']);
  });

  it('holds no TypeScript, no source maps, no tests or benchmarks of dependencies, no native addons', () => {
    expect(files.filter((f) => /\.(ts|mts|cts|tsx)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\/(test|tests|__tests__|spec|benchmarks?)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\/(test|[^/]*\.test|[^/]*\.spec)\.[cm]?js$/.test(f))).toEqual([]);
    // The config turns npmRebuild off because there is nothing to rebuild for Electron: turn it back on
    // (and expect packaging to fetch Electron's headers) if this ever fails.
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  it('holds the production dependencies, all of them and nothing else, each able to find its own', () => {
    const packages = archivedPackages();
    const packaged = new Set([...packages.values()].map((m) => `${m.name}@${m.version}`));
    const needed = productionClosure(root);
    for (const name of Object.keys(readManifest(root).dependencies ?? {}))
      expect(packages.has(`/node_modules/${name}`), name).toBe(true);
    expect([...packaged].filter((id) => !needed.has(id)).sort()).toEqual([]);
    expect([...needed].filter((id) => !packaged.has(id)).sort()).toEqual([]);
    // electron-builder hoists on its own: check that Node's lookup still finds every dependency.
    const unresolved = [...packages].flatMap(([dir, manifest]) =>
      Object.keys(manifest.dependencies ?? {})
        .filter((dep) => resolveInArchive(packages, dir, dep) === null)
        .map((dep) => `${dir} → ${dep}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('leaves out the dev tools: every devDependency no production dependency needs', () => {
    const packaged = new Set([...archivedPackages().values()].map((m) => m.name));
    const needed = new Set([...productionClosure(root)].map((id) => id.slice(0, id.lastIndexOf('@'))));
    const devOnly = Object.keys(readManifest(root).devDependencies ?? {}).filter((name) => !needed.has(name));
    const tools = [
      'vitest',
      'vite',
      '@biomejs/biome',
      'typescript',
      'playwright-core',
      'electron',
      'electron-builder',
    ];
    for (const name of [...tools, ...devOnly]) expect(packaged.has(name), name).toBe(false);
  });

  it('resolves every package the built main, workers and preload import', () => {
    const imported = new Set(
      built('dist/electron').flatMap((file) => {
        const code = readFileSync(join(root, file), 'utf8');
        const specifiers = code.matchAll(
          /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']([^"'./][^"']*)["']/g,
        );
        return [...specifiers]
          .map((m) => m[1]!)
          .filter((s) => !isBuiltin(s) && s !== 'electron')
          .map((s) =>
            s
              .split('/')
              .slice(0, s.startsWith('@') ? 2 : 1)
              .join('/'),
          );
      }),
    );
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) expect(archived(`/node_modules/${name}/package.json`), name).toBe(true);
  });

  it(`stays under ${ARCHIVE_LIMIT_BYTES / 1e6} MB`, () => {
    const size = statSync(archive).size;
    console.log(`app.asar: ${(size / 1e6).toFixed(2)} MB in ${files.length} files`);
    expect(size).toBeLessThan(ARCHIVE_LIMIT_BYTES);
  });
});

describe('electron-builder.config.ts', () => {
  it("sets the Electron security checklist's fuses (flipped at package time, so not on the stub above)", () => {
    expect(builderConfig.electronFuses).toBe(fuses);
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // OnlyLoadAppFromAsar and the integrity check both need the app inside an archive.
    expect(builderConfig.asar).toBe(true);
  });

  it('targets AppImage and deb, NSIS and dmg, each with an icon that exists', () => {
    expect(builderConfig.productName).toBe('Megadisc');
    expect(builderConfig.linux?.target).toEqual(['AppImage', 'deb']);
    expect(builderConfig.win?.target).toEqual(['nsis']);
    expect(builderConfig.mac?.target).toEqual(['dmg']);
    for (const icon of [builderConfig.linux?.icon, builderConfig.win?.icon, builderConfig.mac?.icon]) {
      expect(typeof icon === 'string' && existsSync(join(root, icon)), String(icon)).toBe(true);
    }
  });
});
