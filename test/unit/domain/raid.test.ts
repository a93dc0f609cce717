import type { DecisionLogEntry, Issue, RaidItem, Risk } from '../../../api/domain/raid';
import {
  compareRaidBySeverity,
  isHighRisk,
  isHighSeverity,
  isRaidOpen,
  OPEN_RAID_STATUSES,
  raidStatuses,
} from '../../../api/domain/raid';

const base = (id: string, dueDate: string | null = null) => ({
  id,
  projectId: 'p',
  title: id,
  description: '',
  owner: null,
  dueDate,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  createdBy: { id: 'u', name: 'U', email: 'u@contoso.example' },
  version: 1,
});
const risk = (
  id: string,
  probability: Risk['probability'],
  impact: Risk['impact'],
  extra: Partial<Risk> = {},
): Risk => ({
  ...base(id),
  kind: 'risk',
  probability,
  impact,
  mitigation: '',
  status: 'open',
  ...extra,
});
const issue = (id: string, severity: Issue['severity'], extra: Partial<Issue> = {}): Issue => ({
  ...base(id),
  kind: 'issue',
  severity,
  resolution: '',
  status: 'open',
  ...extra,
});
const decision = (id: string, extra: Partial<DecisionLogEntry> = {}): DecisionLogEntry => ({
  ...base(id),
  kind: 'decision',
  rationale: '',
  decidedBy: null,
  decidedOn: null,
  status: 'proposed',
  ...extra,
});
const ids = (items: RaidItem[]) => [...items].sort(compareRaidBySeverity).map((i) => i.id);

describe('RAID rules', () => {
  it('should split each kind’s statuses into open and settled, with nothing in both', () => {
    expect(raidStatuses('risk', true)).toEqual(['open', 'mitigating']);
    expect(raidStatuses('risk', false)).toEqual(['closed', 'occurred']);
    expect(raidStatuses('issue', true)).toEqual(['open', 'inProgress']);
    expect(raidStatuses('issue', false)).toEqual(['resolved', 'closed']);
    expect(raidStatuses('decision', true)).toEqual(['proposed']);
    expect(raidStatuses('decision', false)).toEqual(['decided', 'superseded']);
    expect(raidStatuses('risk', true)).toEqual(OPEN_RAID_STATUSES.risk);
  });

  it('should call an item open by its kind’s open statuses', () => {
    expect(isRaidOpen(risk('r', 1, 1, { status: 'mitigating' }))).toBe(true);
    expect(isRaidOpen(risk('r', 1, 1, { status: 'occurred' }))).toBe(false);
    expect(isRaidOpen(issue('i', 'low', { status: 'inProgress' }))).toBe(true);
    expect(isRaidOpen(issue('i', 'low', { status: 'resolved' }))).toBe(false);
    expect(isRaidOpen(decision('d'))).toBe(true);
    expect(isRaidOpen(decision('d', { status: 'decided' }))).toBe(false);
  });

  it('should call open risks scoring 15 or more and open high or critical issues high; decisions never', () => {
    expect(isHighSeverity(risk('r', 3, 5))).toBe(true);
    expect(isHighSeverity(risk('r', 2, 5))).toBe(false);
    expect(isHighSeverity(risk('r', 5, 5, { status: 'closed' }))).toBe(false);
    expect(isHighSeverity(risk('r', 4, 4))).toBe(isHighRisk(risk('r', 4, 4)));
    expect(isHighSeverity(issue('i', 'critical'))).toBe(true);
    expect(isHighSeverity(issue('i', 'high', { status: 'inProgress' }))).toBe(true);
    expect(isHighSeverity(issue('i', 'medium'))).toBe(false);
    expect(isHighSeverity(issue('i', 'critical', { status: 'resolved' }))).toBe(false);
    expect(isHighSeverity(decision('d'))).toBe(false);
  });

  it('should put the highest-scoring risk first, ties by the earlier due date, then id', () => {
    expect(
      ids([
        risk('low', 1, 2),
        { ...risk('b-tie', 4, 4), dueDate: null },
        risk('top', 5, 5),
        { ...risk('a-tie', 4, 4), dueDate: null },
        { ...risk('soon', 4, 4), dueDate: '2026-04-01' },
      ]),
    ).toEqual(['top', 'soon', 'a-tie', 'b-tie', 'low']);
  });

  it('should put critical issues first, then high, medium, low', () => {
    expect(
      ids([issue('m', 'medium'), issue('c', 'critical'), issue('l', 'low'), issue('h', 'high')]),
    ).toEqual(['c', 'h', 'm', 'l']);
  });

  it('should put the newest decision first, by the day it was taken or else raised', () => {
    expect(
      ids([
        decision('old', { decidedOn: '2026-01-10', status: 'decided' }),
        decision('proposed', { createdAt: '2026-02-20T09:00:00.000Z' }),
        decision('new', { decidedOn: '2026-03-05', status: 'decided' }),
      ]),
    ).toEqual(['new', 'proposed', 'old']);
  });
});
