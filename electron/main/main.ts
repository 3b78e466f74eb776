// Entry point of the Electron main process (built to dist/electron/main.js).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppService } from '../core/app/create-app-service.ts';
import { startDesktopApp } from './start-desktop-app.ts';

startDesktopApp({ createService: createAppService, mainDir: dirname(fileURLToPath(import.meta.url)) });
