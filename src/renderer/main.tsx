import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { connectAppStore } from './shared/appStore';
import './tokens.css';
import './styles.css';

// The state is asked for before the first render, so its round trip overlaps React's start.
connectAppStore();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
