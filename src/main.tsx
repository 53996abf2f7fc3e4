import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { readAutosave, startAutosave } from './store/autosave';
import { useStudio } from './store/studio';

const restored = readAutosave();
if (restored) useStudio.getState().replaceDesign(restored);
startAutosave();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
