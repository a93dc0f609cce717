import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectToHost } from './host/teams-host';

// Teams (or a plain browser) first: the theme and the sign-in depend on where we are.
void connectToHost().then((host) => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
