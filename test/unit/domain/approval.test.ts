import {
  applyDecision,
  approvedChangeEffect,
  checkDecision,
  currentApprovers,
  isExpired,
  reassignApprover,
  reminderDue,
  whyNotDecide,
  withdraw,
} from '../../../api/domain/approval';
import type {
  ApprovalPolicy,
  ChangeRequest,
  Decision,
  DecisionOutcome,
} from '../../../api/domain/change-request';
import { RuleViolation, ValidationError } from '../../../api/domain/errors';
import type { PersonRef } from '../../../api/domain/people';

const person = (name: string): PersonRef => ({
  id: name.toLowerCase(),
  name,
  email: `${name.toLowerCase()}@contoso.example`,
});
const A = person('Ann');
const B = person('Bob');
const C = person('Cy');

function request(policy: ApprovalPolicy, overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    id: 'cr-1',
    projectId: 'p-1',
    title: 'Add the EU warehouse',
    description: '',
    costDelta: 50_000,
    scheduleDeltaDays: 14,
    scopeChange: '',
    benefitImpact: '',
    justification: 'Customers in the EU',
    requestedBy: person('Pat'),
    requestedAt: '2026-11-02T09:00:00.000Z',
    approvers: [A, B, C],
    policy,
    state: 'submitted',
    decidedAt: null,
    history: [],
    version: 1,
    ...overrides,
  };
}

type Step = [PersonRef, DecisionOutcome];
const a = (p: PersonRef): Step => [p, 'approved'];
const r = (p: PersonRef): Step => [p, 'rejected'];

/** Runs the steps; returns the final state, or where and why a step was refused. */
function run(policy: ApprovalPolicy, steps: Step[]): string {
  let cr = request(policy);
  const decisions: Decision[] = [];
  for (const [i, [who, outcome]] of steps.entries()) {
    let result;
    try {
      result = applyDecision(cr, decisions, {
        approver: who,
        decision: outcome,
        at: `2026-11-0${3 + i}T10:00:00.000Z`,
      });
    } catch (err) {
      return `refused at step ${i + 1}: ${(err as Error).message}`;
    }
    decisions.push({
      id: `d${i}`,
      changeRequestId: cr.id,
      approver: who,
      decision: outcome,
      comment: 'x',
      at: '',
      channel: 'bot',
    });
    cr = result.next;
  }
  return `${cr.state} awaiting [${currentApprovers(cr, decisions)
    .map((p) => p.name)
    .join(',')}]`;
}

describe('the approval state machine', () => {
  it.each<[ApprovalPolicy, Step[], string]>([
    // sequential: in order; a rejection rejects; the last approval approves
    ['sequential', [], 'submitted awaiting [Ann]'],
    ['sequential', [a(A)], 'submitted awaiting [Bob]'],
    ['sequential', [a(A), a(B)], 'submitted awaiting [Cy]'],
    ['sequential', [a(A), a(B), a(C)], 'approved awaiting []'],
    ['sequential', [r(A)], 'rejected awaiting []'],
    ['sequential', [a(A), r(B)], 'rejected awaiting []'],
    ['sequential', [a(A), a(B), r(C)], 'rejected awaiting []'],
    ['sequential', [a(B)], 'refused at step 1: It is not your turn yet: Ann decides first.'],
    ['sequential', [a(A), a(A)], 'refused at step 2: You have already decided on this change request.'],
    [
      'sequential',
      [r(A), a(B)],
      'refused at step 2: This change request is rejected: there is nothing left to decide.',
    ],
    // all: in parallel; a rejection rejects; everyone's approval approves
    ['all', [], 'submitted awaiting [Ann,Bob,Cy]'],
    ['all', [a(C)], 'submitted awaiting [Ann,Bob]'],
    ['all', [a(C), a(A)], 'submitted awaiting [Bob]'],
    ['all', [a(C), a(A), a(B)], 'approved awaiting []'],
    ['all', [a(B), r(C)], 'rejected awaiting []'],
    ['all', [r(A)], 'rejected awaiting []'],
    [
      'all',
      [a(A), a(B), a(C), a(A)],
      'refused at step 4: This change request is approved: there is nothing left to decide.',
    ],
    // any: in parallel; the first decision settles it
    ['any', [], 'submitted awaiting [Ann,Bob,Cy]'],
    ['any', [a(B)], 'approved awaiting []'],
    ['any', [r(C)], 'rejected awaiting []'],
    [
      'any',
      [a(A), r(B)],
      'refused at step 2: This change request is approved: there is nothing left to decide.',
    ],
  ])('%s after %j → %s', (policy, steps, expected) => {
    expect(run(policy, steps)).toBe(expected);
  });

  it('should refuse someone who is not an approver, and say why', () => {
    const cr = request('any');
    expect(whyNotDecide(cr, [], 'mallory')).toBe('You are not an approver of this change request.');
    expect(() =>
      applyDecision(cr, [], { approver: person('Mallory'), decision: 'approved', at: '' }),
    ).toThrow(RuleViolation);
  });

  it('should refuse decisions on drafts, withdrawn and expired requests', () => {
    for (const state of ['draft', 'withdrawn', 'expired'] as const) {
      expect(whyNotDecide(request('all', { state }), [], A.id)).toBe(
        `This change request is ${state}: there is nothing left to decide.`,
      );
      expect(currentApprovers(request('all', { state }), [])).toEqual([]);
    }
  });

  it('should want a reason for a rejection, and none for an approval', () => {
    expect(() => checkDecision('rejected', '  ')).toThrow(ValidationError);
    expect(() => checkDecision('rejected', 'Budget is frozen')).not.toThrow();
    expect(() => checkDecision('approved', '')).not.toThrow();
  });

  it('should expire a request nobody settled within the limit, and nothing settled', () => {
    const now = (days: number) => new Date(Date.parse('2026-11-02T09:00:00.000Z') + days * 86_400_000);
    expect(isExpired(request('all'), now(13.9), 14)).toBe(false);
    expect(isExpired(request('all'), now(14), 14)).toBe(true);
    expect(isExpired(request('all', { state: 'approved' }), now(40), 14)).toBe(false);
    expect(reminderDue('2026-11-02T09:00:00.000Z', now(2.9), 3)).toBe(false);
    expect(reminderDue('2026-11-02T09:00:00.000Z', now(3), 3)).toBe(true);
  });

  it('should withdraw only an open request', () => {
    expect(withdraw(request('all'), 'at')).toMatchObject({ state: 'withdrawn', decidedAt: 'at' });
    expect(withdraw(request('all', { state: 'draft' }), 'at').state).toBe('withdrawn');
    expect(() => withdraw(request('all', { state: 'approved' }), 'at')).toThrow(/can no longer be withdrawn/);
  });

  it('should reassign an approver who has not decided, keeping the order', () => {
    const D = person('Dee');
    const decided: Decision[] = [
      {
        id: 'd',
        changeRequestId: 'cr-1',
        approver: A,
        decision: 'approved',
        comment: '',
        at: '',
        channel: 'tab',
      },
    ];
    const next = reassignApprover(request('sequential'), decided, B.id, D);
    expect(next.approvers).toEqual([A, D, C]);
    expect(currentApprovers(next, decided)).toEqual([D]);
    expect(() => reassignApprover(request('sequential'), decided, A.id, D)).toThrow(/already decided/);
    expect(() => reassignApprover(request('sequential'), [], 'nobody', D)).toThrow(ValidationError);
    expect(() => reassignApprover(request('sequential'), [], B.id, C)).toThrow(/already an approver/);
  });

  it('should move the approved budget and the forecast finish by the deltas, leaving the baseline', () => {
    const project = { budget: { approved: 1_100_000.1, baseline: 1_000_000 }, forecastFinish: '2027-02-20' };
    expect(approvedChangeEffect(project, { costDelta: 50_000.2, scheduleDeltaDays: 14 })).toEqual({
      approvedBudget: 1_150_000.3,
      forecastFinish: '2027-03-06',
    });
    expect(approvedChangeEffect(project, { costDelta: -100_000, scheduleDeltaDays: -30 })).toEqual({
      approvedBudget: 1_000_000.1,
      forecastFinish: '2027-01-21',
    });
  });
});
