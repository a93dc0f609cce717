import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/api-client';
import type { DirectoryPerson, PersonRef, StakeholderJson } from '../../api/types';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import { useRaidStyles } from './project-raid.styles';
import { CHANNEL_LABEL, FREQUENCY_LABEL, ROLE_LABEL, stakeholderName } from './stakeholder-labels';

type Target = 'person' | 'address' | 'channelId';
interface Values {
  target: Target;
  person: string;
  address: string;
  channelId: string;
  role: StakeholderJson['role'];
  channel: StakeholderJson['channel'];
  frequency: StakeholderJson['frequency'];
}

const TARGET_LABEL: Record<Target, string> = {
  person: 'A person',
  address: 'An email address',
  channelId: 'A Teams channel',
};
/** The channel that fits each kind of recipient first. */
const DEFAULT_CHANNEL: Record<Target, StakeholderJson['channel']> = {
  person: 'teamsChat',
  address: 'email',
  channelId: 'teamsChannel',
};

function initialValues(entry: StakeholderJson | null): Values {
  if (!entry) {
    return {
      target: 'person',
      person: '',
      address: '',
      channelId: '',
      role: 'sponsor',
      channel: 'teamsChat',
      frequency: 'weekly',
    };
  }
  return {
    target: entry.person ? 'person' : entry.address !== null ? 'address' : 'channelId',
    person: entry.person?.id ?? '',
    address: entry.address ?? '',
    channelId: entry.channelId ?? '',
    role: entry.role,
    channel: entry.channel,
    frequency: entry.frequency,
  };
}

/** A 400's or duplicate 409's message for a field, also when the API names a part of it (person.email). */
function fieldMessage(error: ApiError | null, name: string): string | undefined {
  return error?.problem.errors?.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message;
}

const FIELDS = ['person', 'address', 'channelId', 'role', 'channel', 'frequency'];

export type StakeholderOutcome =
  { kind: 'saved'; entry: StakeholderJson } | { kind: 'conflict'; name: string };

/**
 * Add or edit one entry of a project's stakeholder register. The server decides who may and what is
 * valid: a 400 (or a duplicate's 409) puts each message beside its field and keeps what was typed; a
 * stale version goes back to the panel, which reloads.
 */
export function StakeholderDialog({
  projectId,
  entry,
  onClose,
  onDone,
}: {
  projectId: string;
  entry: StakeholderJson | null;
  onClose: () => void;
  onDone: (outcome: StakeholderOutcome) => void;
}) {
  const api = useApi();
  const styles = useRaidStyles();
  const [values, setValues] = useState<Values>(() => initialValues(entry));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const directory = useResource('people', (signal) =>
    api.get<{ people: DirectoryPerson[] }>('/people', undefined, signal),
  );
  const people = new Map<string, PersonRef>();
  for (const p of directory.data?.people ?? []) people.set(p.id, { id: p.id, name: p.name, email: p.email });
  if (entry?.person && !people.has(entry.person.id)) people.set(entry.person.id, entry.person);
  const sortedPeople = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = {
      person: values.target === 'person' ? (people.get(values.person) ?? null) : null,
      address: values.target === 'address' ? values.address : null,
      channelId: values.target === 'channelId' ? values.channelId : null,
      role: values.role,
      channel: values.channel,
      frequency: values.frequency,
    };
    try {
      const saved = entry
        ? await api.patch<StakeholderJson>(`/stakeholders/${encodeURIComponent(entry.id)}`, {
            ...body,
            version: entry.version,
          })
        : await api.post<StakeholderJson>('/stakeholders', {
            scope: { kind: 'project', id: projectId },
            ...body,
          });
      onDone({ kind: 'saved', entry: saved });
    } catch (err) {
      const apiError =
        err instanceof ApiError ? err : new ApiError({ title: 'Not saved', status: 0, detail: String(err) });
      const duplicate = apiError.status === 409 && (apiError.problem.errors?.length ?? 0) > 0;
      if (entry && (apiError.status === 409 || apiError.status === 412) && !duplicate) {
        onDone({ kind: 'conflict', name: stakeholderName(entry) });
        return;
      }
      setError(apiError);
      setSaving(false);
    }
  }

  const formMessage =
    error && !error.problem.errors?.some((e) => FIELDS.some((f) => e.field.startsWith(f))) ? error : null;
  const targetMessage = fieldMessage(error, values.target);

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{entry ? 'Edit stakeholder' : 'Add stakeholder'}</DialogTitle>
            <DialogContent className={styles.form}>
              {formMessage && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>
                      {formMessage.status === 403 ? 'Not allowed' : formMessage.problem.title}
                    </MessageBarTitle>
                    {formMessage.problem.detail}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Field label="Reaches" className={styles.wide}>
                <Select
                  value={values.target}
                  onChange={(_e, d) => {
                    const target = d.value as Target;
                    setValues((old) => ({ ...old, target, channel: DEFAULT_CHANNEL[target] }));
                  }}
                >
                  {(Object.keys(TARGET_LABEL) as Target[]).map((t) => (
                    <option key={t} value={t}>
                      {TARGET_LABEL[t]}
                    </option>
                  ))}
                </Select>
              </Field>
              {values.target === 'person' && (
                <Field
                  label="Person"
                  required
                  className={styles.wide}
                  validationMessage={targetMessage}
                  validationState={targetMessage ? 'error' : 'none'}
                >
                  <Select
                    value={values.person}
                    onChange={(_e, d) => set('person', d.value)}
                    disabled={directory.state === 'loading' && !entry}
                  >
                    <option value="">Choose someone</option>
                    {sortedPeople.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.email})
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {values.target === 'address' && (
                <Field
                  label="Email address"
                  required
                  className={styles.wide}
                  hint="One address, such as steering@contoso.com or a distribution list."
                  validationMessage={targetMessage}
                  validationState={targetMessage ? 'error' : 'none'}
                >
                  <Input type="email" value={values.address} onChange={(_e, d) => set('address', d.value)} />
                </Field>
              )}
              {values.target === 'channelId' && (
                <Field
                  label="Teams channel id"
                  required
                  className={styles.wide}
                  hint="From the channel's “Get link to channel”: 19:…@thread.tacv2"
                  validationMessage={targetMessage}
                  validationState={targetMessage ? 'error' : 'none'}
                >
                  <Input value={values.channelId} onChange={(_e, d) => set('channelId', d.value)} />
                </Field>
              )}
              <ChoiceField
                label="Role"
                name="role"
                error={error}
                value={values.role}
                labels={ROLE_LABEL}
                onChange={(v) => set('role', v)}
              />
              <ChoiceField
                label="Channel"
                name="channel"
                error={error}
                value={values.channel}
                labels={CHANNEL_LABEL}
                onChange={(v) => set('channel', v)}
              />
              <ChoiceField
                label="Frequency"
                name="frequency"
                error={error}
                value={values.frequency}
                labels={FREQUENCY_LABEL}
                onChange={(v) => set('frequency', v)}
              />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose} disabled={saving}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={saving}
                icon={saving ? <Spinner size="tiny" /> : undefined}
              >
                {saving ? 'Saving…' : entry ? 'Save changes' : 'Add stakeholder'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function ChoiceField<V extends string>({
  label,
  name,
  error,
  value,
  labels,
  onChange,
}: {
  label: string;
  name: string;
  error: ApiError | null;
  value: V;
  labels: Record<V, string>;
  onChange: (value: V) => void;
}) {
  const message = fieldMessage(error, name);
  return (
    <Field label={label} validationMessage={message} validationState={message ? 'error' : 'none'}>
      <Select value={value} onChange={(_e, d) => onChange(d.value as V)}>
        {(Object.keys(labels) as V[]).map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
