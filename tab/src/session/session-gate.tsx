import { Button } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiClient, ApiError, fetchClientConfig } from '../api/api-client';
import type { ClientConfig, Credentials } from '../api/api-client';
import type { Me } from '../api/types';
import { EmptyState, ErrorState, LoadingSkeleton } from '../components/page-states';
import { readStored, writeStored } from '../host/browser-storage';
import type { Host, HostTheme } from '../host/teams-host';
import type { Session } from './session-context';
import { SessionContext } from './session-context';

const DEV_USER_KEY = 'pmohub.devUser';

/** How this tab proves who is calling: Teams SSO inside Teams, a demo person in dev mode, else nothing. */
function credentialsFor(host: Host, config: ClientConfig, devUser: string | null): Credentials | null {
  if (host.kind === 'teams') {
    return async () => ({ Authorization: `Bearer ${await host.getToken()}` });
  }
  if (config.authMode === 'dev') {
    const headers: Record<string, string> = devUser ? { 'X-Dev-User': devUser } : {};
    return async () => headers;
  }
  return null;
}

/**
 * Signs the person in (GET /api/me) and provides the session to every page. In dev mode outside Teams
 * the person can switch between demo people; in entra mode outside Teams the tab explains where to open it.
 */
export function SessionGate({
  host,
  initialConfig,
  theme,
  onTheme,
  children,
}: {
  host: Host;
  /** The server's settings when main.tsx already has them (fetched while connecting to Teams). */
  initialConfig?: ClientConfig;
  theme: HostTheme;
  onTheme: (theme: HostTheme) => void;
  children: ReactNode;
}) {
  const [config, setConfig] = useState<ClientConfig | null>(initialConfig ?? null);
  const [devUser, setDevUser] = useState<string | null>(() => readStored('session', DEV_USER_KEY));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (config) return;
    fetchClientConfig().then(setConfig, (err: unknown) =>
      setError(
        err instanceof ApiError ? err : new ApiError({ title: 'PMO Hub is not available', status: 0 }),
      ),
    );
  }, [attempt, config]);

  const credentials = useMemo(
    () => (config ? credentialsFor(host, config, devUser) : null),
    [host, config, devUser],
  );
  const api = useMemo(() => (credentials ? new ApiClient(credentials) : null), [credentials]);

  useEffect(() => {
    if (!api) return;
    setMe(null);
    setError(null);
    api.get<Me>('/me').then(setMe, (err: unknown) => {
      if (err instanceof ApiError) setError(err);
      else setError(new ApiError({ title: 'Sign-in failed', status: 0, detail: String(err) }));
    });
  }, [api, attempt]);

  const switchDevUser = useCallback((email: string | null) => {
    writeStored('session', DEV_USER_KEY, email);
    setDevUser(email);
  }, []);

  const devMode = host.kind === 'browser' && config?.authMode === 'dev';
  const session = useMemo<Session | null>(
    () =>
      config && api && me
        ? {
            host,
            config,
            api,
            me,
            theme,
            ...(devMode ? { switchDevUser, switchTheme: onTheme } : {}),
          }
        : null,
    [host, config, api, me, theme, devMode, switchDevUser, onTheme],
  );

  if (error) {
    return (
      <main>
        <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />
        {devMode && devUser && (
          <Button appearance="secondary" onClick={() => switchDevUser(null)}>
            Sign in as the default demo user instead
          </Button>
        )}
      </main>
    );
  }
  if (config && !credentials) {
    return (
      <main>
        <EmptyState title="Open PMO Hub in Microsoft Teams">
          PMO Hub signs you in with your Microsoft 365 account through Teams. Open the PMO Hub app in Teams to
          see your portfolio.
        </EmptyState>
      </main>
    );
  }
  if (!session) return <LoadingSkeleton label="Signing you in" rows={4} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
