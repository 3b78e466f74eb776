// Decides how `npm start` runs the app: the Electron window when its binary is there, web mode with
// the demo store otherwise (an offline machine cannot fetch the binary).
import type { DownloadResult } from './download-electron.ts';
import type { BinaryLookup } from './electron-binary.ts';

export type LaunchPlan = { mode: 'electron'; binary: string } | { mode: 'web'; reason: string };

/** MEGADISC_NO_ELECTRON_DOWNLOAD=1 keeps tests and CI off the network. */
export function mayDownload(env: NodeJS.ProcessEnv): boolean {
  return env.MEGADISC_NO_ELECTRON_DOWNLOAD !== '1';
}

/** `download` is the attempt's result, or null when none was made. */
export function decideLaunch(binary: BinaryLookup, download: DownloadResult | null): LaunchPlan {
  if (binary.found) return { mode: 'electron', binary: binary.path };
  if (download === null) return { mode: 'web', reason: `${binary.reason}; download skipped` };
  return { mode: 'web', reason: download.ok ? binary.reason : download.reason };
}

export function webFallbackLine(reason: string): string {
  return `Electron binary not available (${reason}); starting web mode with the demo store instead.`;
}
