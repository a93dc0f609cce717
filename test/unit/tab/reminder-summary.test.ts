import { summarizeReminders } from '../../../tab/src/pages/compliance/reminder-summary';
import type { StatusRequestRow } from '../../../tab/src/pages/compliance/status-requests-api';
import { canRemind } from '../../../tab/src/pages/compliance/status-requests-api';

function row(id: string, code: string): StatusRequestRow {
  return {
    id,
    week: '2026-W48',
    state: 'pending',
    dueAt: '2026-11-27T10:00:00Z',
    sentAt: '2026-11-27T10:00:00Z',
    remindedAt: null,
    escalatedAt: null,
    reason: null,
    project: { id: `p-${id}`, code, title: `Project ${code}`, program: 'X' },
    projectManager: { id: 'pm', name: 'Zoe Olsen', email: 'zoe@example.com' },
  } as StatusRequestRow;
}

const rows = new Map([
  ['a', row('a', 'CX-001')],
  ['b', row('b', 'CX-002')],
  ['c', row('c', 'CX-003')],
]);

describe('what "Send reminder now" tells the PMO', () => {
  it('should say all went out', () => {
    const s = summarizeReminders(
      [
        { id: 'a', outcome: 'sent' },
        { id: 'b', outcome: 'sent' },
      ],
      rows,
    );
    expect(s).toEqual({ intent: 'success', text: '2 reminders sent', problems: [] });
  });

  it('should name the one that could not be delivered, and why', () => {
    const s = summarizeReminders(
      [
        { id: 'a', outcome: 'sent' },
        { id: 'b', outcome: 'undeliverable', reason: 'Zoe has not installed PMO Hub.' },
      ],
      rows,
    );
    expect(s.intent).toBe('warning');
    expect(s.text).toBe(
      '1 reminder sent, 1 could not be delivered: CX-002 Project CX-002: Zoe has not installed PMO Hub.',
    );
  });

  it('should list several problems when nothing went out', () => {
    const s = summarizeReminders(
      [
        { id: 'b', outcome: 'skipped', reason: 'Already in.' },
        { id: 'zz', outcome: 'notFound', reason: 'There is no status request with this id.' },
      ],
      rows,
    );
    expect(s.intent).toBe('error');
    expect(s.text).toBe('No reminder sent, 1 not needed, 1 no longer found');
    expect(s.problems.map((p) => p.project)).toEqual(['CX-002 Project CX-002', 'A request']);
  });

  it('should offer reminders only for requests still waiting on the PM', () => {
    expect(canRemind({ state: 'pending' })).toBe(true);
    expect(canRemind({ state: 'overdue' })).toBe(true);
    for (const state of ['submitted', 'excused', 'undeliverable'] as const)
      expect(canRemind({ state })).toBe(false);
  });
});
