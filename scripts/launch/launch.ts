// `npm start` as a sequence of steps, each one injected so tests can run it without building,
// downloading or spawning anything: build the renderer, find (or fetch once) Electron, then run the
// desktop app, or fall back to web mode with the demo store.
import { decideLaunch, mayDownload, webFallbackLine } from './decide-launch.ts';
import type { DownloadResult } from './download-electron.ts';
import type { BinaryLookup } from './electron-binary.ts';

export interface LaunchSteps {
  env: NodeJS.ProcessEnv;
  log(line: string): void;
  buildRenderer(): Promise<void>;
  buildElectron(): Promise<void>;
  findBinary(): BinaryLookup;
  download(): Promise<DownloadResult>;
  runElectron(binary: string): Promise<number>;
  runWeb(): Promise<number>;
}

export async function launch(steps: LaunchSteps): Promise<number> {
  await steps.buildRenderer();
  let binary = steps.findBinary();
  let download: DownloadResult | null = null;
  if (!binary.found && mayDownload(steps.env)) {
    download = await steps.download();
    if (download.ok) binary = steps.findBinary();
  }
  const plan = decideLaunch(binary, download);
  if (plan.mode === 'electron') {
    await steps.buildElectron();
    return steps.runElectron(plan.binary);
  }
  steps.log(webFallbackLine(plan.reason));
  return steps.runWeb();
}
