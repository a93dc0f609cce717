import type { IsoWeek } from '../../../api/domain/iso-week';
import { DEFAULT_CYCLE, excuseFor, isAway, nextStep, requestDueAt } from '../../../api/domain/status-request';

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
});
