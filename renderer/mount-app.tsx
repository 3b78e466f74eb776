// The app itself, in its own chunk: main.tsx loads it after starting the first screen's API calls.
// The shared styles come first, then each component's own.
import './styles/app.css';
import { createRoot } from 'react-dom/client';
import type { AppClient } from './api/app-client.ts';
import { App } from './shell/App.tsx';

export function mountApp(api: AppClient): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App api={api} />);
}
