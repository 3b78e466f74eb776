// Renderer entry: mounts the app over whichever transport this window has.
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api.ts';
import { App } from './app/App.tsx';
import './styles/app.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App api={getApi()} />);
