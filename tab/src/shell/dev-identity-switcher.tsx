import { Badge, Dropdown, Label, Option, OptionGroup, useId } from '@fluentui/react-components';
import { useApi, useSession } from '../session/session-context';
import type { DirectoryPerson, PmoRole } from '../api/types';
import type { HostTheme } from '../host/teams-host';
import { useResource } from '../components/use-resource';
import { useAppShellStyles } from './app-shell.styles';

const ROLE_LABELS: Record<PmoRole, string> = {
  pmoHead: 'PMO head',
  projectSpecialist: 'project specialist',
  projectOfficer: 'project officer',
};

const THEME_LABELS: Record<HostTheme, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };

/**
 * AUTH_MODE=dev outside Teams only: act as any demo person (PMO head, PM, sponsor…) and try each Teams
 * theme. The session never offers it in entra mode, and the server ignores X-Dev-User there.
 */
export function DevIdentitySwitcher() {
  const styles = useAppShellStyles();
  const { me, theme, switchDevUser, switchTheme } = useSession();
  const api = useApi();
  const personLabel = useId('dev-person');
  const themeLabel = useId('dev-theme');
  const people = useResource('people', (signal) =>
    api.get<{ people: DirectoryPerson[] }>('/people', undefined, signal),
  );
  const list = people.data?.people ?? [];
  // PMO staff first (the dashboard's main users), then everyone else by department.
  const groups = new Map<string, DirectoryPerson[]>();
  for (const p of [...list].sort((a, b) => Number(!a.pmoRole) - Number(!b.pmoRole))) {
    const key = p.pmoRole ? 'PMO' : (p.department ?? 'No department');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }

  return (
    <div className={styles.devBar} role="group" aria-label="Developer tools">
      <Badge appearance="tint" color="informative">
        Dev mode
      </Badge>
      <span className={styles.devItem}>
        <Label id={personLabel} size="small">
          Acting as
        </Label>
        <Dropdown
          aria-labelledby={personLabel}
          className={styles.devField}
          size="small"
          value={me.name}
          selectedOptions={[me.email]}
          onOptionSelect={(_e, data) => data.optionValue && switchDevUser?.(data.optionValue)}
        >
          {[...groups.entries()].map(([department, members]) => (
            <OptionGroup key={department} label={department}>
              {members.map((p) => (
                <Option key={p.id} value={p.email} text={p.name}>
                  {p.pmoRole ? `${p.name} (${ROLE_LABELS[p.pmoRole]})` : p.name}
                </Option>
              ))}
            </OptionGroup>
          ))}
        </Dropdown>
      </span>
      <span className={styles.devItem}>
        <Label id={themeLabel} size="small">
          Theme
        </Label>
        <Dropdown
          aria-labelledby={themeLabel}
          className={styles.devThemeField}
          size="small"
          value={THEME_LABELS[theme]}
          selectedOptions={[theme]}
          onOptionSelect={(_e, data) => data.optionValue && switchTheme?.(data.optionValue as HostTheme)}
        >
          {(Object.keys(THEME_LABELS) as HostTheme[]).map((t) => (
            <Option key={t} value={t}>
              {THEME_LABELS[t]}
            </Option>
          ))}
        </Dropdown>
      </span>
    </div>
  );
}
