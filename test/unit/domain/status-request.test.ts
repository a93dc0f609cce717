import type { IsoWeek } from '../../../api/domain/iso-week';
import type { StatusRequestState } from '../../../api/domain/status-request';
import {
  countByState,
  DEFAULT_CYCLE,
  excuseFor,
  isAway,
  isLate,
  nextStep,
  requestDueAt,
  whyNoReminder,
} from '../../../api/domain/status-request';

const week = (w: string) => w as IsoWeek;

describe('the weekly status request rules', () => {
  it('should put the request at the cadence weekday and local time of the project’s zone', () => {
    const cadence = (weekday: 1 | 5 | 7, localTime: string, timeZone: string) => ({
      cadence: { weekday, localTime, timeZone },
    });
    expect(requestDueAt(cadence(5, '10:00', 'Europe/London'), week('2026-W48')).toISOString()).toBe(
      '2026-11-27T10:00:00.000Z',
    );
    expect(requestDueAt(cadence(1, '09:00', 'Asia/Tokyo'), week('2026-W01')).toISOString()).toBe(
      '2025-12-29T00:00:00.000Z', // ISO week 1 of 2026 starts on Monday 29 December 2025
    );
    expect(requestDueAt(cadence(7, '23:30', 'Pacific/Auckland'), week('2026-W53')).toISOString()).toBe(
      '2027-01-03T10:30:00.000Z', // 2026 has 53 ISO weeks; NZDT is UTC+13
    );
  });

  it('should count a PM away through the last day they named, in their own zone', () => {
    const at = new Date('2026-03-20T23:30:00Z');
    expect(isAway('2026-03-20', at, 'Europe/London')).toBe(true);
    expect(isAway('2026-03-20', at, 'Europe/Berlin')).toBe(false); // already the 21st in Berlin
    expect(isAway(null, at, 'UTC')).toBe(false);
    expect(isAway(undefined, at, 'UTC')).toBe(false);
  });

  it('should excuse projects on hold or closed, and a PM who is away, and say why', () => {
    const now = new Date('2026-03-13T10:00:00Z');
    const pm = { name: 'Pat Manager', awayUntil: null };
    expect(excuseFor({ state: 'active' }, pm, now, 'UTC')).toBeNull();
    expect(excuseFor({ state: 'onHold' }, pm, now, 'UTC')).toBe('The project is on hold.');
    expect(excuseFor({ state: 'closed' }, pm, now, 'UTC')).toBe('The project is closed.');
    expect(excuseFor({ state: 'active' }, { ...pm, awayUntil: '2026-03-13' }, now, 'UTC')).toBe(
      'Pat Manager is away until 2026-03-13.',
    );
  });

  it('should remind once after 24 h and escalate once after 48 h, only while pending', () => {
    const due = new Date('2026-03-13T10:00:00Z');
    const at = (hours: number) => new Date(due.getTime() + hours * 3600_000);
    const pending = { state: 'pending' as const, remindedAt: null, escalatedAt: null };
    expect(nextStep(pending, due, at(23.9), DEFAULT_CYCLE)).toBeNull();
    expect(nextStep(pending, due, at(24), DEFAULT_CYCLE)).toBe('remind');
    expect(nextStep({ ...pending, remindedAt: 'x' }, due, at(30), DEFAULT_CYCLE)).toBeNull();
    expect(nextStep({ ...pending, remindedAt: 'x' }, due, at(48), DEFAULT_CYCLE)).toBe('escalate');
    // Late start (the server was down): escalation first, the reminder is moot.
    expect(nextStep(pending, due, at(60), DEFAULT_CYCLE)).toBe('escalate');
    expect(
      nextStep({ ...pending, escalatedAt: 'x', remindedAt: 'x' }, due, at(90), DEFAULT_CYCLE),
    ).toBeNull();
    expect(nextStep({ ...pending, state: 'submitted' }, due, at(60), DEFAULT_CYCLE)).toBeNull();
    expect(nextStep(pending, due, at(2), { reminderAfterMs: 3600_000, deadlineAfterMs: 7200_000 })).toBe(
      'escalate',
    );
  });

  it('should count requests in every state, zero where there are none', () => {
    const of = (...states: StatusRequestState[]) => states.map((state) => ({ state }));
    expect(countByState(of('pending', 'overdue', 'pending', 'excused'))).toEqual({
      pending: 2,
      submitted: 0,
      overdue: 1,
      excused: 1,
      undeliverable: 0,
    });
    expect(countByState([])).toEqual({ pending: 0, submitted: 0, overdue: 0, excused: 0, undeliverable: 0 });
  });

  it('should count a request late when overdue, or still pending once its due time has passed', () => {
    const due = new Date('2026-03-13T10:00:00Z');
    const before = new Date('2026-03-13T09:59:59Z');
    const after = new Date('2026-03-13T10:00:01Z');
    expect(isLate({ state: 'pending' }, due, before)).toBe(false);
    expect(isLate({ state: 'pending' }, due, due)).toBe(false);
    expect(isLate({ state: 'pending' }, due, after)).toBe(true);
    expect(isLate({ state: 'overdue' }, due, before)).toBe(true);
    for (const state of ['submitted', 'excused', 'undeliverable'] as const) {
      expect(isLate({ state }, due, after)).toBe(false);
    }
  });

  it('should allow a reminder only while pending or overdue, and say why not otherwise', () => {
    const request = { week: week('2026-W11'), reason: null };
    expect(whyNoReminder({ ...request, state: 'pending' }, 'Pat Manager')).toBeNull();
    expect(whyNoReminder({ ...request, state: 'overdue' }, 'Pat Manager')).toBeNull();
    expect(whyNoReminder({ ...request, state: 'submitted' }, 'Pat Manager')).toBe(
      'The 2026-W11 status is already in: there is nothing to remind Pat Manager of.',
    );
    expect(
      whyNoReminder({ ...request, state: 'excused', reason: 'The project is on hold.' }, 'Pat Manager'),
    ).toBe('Pat Manager is excused from the 2026-W11 status: The project is on hold.');
    expect(
      whyNoReminder(
        { ...request, state: 'undeliverable', reason: 'Pat Manager has not installed PMO Hub in Teams.' },
        'Pat Manager',
      ),
    ).toMatch(/never reached Pat Manager.*has not installed PMO Hub/);
  });
});
