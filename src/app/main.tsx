/**
 * Entry point: apply the URL hash, start the worker and the store wiring (strip and variety view),
 * install the test hook, then render. The order matters: the first synthesis request already uses the
 * parameters of the link.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installHashSync } from '../state/hash-sync.ts';
import { refreshSavedPresetNames } from '../state/saved-presets.ts';
import '../ui/styles.css';
import { App } from './App.tsx';
import { createSynthWorker } from './create-synth-worker.ts';
import { startSynthesis } from './start-synthesis.ts';
import { startVariety } from './start-variety.ts';
import { installTestApi } from './test-api.ts';
import { splitWorker } from './worker-channels.ts';
import { installWorkspaceTestApi } from '../workspace/workspace-test-api.ts';
import { startWorkspace } from '../workspace/workspace-start.ts';
import { startKeptWork } from '../workspace/workspace-kept-start.ts';
import { installKeptTestApi } from '../workspace/workspace-runs-test-api.ts';
import { preloadPlotly } from '../ui/plots/plotly.ts';

// Plotly is its own chunk: fetch it now, while the shell renders and the workspace restores.
void preloadPlotly().catch((e: unknown) => console.error('plotly:', e));
const hashSync = installHashSync(window);
refreshSavedPresetNames();
const channels = splitWorker(createSynthWorker());
const synthesis = startSynthesis(channels.synth);
startVariety(channels.variety);
installTestApi(window, { isIdle: synthesis.isIdle, flushHash: hashSync.flush });
installWorkspaceTestApi(window);
void startWorkspace();
installKeptTestApi(window);
void startKeptWork();
// Offline: the service worker (public/sw.js) caches the app, its chunks and the wasm files.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e: unknown) => console.warn('service worker:', e));
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
