import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadElementChunk } from './canvas/elements';
import { ErrorBoundary } from './panels/ErrorBoundary';
import './index.css';
import { notify, useUi } from './store/ui';

/**
 * How long the first render waits for the stored design at most. Read in time (the usual
 * case), the studio renders once, with its design: no empty shell first and the design as a
 * second, full render (150–250 ms more before a large design is drawn). Past this, the shell
 * renders and the design follows when it comes (a storage that answers late: another tab
 * holding this tab's slot, a busy disk), so the page is never left blank.
 */
const FIRST_RENDER_WAIT_MS = 1000;

// This tab's design comes back from browser storage: its reading (persistence: the database and
// the session, not in the first screen's code but preloaded beside it; a design an older studio
// left is checked in a worker the page began, store/firstCheck.ts) starts as soon as that code
// is there; the design is handed to the studio once the components that draw its elements are
// there too (so they never draw a first frame empty), and the studio renders then. Until then
// the empty-canvas guide waits. Then share links, file drops and live rooms start
// (app/afterBoot.ts).
const stored = import('./store/persistence').then(async (persistence) => ({
  persistence,
  design: await persistence.openStoredDesign(),
}));
const elements = loadElementChunk();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const reactRoot = createRoot(root);
const deadline = setTimeout(render, FIRST_RENDER_WAIT_MS);
/** Render the studio (a second call, after the deadline, only renders it again). */
function render(): void {
  clearTimeout(deadline);
  reactRoot.render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void Promise.all([stored, elements])
  .then(([{ persistence, design }]) => persistence.applyStoredDesign(design))
  .catch((error: unknown) => {
    // The studio still works (panels, new designs); the user learns why nothing came back.
    notify('error', `The stored design could not be opened (${String(error)}).`);
  })
  .then(() => {
    useUi.setState({ booted: true });
    render();
    return import('./app/afterBoot');
  })
  .then((after) => after.startAfterBoot());
