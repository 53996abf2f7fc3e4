import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { startPersistence } from './store/persistence';
import { installFileDropGuard, installLinkSync, openLinkFromLocation } from './app/importExport';

// This tab's design comes back from browser storage before the first render.
await startPersistence();
// A share link in the address bar opens over the restored design (which goes to recent designs).
installLinkSync();
openLinkFromLocation();
window.addEventListener('hashchange', openLinkFromLocation);
installFileDropGuard();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
