import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ClientConfig } from './api/api-client';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoadingSkeleton } from './components/page-states';
import { writeStored } from './host/browser-storage';
import type { Host, HostTheme } from './host/teams-host';
import { THEME_KEY } from './host/teams-host';
import { SessionGate } from './session/session-gate';
import { AppShell } from './shell/app-shell';
import { DeepLink } from './shell/deep-link';

const THEMES: Record<HostTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

// Each page is its own chunk: the first paint loads the shell and the page asked for, not all five.
const PortfolioPage = lazy(() => import('./pages/portfolio/portfolio-page'));
const ProjectPage = lazy(() => import('./pages/project/project-page'));
const CompliancePage = lazy(() => import('./pages/compliance/compliance-page'));
const ApprovalsPage = lazy(() => import('./pages/approvals/approvals-page'));
const RaidPage = lazy(() => import('./pages/raid/raid-page'));

/** The tab: one FluentProvider themed from Teams (and re-themed when Teams changes), the session, the pages. */
export function App({ host, initialConfig }: { host: Host; initialConfig?: ClientConfig }) {
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => {
    if (host.kind === 'teams') host.onThemeChange(setTheme);
  }, [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const pickTheme = useCallback((t: HostTheme) => {
    writeStored('local', THEME_KEY, t);
    setTheme(t);
  }, []);

  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      <SessionGate host={host} initialConfig={initialConfig} theme={theme} onTheme={pickTheme}>
        <BrowserRouter basename="/tab">
          <DeepLink />
          <AppShell>
            <Suspense fallback={<LoadingSkeleton label="Loading the page" />}>
              <Routes>
                <Route index element={<PortfolioPage />} />
                <Route path="projects/:id" element={<ProjectPage />} />
                <Route path="compliance" element={<CompliancePage />} />
                <Route path="approvals" element={<ApprovalsPage />} />
                <Route path="raid" element={<RaidPage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </AppShell>
        </BrowserRouter>
      </SessionGate>
    </FluentProvider>
  );
}
