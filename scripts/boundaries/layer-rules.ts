// What each layer may import: electron only in the shell, Node only where Node runs, the store server
// only through the embedded demo's port, and in the renderer nothing but the app API contract.
import { builtinModules } from 'node:module';
import { isUnder } from './source-files.ts';

export interface Rule {
  /** Named in every report of a violation. */
  name: string;
  /** Folder, relative to the root, that the rule covers. */
  folder: string;
  /** target: where a relative import leads (relative to the root); null for a package. */
  forbid: (specifier: string, target: string | null) => boolean;
  why: string;
  /** Files of the folder the rule lets through. */
  allowIn?: string[];
}

const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (s: string) =>
  s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!);

/** The single file through which the client starts the embedded demo store. */
export const DEMO_STORE_PORT = 'electron/core/app/embedded-demo.ts';

const reachesServer = (_: string, target: string | null) => target !== null && isUnder(target, 'server');
/** The CLI is left out: `megadisc server …` is the store's own command, loaded on demand. */
const serverFree: Rule[] = ['core', 'main', 'preload', 'shared', 'web'].map((part) => ({
  name: 'client-reaches-server-through-demo-port',
  folder: `electron/${part}`,
  forbid: reachesServer,
  why: `the client reaches the store server's code only through ${DEMO_STORE_PORT}`,
  allowIn: [DEMO_STORE_PORT],
}));

/** The renderer's world: its own code, the app API contract and the store shapes that contract is
 * written in, and the translators. */
const RENDERER_MAY_IMPORT = ['renderer', 'electron/shared', 'api/schemas', 'i18n'];
const outsideContract = (_: string, target: string | null) =>
  target !== null && !RENDERER_MAY_IMPORT.some((folder) => isUnder(target, folder));

export const RULES: Rule[] = [
  {
    name: 'core-without-electron',
    folder: 'electron/core',
    forbid: isElectron,
    why: 'the core engine is plain Node and never imports electron',
  },
  {
    name: 'shared-without-electron',
    folder: 'electron/shared',
    forbid: isElectron,
    why: 'shared contracts never import electron',
  },
  {
    name: 'shared-without-node',
    folder: 'electron/shared',
    forbid: isNodeBuiltin,
    why: 'shared contracts run in the renderer too: no Node',
  },
  {
    name: 'cli-without-electron',
    folder: 'electron/cli',
    forbid: isElectron,
    why: 'the CLI runs without Electron',
  },
  {
    name: 'web-without-electron',
    folder: 'electron/web',
    forbid: isElectron,
    why: 'web mode runs without Electron',
  },
  {
    name: 'api-without-electron',
    folder: 'api',
    forbid: isElectron,
    why: 'the store API schemas never import electron',
  },
  {
    name: 'api-without-node',
    folder: 'api',
    forbid: isNodeBuiltin,
    why: 'the store API schemas are portable: no Node built-ins',
  },
  {
    name: 'i18n-without-electron',
    folder: 'i18n',
    forbid: isElectron,
    why: 'the catalogs and translators never import electron',
  },
  {
    name: 'i18n-without-node',
    folder: 'i18n',
    forbid: isNodeBuiltin,
    why: 'i18n runs in the renderer too: no Node built-ins',
  },
  {
    name: 'server-without-electron',
    folder: 'server',
    forbid: isElectron,
    why: 'the store server never imports electron',
  },
  {
    name: 'renderer-without-node',
    folder: 'renderer',
    forbid: isNodeBuiltin,
    why: 'the renderer runs in a browser: no Node built-ins',
  },
  {
    name: 'renderer-imports-contract-only',
    folder: 'renderer',
    forbid: outsideContract,
    why:
      'the renderer imports only its own code, the app API contract (electron/shared, and the store ' +
      'shapes it is written in: api/schemas) and i18n',
  },
  ...serverFree,
];
