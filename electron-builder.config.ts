// Packages the desktop app into installers: AppImage and deb (Linux), NSIS (Windows), dmg (macOS).
//
// electron-builder rather than Electron Forge: one declarative file covers every target from any OS
// (Forge needs a maker package per format, each with its own options), it sets the Electron fuses
// itself at package time (`electronFuses`) right before signing, and its programmatic API takes a
// local Electron distribution (`electronDist`), which lets `npm test` package for real without the
// Electron binary (test/integration/scripts/package/app-archive.test.ts).
//
// `npm run dist` (or dist:linux, dist:win, dist:mac) needs the Electron binary: see README "Installers".
import type { Configuration } from 'electron-builder';

/**
 * The Electron security checklist's fuses, flipped in the packaged binary. They cannot be flipped on
 * the stub binary `npm test` packages with, so that test checks these values here instead.
 */
export const fuses = {
  /** ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node. */
  runAsNode: false,
  /** Cookies and local storage encrypted at rest with the OS keychain's key. */
  enableCookieEncryption: true,
  /** NODE_OPTIONS could preload any script into the main process. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends would let anyone attach a debugger to the main process. */
  enableNodeCliInspectArguments: false,
  /** The app refuses an app.asar whose header hash differs from the one stamped in at package time. */
  enableEmbeddedAsarIntegrityValidation: true,
  /** Only resources/app.asar is loaded, never a loose resources/app folder dropped beside it. */
  onlyLoadAppFromAsar: true,
  /** file:// gets no more privileges than the web; the app serves its UI over its own app:// protocol. */
  grantFileProtocolExtraPrivileges: false,
} as const satisfies Configuration['electronFuses'];

const config: Configuration = {
  appId: 'app.megadisc.desktop',
  productName: 'Megadisc',
  copyright: 'Copyright © Megadisc contributors',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own macros, not a template literal.
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'release', buildResources: 'resources' },
  // What `npm run build` writes (vite.config.ts → dist/renderer, vite.electron.config.ts → dist/electron),
  // the demo catalog the embedded store seeds from (main.js reaches it as ../../resources/demo-catalog.json)
  // and package.json. Production dependencies are added from node_modules by electron-builder itself.
  // No source maps: the main process is unminified anyway, and the renderer's would add about 2 MB.
  files: [
    'package.json',
    'dist/electron/**/*',
    'dist/renderer/**/*',
    'resources/demo-catalog.json',
    '!**/*.map',
    // What dependencies ship beside their code and nothing at run time reads: type declarations and
    // TypeScript sources, docs, their own tests and benchmarks.
    '!**/node_modules/**/*.{ts,mts,cts,tsx}',
    '!**/node_modules/**/*.md',
    '!**/node_modules/**/{test,tests,__tests__,spec,benchmark,benchmarks}{,/**}',
    '!**/node_modules/**/{test,*.test,*.spec}.{js,mjs,cjs}',
  ],
  asar: true,
  // No production dependency has a native addon (SQLite is node:sqlite, Electron's own). Rebuilding would
  // fetch Electron's headers; turn this back on if a native module is ever added (the packaging test fails then).
  npmRebuild: false,
  electronFuses: fuses,
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icon.png',
    category: 'AudioVideo',
    executableName: 'megadisc',
    synopsis: 'Buy music by the megabyte',
    // The deb's Maintainer field (package.json has no author). A placeholder: put a real address here
    // before publishing.
    maintainer: 'Megadisc contributors <packaging@megadisc.invalid>',
  },
  win: { target: ['nsis'], icon: 'resources/icon.ico' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'resources/icon.icns', category: 'public.app-category.music' },
};

export default config;
