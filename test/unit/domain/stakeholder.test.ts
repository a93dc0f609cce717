import type { Stakeholder, StakeholderDraft } from '../../../api/domain/stakeholder';
import {
  checkStakeholder,
  duplicateErrors,
  emailProblem,
  findDuplicate,
  stakeholderKey,
} from '../../../api/domain/stakeholder';

const ALEX = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Alex Sponsor',
  email: 'alex@contoso.example',
};

function draft(overrides: Partial<StakeholderDraft> = {}): StakeholderDraft {
  return {
    scope: { kind: 'project', id: 'p-1' },
    person: null,
    address: null,
    channelId: null,
    role: 'sponsor',
    channel: 'email',
    frequency: 'weekly',
    ...overrides,
  };
}

describe('emailProblem', () => {
  it.each([['name@example.com'], ['first.last+pmo@sub.example.co.uk'], ["o'brien@example.ie"]])(
    'should accept %s',
    (address) => {
      expect(emailProblem(address)).toBeNull();
    },
  );

  it.each([
    ['', /Enter an email address/],
    ['"Boss" <boss@example.com>', /one bare address/],
    ['Boss <boss@example.com>', /one bare address/],
    ['boss@example.com\r\nBcc: all@example.com', /line break/],
    ['boss@example.com\n', /line break/],
    ['boss@example.com, other@example.com', /one bare address/],
    ['boss@example.com;other@example.com', /second address/],
    ['a@b@example.com', /exactly one @/],
    ['no-at-sign.example.com', /exactly one @/],
    ['.dot@example.com', /start or end with a dot/],
    ['two..dots@example.com', /two dots/],
    ['name@localhost', /valid email address/],
    ['name@-bad-.example', /valid email address/],
    [`${'a'.repeat(65)}@example.com`, /at most 64/],
    [`${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, /at most 254/],
  ])('should refuse %j', (address, message) => {
    expect(emailProblem(address)).toMatch(message);
  });
});

describe('checkStakeholder', () => {
  it.each<[string, Partial<StakeholderDraft>]>([
    ['a person by email', { person: ALEX }],
    ['an address by email', { address: 'steering@contoso.example' }],
    ['a person by Teams chat', { person: ALEX, channel: 'teamsChat' }],
    ['a channel', { channelId: '19:a1b2c3@thread.tacv2', channel: 'teamsChannel' }],
    ['an older channel', { channelId: '19:a1b2c3@thread.skype', channel: 'teamsChannel' }],
  ])('should accept %s', (_what, overrides) => {
    expect(checkStakeholder(draft(overrides))).toEqual([]);
  });

  it.each<[string, Partial<StakeholderDraft>, string, RegExp]>([
    ['nobody by email', {}, 'address', /choose a person or enter an address/],
    ['a person and an address', { person: ALEX, address: 'x@contoso.example' }, 'address', /not several/],
    [
      'an address and a channel',
      { address: 'x@contoso.example', channelId: '19:a@thread.tacv2' },
      'channelId',
      /not several/,
    ],
    ['a channel by email', { channelId: '19:a@thread.tacv2' }, 'channelId', /Email goes to a person/],
    [
      'a person without an email by email',
      { person: { ...ALEX, email: '' } },
      'person.email',
      /Alex Sponsor has no usable email address/,
    ],
    ['a bad address', { address: 'Boss <b@x.example>' }, 'address', /one bare address/],
    [
      'an address by Teams chat',
      { address: 'x@contoso.example', channel: 'teamsChat' },
      'person',
      /goes to a person/,
    ],
    ['a person in a channel', { person: ALEX, channel: 'teamsChannel' }, 'channelId', /needs the channel id/],
    [
      'a channel that is not a channel id',
      { channelId: 'General', channel: 'teamsChannel' },
      'channelId',
      /Enter a Teams channel id/,
    ],
    [
      'no scope',
      { person: ALEX, scope: { kind: 'program', id: ' ' } },
      'scope.id',
      /which project or program/,
    ],
  ])('should refuse %s, naming %s', (_what, overrides, field, message) => {
    const errors = checkStakeholder(draft(overrides));
    expect(errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });
});

describe('duplicates', () => {
  const stored: Stakeholder = { ...draft({ person: ALEX }), id: 's-1', version: 1 };

  it.each<[string, Partial<StakeholderDraft>, boolean]>([
    ['the same person by the same channel', { person: ALEX }, true],
    ['their address, in another case', { address: 'ALEX@contoso.example' }, true],
    ['the same person by Teams chat', { person: ALEX, channel: 'teamsChat' }, false],
    ['the same person in another project', { person: ALEX, scope: { kind: 'project', id: 'p-2' } }, false],
    [
      'the same person in a program of that name',
      { person: ALEX, scope: { kind: 'program', id: 'p-1' } },
      false,
    ],
    ['another address', { address: 'someone@contoso.example' }, false],
  ])('should judge %s (duplicate: %s)', (_what, overrides, duplicate) => {
    expect(findDuplicate(draft(overrides), [stored]) !== undefined).toBe(duplicate);
  });

  it('should not count an entry as its own duplicate', () => {
    expect(findDuplicate({ ...stored, role: 'other' }, [stored])).toBeUndefined();
  });

  it('should key by scope, recipient and channel', () => {
    expect(stakeholderKey(stored)).toBe('project:p-1|email:alex@contoso.example');
  });

  it('should say who is there already and what to do, on the field that names them', () => {
    expect(duplicateErrors(draft({ address: 'alex@contoso.example' }), stored)).toEqual([
      {
        field: 'address',
        message:
          'Alex Sponsor already hears about this project by Email (as sponsor, weekly): edit that entry instead.',
      },
    ]);
  });
});
