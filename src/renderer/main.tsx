import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectApi } from './api/select-api';
import { App } from './app';
import { defaultView, viewFromHash } from './lib/route';
import { createAppStore } from './store/create-store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
try {
  const store = createAppStore(selectApi(), {
    view: viewFromHash(window.location.hash, defaultView(window)),
  });
  root.render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
} catch (err) {
  root.render(
    <main className="fatal" role="alert">
      <h1>darwinmetrics</h1>
      <p>{err instanceof Error ? err.message : String(err)}</p>
    </main>,
  );
}
