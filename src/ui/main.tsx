import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { bootStore } from './boot';
import { StoreContext } from './store';

const store = bootStore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary where="the page">
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
store.getState().actions.runNow();

// Read-only probes for the browser tests (no way to change state through them).
const w = window as unknown as { __playground?: Record<string, unknown> };
w.__playground = {
  ...w.__playground,
  sim: () => {
    const s = store.getState();
    return { rev: s.source.rev, replyRev: s.result.reply?.rev ?? 0, errors: s.result.reply?.summary.errors ?? -1, goalsRev: s.result.goals?.rev ?? 0, changesRev: s.result.changes?.rev ?? 0 };
  },
};
