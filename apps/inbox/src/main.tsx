import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles/index.css';
import { loadLocale } from './i18n/i18n';

const root = document.getElementById('root');
// The sign-in screen speaks the browser's language; the operator's own choice applies once known.
if (root)
  void loadLocale(null).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
