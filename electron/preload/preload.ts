// The preload script (bundled to dist/electron/preload.cjs): puts the app API bridge on the page's
// window under BRIDGE_GLOBAL, through contextBridge so the page cannot reach Electron itself.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/app-api/bridge.ts';
import { createBridge } from './create-bridge.ts';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
