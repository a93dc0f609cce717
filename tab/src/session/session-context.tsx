import { createContext, useContext } from 'react';
import type { ApiClient, ClientConfig } from '../api/api-client';
import type { Me } from '../api/types';
import type { Host, HostTheme } from '../host/teams-host';

/** Who is using the tab, where, and how to reach the API: set once at start-up by <SessionGate>. */
export interface Session {
  host: Host;
  config: ClientConfig;
  api: ApiClient;
  me: Me;
  theme: HostTheme;
  /** Dev mode only: sign in as another demo person (null: the server's default user). */
  switchDevUser?: (email: string | null) => void;
  /** Dev mode only: Teams picks the theme; a plain browser lets the person pick one. */
  switchTheme?: (theme: HostTheme) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionGate>');
  return session;
}

export function useApi(): ApiClient {
  return useSession().api;
}
