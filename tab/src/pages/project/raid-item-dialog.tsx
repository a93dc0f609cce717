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
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/api-client';
import type { DirectoryPerson, PersonRef, RaidItemJson, RaidKind } from '../../api/types';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import {
  DECISION_STATUS_LABEL,
  IMPACT_LABEL,
  ISSUE_STATUS_LABEL,
  PROBABILITY_LABEL,
  RISK_STATUS_LABEL,
  SCORES,
  SEVERITY_LABEL,
} from '../raid/raid-labels';
import { useRaidStyles } from './project-raid.styles';

/** URL segment for each kind (the server's RAID_PATHS). */
export const RAID_PATH: Record<RaidKind, string> = {
  risk: 'risks',
  issue: 'issues',
  decision: 'decision-log',
};
export const KIND_NOUN: Record<RaidKind, string> = { risk: 'risk', issue: 'issue', decision: 'decision' };

type Values = Record<string, string>;
type FieldKind = 'text' | 'longText' | 'date' | 'person' | 'choice';
interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
}

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const scoreOptions = (labels: readonly string[]) =>
  SCORES.map((n) => ({ value: String(n), label: `${n} – ${labels[n - 1]}` }));

/** The form of each kind: its fields in the order a PM fills them. Names are the API's field names. */
const FIELDS: Record<RaidKind, FieldSpec[]> = {
  risk: [
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'description', label: 'Description', kind: 'longText' },
    { name: 'probability', label: 'Probability', kind: 'choice', options: scoreOptions(PROBABILITY_LABEL) },
    { name: 'impact', label: 'Impact', kind: 'choice', options: scoreOptions(IMPACT_LABEL) },
    { name: 'mitigation', label: 'Mitigation', kind: 'longText' },
    { name: 'status', label: 'Status', kind: 'choice', options: options(RISK_STATUS_LABEL) },
    { name: 'owner', label: 'Owner', kind: 'person' },
    { name: 'dueDate', label: 'Review by', kind: 'date' },
  ],
  issue: [
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'description', label: 'Description', kind: 'longText' },
    { name: 'severity', label: 'Severity', kind: 'choice', options: options(SEVERITY_LABEL) },
    { name: 'resolution', label: 'Resolution', kind: 'longText' },
    { name: 'status', label: 'Status', kind: 'choice', options: options(ISSUE_STATUS_LABEL) },
    { name: 'owner', label: 'Owner', kind: 'person' },
    { name: 'dueDate', label: 'Due date', kind: 'date' },
  ],
  decision: [
    { name: 'title', label: 'Decision', kind: 'text', required: true },
    { name: 'description', label: 'Description', kind: 'longText' },
    { name: 'rationale', label: 'Rationale', kind: 'longText' },
    { name: 'status', label: 'Status', kind: 'choice', options: options(DECISION_STATUS_LABEL) },
    { name: 'decidedBy', label: 'Decided by', kind: 'person' },
    { name: 'decidedOn', label: 'Decided on', kind: 'date' },
    { name: 'owner', label: 'Owner', kind: 'person' },
    { name: 'dueDate', label: 'Decide by', kind: 'date' },
  ],
};

const NEW_VALUES: Record<RaidKind, Values> = {
  risk: { probability: '3', impact: '3', status: 'open' },
  issue: { severity: 'medium', status: 'open' },
  decision: { status: 'proposed' },
};

/** The form's starting values: the item's own (editing) or the defaults the server would use. */
function initialValues(kind: RaidKind, item: RaidItemJson | null): Values {
  const values: Values = { ...NEW_VALUES[kind] };
  if (!item) return values;
  for (const spec of FIELDS[kind]) {
    const raw: unknown = (item as unknown as Record<string, unknown>)[spec.name];
    if (spec.kind === 'person') values[spec.name] = (raw as PersonRef | null)?.id ?? '';
    else values[spec.name] = raw === null || raw === undefined ? '' : String(raw);
  }
  return values;
}

/** The JSON body: numbers as numbers, people as {id, name, email}, empty dates as null. */
function bodyOf(
  kind: RaidKind,
  values: Values,
  people: ReadonlyMap<string, PersonRef>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of FIELDS[kind]) {
    const v = values[spec.name] ?? '';
    if (spec.kind === 'person') body[spec.name] = v ? (people.get(v) ?? null) : null;
    else if (spec.kind === 'date') body[spec.name] = v || null;
    else if (spec.name === 'probability' || spec.name === 'impact') body[spec.name] = Number(v);
    else body[spec.name] = v;
  }
  return body;
}

/** A 400's message for a field, also when the API names a part of it (owner.email). */
function fieldMessage(error: ApiError | null, name: string): string | undefined {
  return error?.problem.errors?.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message;
}

export type SaveOutcome = { kind: 'saved'; item: RaidItemJson } | { kind: 'conflict'; title: string };

/**
 * Add or edit one RAID item in a dialog. The server decides who may (403 shows its message); a 400 puts
 * each message beside its field and keeps what the person typed; a stale version (409/412) is handed
 * back to the list, which reloads.
 */
export function RaidItemDialog({
  kind,
  projectId,
  item,
  onClose,
  onDone,
}: {
  kind: RaidKind;
  projectId: string;
  item: RaidItemJson | null;
  onClose: () => void;
  onDone: (outcome: SaveOutcome) => void;
}) {
  const api = useApi();
  const styles = useRaidStyles();
  const [values, setValues] = useState<Values>(() => initialValues(kind, item));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const directory = useResource('people', (signal) =>
    api.get<{ people: DirectoryPerson[] }>('/people', undefined, signal),
  );
  const people = new Map<string, PersonRef>();
  for (const p of directory.data?.people ?? []) people.set(p.id, { id: p.id, name: p.name, email: p.email });
  // Someone no longer in the directory still shows as the current owner.
  if (item) {
    for (const spec of FIELDS[kind]) {
      const ref = (item as unknown as Record<string, unknown>)[spec.name] as PersonRef | null | undefined;
      if (spec.kind === 'person' && ref && !people.has(ref.id)) people.set(ref.id, ref);
    }
  }
  const sortedPeople = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const noun = KIND_NOUN[kind];
  const title = `${item ? 'Edit' : 'Add'} ${noun}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const base = `/projects/${encodeURIComponent(projectId)}/${RAID_PATH[kind]}`;
    const body = bodyOf(kind, values, people);
    try {
      const saved = item
        ? await api.patch<RaidItemJson>(`${base}/${encodeURIComponent(item.id)}`, {
            ...body,
            version: item.version,
          })
        : await api.post<RaidItemJson>(base, body);
      onDone({ kind: 'saved', item: saved });
    } catch (err) {
      const apiError =
        err instanceof ApiError ? err : new ApiError({ title: 'Not saved', status: 0, detail: String(err) });
      if (item && (apiError.status === 409 || apiError.status === 412)) {
        onDone({ kind: 'conflict', title: item.title });
        return;
      }
      setError(apiError);
      setSaving(false);
    }
  }

  const formMessage =
    error &&
    !(
      error.status === 400 &&
      error.problem.errors?.some((e) => FIELDS[kind].some((s) => e.field.startsWith(s.name)))
    )
      ? error
      : null;

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
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
              {directory.state === 'error' && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    The people directory could not be loaded, so owners cannot be changed now.
                  </MessageBarBody>
                </MessageBar>
              )}
              {FIELDS[kind].map((spec) => {
                const message = fieldMessage(error, spec.name);
                const set = (v: string) => setValues((old) => ({ ...old, [spec.name]: v }));
                const value = values[spec.name] ?? '';
                return (
                  <Field
                    key={spec.name}
                    label={spec.label}
                    required={spec.required}
                    validationMessage={message}
                    validationState={message ? 'error' : 'none'}
                    className={spec.kind === 'longText' || spec.kind === 'text' ? styles.wide : undefined}
                  >
                    {spec.kind === 'text' && (
                      <Input value={value} maxLength={200} onChange={(_e, d) => set(d.value)} />
                    )}
                    {spec.kind === 'longText' && (
                      <Textarea value={value} resize="vertical" onChange={(_e, d) => set(d.value)} />
                    )}
                    {spec.kind === 'date' && (
                      <Input type="date" value={value} onChange={(_e, d) => set(d.value)} />
                    )}
                    {spec.kind === 'choice' && (
                      <Select value={value} onChange={(_e, d) => set(d.value)}>
                        {spec.options?.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </Select>
                    )}
                    {spec.kind === 'person' && (
                      <Select
                        value={value}
                        onChange={(_e, d) => set(d.value)}
                        disabled={directory.state === 'loading' && !item}
                      >
                        <option value="">Nobody</option>
                        {sortedPeople.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.name}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                );
              })}
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
                {saving ? 'Saving…' : item ? 'Save changes' : `Add ${noun}`}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
