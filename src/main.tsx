import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { useStudio } from './store/studio';
import { useUi } from './store/ui';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The loader (schema, migrations) and then links, files and images load beside the first
// screen, not in it. The autosaved design is restored first; a share link in the address bar
// then opens over it (the restored design goes to recent designs).
void import('./store/autosave')
  .then((autosave) => {
    const restored = autosave.readAutosave();
    if (restored) useStudio.getState().replaceDesign(restored);
    autosave.startAutosave();
    useUi.setState({ booted: true });
    return import('./app/importExport');
  })
  .then((io) => {
    io.installLinkSync();
    io.openLinkFromLocation();
    window.addEventListener('hashchange', io.openLinkFromLocation);
    io.installFileDropGuard();
  });
