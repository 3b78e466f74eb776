// Renderer entry, kept small: picks the transport, asks at once for what the first screen shows, then
// loads the app (its own chunk, preloaded by index.html) and mounts it. The first API calls travel
// while the app's code downloads and compiles, instead of after.
import { getApi, primeFirstScreen } from './api/get-api.ts';

primeFirstScreen(window.location.hash);
const api = getApi();
void import('./mount-app.tsx').then(({ mountApp }) => mountApp(api));
