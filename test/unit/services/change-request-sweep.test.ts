import type { PersonRef } from '../../../api/domain/people';
import type { Project } from '../../../api/domain/project';
import type { ApprovalEvents, ChangeRequestView } from '../../../api/services/change-request-service';
import { ChangeRequestService } from '../../../api/services/change-request-service';
import type { ServiceHarness } from './service-fixtures';
import { actors, ref, serviceHarness } from './service-fixtures';

const DAY = 86_400_000;

/** Records reminders as the bot would send them: once per (request, approver, round). */
class RecordingEvents implements ApprovalEvents {
  reminders = new Set<string>();
  changes: string[] = [];
  async changed(view: ChangeRequestView & { project: Project }): Promise<void> {
    this.changes.push(view.changeRequest.state);
  }
  async remind(view: ChangeRequestView, approver: PersonRef, round: number): Promise<void> {
    this.reminders.add(`${approver.name} #${round}`);
  }
}

describe('ChangeRequestService.sweep: reminders and expiry', () => {
  let h: ServiceHarness;
  let events: RecordingEvents;
  let service: ChangeRequestService;
  let projectId: string;

  beforeEach(async () => {
    h = serviceHarness();
    events = new RecordingEvents();
    service = new ChangeRequestService(h.ctx, events, { reminderEveryDays: 3, expiryDays: 14 });
    const project = await h.createProject({ sponsors: [ref(actors.sponsor), ref(actors.otherPm)] });
    projectId = project.id;
  });
  afterEach(() => h.store.close());

  const raise = () =>
    service.raise(actors.pm, {
      projectId,
      title: 'Extra QA cycle',
      description: '',
      costDelta: 20_000,
      scheduleDeltaDays: 7,
      scopeChange: '',
      benefitImpact: '',
      justification: 'Defects found late',
    });

  it('should remind the awaited approver every 3 days from when their turn came', async () => {
    const { changeRequest } = await raise();
    h.clock.advance(2.9 * DAY);
    expect(await service.sweep()).toEqual({ expired: 0, reminded: 0 });
    h.clock.advance(0.1 * DAY);
    await service.sweep();
    await service.sweep(); // the same round again: the bot's delivery key sends it once
    expect([...events.reminders]).toEqual(['Sam Sponsor #1']);
    await service.decide(actors.sponsor, changeRequest.id, {
      decision: 'approved',
      comment: '',
      channel: 'bot',
    });
    h.clock.advance(2 * DAY);
    await service.sweep();
    expect([...events.reminders]).toEqual(['Sam Sponsor #1']); // Quinn's turn began 2 days ago
    h.clock.advance(1 * DAY);
    await service.sweep();
    expect([...events.reminders]).toEqual(['Sam Sponsor #1', 'Quinn Other #1']);
  });

  it('should expire a request nobody settled within 14 days, and say so to everyone', async () => {
    const { changeRequest } = await raise();
    h.clock.advance(14 * DAY);
    expect(await service.sweep()).toEqual({ expired: 1, reminded: 0 });
    const stored = await h.store.getChangeRequest(changeRequest.id);
    expect(stored).toMatchObject({ state: 'expired', history: [{ kind: 'expired' }] });
    expect(events.changes.at(-1)).toBe('expired');
    await expect(
      service.decide(actors.sponsor, changeRequest.id, { decision: 'approved', comment: '', channel: 'bot' }),
    ).rejects.toThrow(/expired: there is nothing left to decide/);
    expect(await service.sweep()).toEqual({ expired: 0, reminded: 0 });
  });
});
