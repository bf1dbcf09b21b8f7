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
