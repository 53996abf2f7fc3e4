import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadElementChunk } from './canvas/elements';
import { ErrorBoundary } from './panels/ErrorBoundary';
import './index.css';
import { openDatabaseEarly } from './store/earlyDatabase';
import { notify, useUi } from './store/ui';

// This tab's design comes back from browser storage. The database starts opening now, and
// its reading (persistence: the session, loader, schema, migrations, not in the first screen's
// code) starts as soon as that code is there, beside the first render; the design is handed
// to the studio once the components that draw its elements are there too (so they never draw
// a first frame empty). Until then the empty-canvas guide waits. Then share links, file drops
// and live rooms start (app/afterBoot.ts).
openDatabaseEarly();
const stored = import('./store/persistence').then(async (persistence) => ({
  persistence,
  design: await persistence.openStoredDesign(),
}));
const elements = loadElementChunk();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

void Promise.all([stored, elements])
  .then(([{ persistence, design }]) => persistence.applyStoredDesign(design))
  .catch((error: unknown) => {
    // The studio still works (panels, new designs); the user learns why nothing came back.
    notify('error', `The stored design could not be opened (${String(error)}).`);
  })
  .then(() => {
    useUi.setState({ booted: true });
    return import('./app/afterBoot');
  })
  .then((after) => after.startAfterBoot());
