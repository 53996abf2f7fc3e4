import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadElementChunk } from './canvas/elements';
import { ErrorBoundary } from './panels/ErrorBoundary';
import './index.css';
import { useUi } from './store/ui';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// This tab's design comes back from browser storage (persistence: the loader, schema,
// migrations) just after the first paint, not in the first screen's code, with the components
// that draw its elements (so they never draw a first frame empty); until then the empty-canvas
// guide waits. A share link in the address bar then opens over the restored design (which goes
// to recent designs); links, files and images load beside.
void Promise.all([import('./store/persistence'), loadElementChunk()])
  .then(([persistence]) => persistence.startPersistence())
  .then(() => {
    useUi.setState({ booted: true });
    return import('./app/importExport');
  })
  .then((io) => {
    io.installLinkSync();
    io.openLinkFromLocation();
    window.addEventListener('hashchange', io.openLinkFromLocation);
    io.installFileDropGuard();
    // A live room link joins the room (its design replaces the open one, which goes to recent
    // designs). The room code is its own chunk.
    return import('./collab/launch');
  })
  .then((rooms) => {
    rooms.joinRoomFromLocation();
    window.addEventListener('hashchange', rooms.joinRoomFromLocation);
  });
