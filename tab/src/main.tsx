import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchClientConfig } from './api/api-client';
import { App } from './app';
import { connectToHost } from './host/teams-host';

// Where we are (Teams or a plain browser) decides the theme and the sign-in; the server's settings are
// asked for at the same time rather than after.
const config = fetchClientConfig().catch(() => undefined); // the session gate asks again and shows the error
void Promise.all([connectToHost(), config]).then(([host, initialConfig]) => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App host={host} initialConfig={initialConfig} />
    </StrictMode>,
  );
});
