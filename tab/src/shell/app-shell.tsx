import { Tab, TabList, Text } from '@fluentui/react-components';
import {
  BoardRegular,
  CheckmarkStarburstRegular,
  ClipboardTaskListLtrRegular,
  ShieldErrorRegular,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/session-context';
import { useAppShellStyles } from './app-shell.styles';
import { DevIdentitySwitcher } from './dev-identity-switcher';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  staffOnly?: boolean;
}

const NAV: NavItem[] = [
  { path: '/', label: 'Portfolio', icon: <BoardRegular /> },
  { path: '/compliance', label: 'Status compliance', icon: <ClipboardTaskListLtrRegular />, staffOnly: true },
  { path: '/approvals', label: 'Approvals', icon: <CheckmarkStarburstRegular /> },
  { path: '/raid', label: 'RAID', icon: <ShieldErrorRegular /> },
];

/** Which top-level section a URL belongs to (a project page belongs to the portfolio). */
function sectionOf(pathname: string): string {
  const match = NAV.find((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match?.path ?? '/';
}

/** Header (name, sections, who is signed in, the dev tools outside Teams) and the page below it. */
export function AppShell({ children }: { children: ReactNode }) {
  const styles = useAppShellStyles();
  const { me, switchDevUser } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV.filter((item) => !item.staffOnly || me.isPmoStaff);

  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Text as="span" weight="semibold" size={400}>
            PMO Hub
          </Text>
        </div>
        <nav className={styles.nav} aria-label="Sections">
          <TabList
            selectedValue={sectionOf(location.pathname)}
            onTabSelect={(_e, data) => void navigate(String(data.value))}
            size="medium"
          >
            {items.map((item) => (
              <Tab key={item.path} value={item.path} icon={<span>{item.icon}</span>}>
                {item.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={styles.tools}>
          {switchDevUser ? (
            <DevIdentitySwitcher />
          ) : (
            <Text size={200} aria-label={`Signed in as ${me.name}`}>
              {me.name}
            </Text>
          )}
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
