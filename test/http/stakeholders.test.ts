import { PEOPLE, projectBody, ref } from '../support/fixtures';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

const PROGRAM = 'Finance Transformation';

describe('Stakeholder register API', () => {
  let server: TestServer;
  let projectId: string;
  let otherProjectId: string;
  beforeEach(async () => {
    server = await startTestServer();
    projectId = (await server.as(PEOPLE.head)('POST', '/api/projects', projectBody())).body.id;
    otherProjectId = (
      await server.as(PEOPLE.head)(
        'POST',
        '/api/projects',
        projectBody({
          code: 'HR-001',
          program: 'People First',
          projectManager: ref(PEOPLE.otherPm),
          sponsors: [ref(PEOPLE.otherSponsor)],
          delegates: [],
        }),
      )
    ).body.id;
  });
  afterEach(() => server.close());

  const sponsorEntry = () => ({
    scope: { kind: 'project', id: projectId },
    person: ref(PEOPLE.sponsor),
    role: 'sponsor',
    channel: 'teamsChat',
  });

  it('should let the PM create, list, update and delete a project stakeholder', async () => {
    const created = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', sponsorEntry());
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/stakeholders/${created.body.id}`);
    expect(created.body).toMatchObject({
      scope: { kind: 'project', id: projectId },
      person: ref(PEOPLE.sponsor),
      address: null,
      channelId: null,
      frequency: 'weekly',
      version: 1,
    });
    const listed = await server.as(PEOPLE.sponsor)('GET', `/api/stakeholders?project=${projectId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([created.body]);

    const url = `/api/stakeholders/${created.body.id}`;
    const updated = await server.as(PEOPLE.delegate)('PATCH', url, { version: 1, frequency: 'monthly' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ frequency: 'monthly', version: 2 });

    const stale = await server.as(PEOPLE.pm)('PATCH', url, { version: 1, role: 'other' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
    const staleDelete = await server.as(PEOPLE.pm)('DELETE', `${url}?version=1`);
    expect(staleDelete.status).toBe(409);

    const removed = await server.as(PEOPLE.pm)('DELETE', `${url}?version=2`);
    expect(removed.status).toBe(204);
    expect(await server.store.getStakeholder(created.body.id)).toBeUndefined();
    expect((await server.as(PEOPLE.pm)('DELETE', `${url}?version=2`)).status).toBe(404);
  });

  it('should filter by project and by program, and show others only what they take part in', async () => {
    const steering = await server.as(PEOPLE.head)('POST', '/api/stakeholders', {
      scope: { kind: 'program', id: PROGRAM },
      address: 'finance-steering@contoso.test',
      role: 'steering',
      channel: 'email',
      frequency: 'fortnightly',
    });
    expect(steering.status).toBe(201);
    const mine = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', sponsorEntry());
    const theirs = await server.as(PEOPLE.otherPm)('POST', '/api/stakeholders', {
      scope: { kind: 'project', id: otherProjectId },
      channelId: '19:hrteam01@thread.tacv2',
      role: 'team',
      channel: 'teamsChannel',
    });
    expect(theirs.status).toBe(201);

    expect((await server.as(PEOPLE.head)('GET', '/api/stakeholders')).body.items).toHaveLength(3);
    const pmSees = (await server.as(PEOPLE.pm)('GET', '/api/stakeholders')).body.items;
    expect(pmSees.map((s: { id: string }) => s.id)).toEqual([steering.body.id, mine.body.id]);
    const program = await server.as(PEOPLE.sponsor)(
      'GET',
      `/api/stakeholders?program=${encodeURIComponent(PROGRAM)}`,
    );
    expect(program.body.items).toEqual([steering.body]);
    const both = await server.as(PEOPLE.pm)(
      'GET',
      `/api/stakeholders?program=${encodeURIComponent(PROGRAM)}&project=${projectId}`,
    );
    expect(both.body.items).toHaveLength(2);

    expect((await server.as(PEOPLE.pm)('GET', `/api/stakeholders?project=${otherProjectId}`)).status).toBe(
      403,
    );
    expect((await server.as(PEOPLE.pm)('GET', '/api/stakeholders?program=People%20First')).status).toBe(403);
    expect((await server.as(PEOPLE.outsider)('GET', '/api/stakeholders')).body.items).toEqual([]);
    expect((await server.as(PEOPLE.head)('GET', '/api/stakeholders?project=nope')).status).toBe(404);
    expect((await server.as(PEOPLE.head)('GET', '/api/stakeholders?program=Nothing')).status).toBe(404);
    expect((await server.as(PEOPLE.head)('GET', '/api/stakeholders?team=x')).status).toBe(400);
  });

  it.each([
    ['a sponsor', PEOPLE.sponsor],
    ['another PM', PEOPLE.otherPm],
    ['an outsider', PEOPLE.outsider],
  ])("should refuse %s editing a project's register with 403", async (_who, person) => {
    const res = await server.as(person)('POST', '/api/stakeholders', sponsorEntry());
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await server.store.listStakeholders({})).toEqual([]);
  });

  it("should let only PMO staff edit a program's register", async () => {
    const body = {
      scope: { kind: 'program', id: PROGRAM },
      person: ref(PEOPLE.sponsor),
      role: 'steering',
      channel: 'email',
    };
    expect((await server.as(PEOPLE.pm)('POST', '/api/stakeholders', body)).status).toBe(403);
    const created = await server.as(PEOPLE.officer)('POST', '/api/stakeholders', body);
    expect(created.status).toBe(201);
    const url = `/api/stakeholders/${created.body.id}`;
    expect((await server.as(PEOPLE.pm)('PATCH', url, { version: 1, role: 'other' })).status).toBe(403);
    expect((await server.as(PEOPLE.pm)('DELETE', `${url}?version=1`)).status).toBe(403);
    expect(
      (
        await server.as(PEOPLE.head)('POST', '/api/stakeholders', {
          ...body,
          scope: { kind: 'program', id: 'Nope' },
        })
      ).status,
    ).toBe(404);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no role', { role: undefined }, 'role', /sponsor, steering/],
    ['an unknown role', { role: 'boss' }, 'role', /sponsor, steering/],
    ['an unknown channel', { channel: 'fax' }, 'channel', /email, teamsChat or teamsChannel/],
    ['an unknown frequency', { frequency: 'daily' }, 'frequency', /weekly, fortnightly/],
    [
      'a person who is not an Entra id',
      { person: { ...ref(PEOPLE.sponsor), id: 'sasha' } },
      'person.id',
      /GUID/,
    ],
    ['an unknown field', { colour: 'red' }, 'colour', /Unknown field/],
    ['no scope', { scope: undefined }, 'scope', /.+/],
    ['a scope of another kind', { scope: { kind: 'team', id: 'x' } }, 'scope.kind', /project or program/],
    ['a person and an address', { address: 'a@contoso.test' }, 'address', /not several/],
    ['an address for Teams chat', { person: null, address: 'a@contoso.test' }, 'person', /goes to a person/],
    [
      'a display-name address',
      { person: null, address: 'Boss <boss@contoso.test>', channel: 'email' },
      'address',
      /one bare address/,
    ],
    [
      'an address with a line break',
      { person: null, address: 'boss@contoso.test\r\nBcc: x@y.test', channel: 'email' },
      'address',
      /line break/,
    ],
    [
      'an address over 254 characters',
      { person: null, address: `${'a'.repeat(60)}@${'b'.repeat(200)}.test`, channel: 'email' },
      'address',
      /at most 254/,
    ],
    ['a channel without its id', { channel: 'teamsChannel' }, 'channelId', /needs the channel id/],
  ])('should refuse %s with 400 naming %s', async (_what, change, field, message) => {
    const res = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', { ...sponsorEntry(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
    );
    expect(await server.store.listStakeholders({})).toEqual([]);
  });

  it('should refuse a duplicate with 409 naming the field, and a PATCH into a duplicate too', async () => {
    await server.as(PEOPLE.pm)('POST', '/api/stakeholders', { ...sponsorEntry(), channel: 'email' });
    const again = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', {
      ...sponsorEntry(),
      person: null,
      address: PEOPLE.sponsor.email.toUpperCase(),
      channel: 'email',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: expect.stringMatching(/duplicate$/),
      errors: [{ field: 'address', message: expect.stringMatching(/Sasha Sponsor already hears/) }],
    });
    const other = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', {
      ...sponsorEntry(),
      person: ref(PEOPLE.otherSponsor),
      channel: 'email',
    });
    const clash = await server.as(PEOPLE.pm)('PATCH', `/api/stakeholders/${other.body.id}`, {
      version: 1,
      person: ref(PEOPLE.sponsor),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toMatchObject([{ field: 'person' }]);
    expect(await server.store.listStakeholders({ projectId })).toHaveLength(2);
  });

  it('should ask for the version on PATCH and DELETE, and 404 an unknown entry', async () => {
    const created = await server.as(PEOPLE.pm)('POST', '/api/stakeholders', sponsorEntry());
    const url = `/api/stakeholders/${created.body.id}`;
    const noVersion = await server.as(PEOPLE.pm)('PATCH', url, { role: 'other' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors).toMatchObject([{ field: 'version' }]);
    const deleteNoVersion = await server.as(PEOPLE.pm)('DELETE', url);
    expect(deleteNoVersion.status).toBe(400);
    expect(deleteNoVersion.body.errors).toMatchObject([{ field: 'version' }]);
    expect((await server.as(PEOPLE.pm)('PATCH', '/api/stakeholders/nope', { version: 1 })).status).toBe(404);
    const scopeChange = await server.as(PEOPLE.pm)('PATCH', url, {
      version: 1,
      scope: { kind: 'project', id: otherProjectId },
    });
    expect(scopeChange.status).toBe(400);
    expect(scopeChange.body.errors).toMatchObject([{ field: 'scope' }]);
  });
});
