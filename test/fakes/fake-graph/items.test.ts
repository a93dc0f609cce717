import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { HONOR_NON_INDEXED } from './item-query';
import { FORMATS, call, createItem, createList, expectGraphError, sitePath } from './test-support';

const TYPED_COLUMNS = [
  { name: 'Code', text: {}, indexed: true },
  { name: 'Notes', text: { allowMultipleLines: true } },
  { name: 'Budget', currency: { locale: 'en-us' } },
  { name: 'Percent', number: { minimum: 0, maximum: 100 } },
  { name: 'Due', dateTime: { format: 'dateTime' } },
  { name: 'Day', dateTime: { format: 'dateOnly' } },
  { name: 'Stage', choice: { choices: ['New', 'Active', 'Closed'] } },
  { name: 'Tag', choice: { choices: ['A'], allowTextEntry: true } },
  { name: 'Done', boolean: {} },
  { name: 'Owner', text: {}, required: true },
];

describe('list items: typed validation', () => {
  let fake: FakeGraph;
  let items: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    items = `${sitePath(fake)}/lists/${await createList(fake, 'Typed', TYPED_COLUMNS)}/items`;
  });
  afterAll(() => fake.close());

  const create = (fields: Record<string, unknown>) =>
    call(fake, 'POST', items, { fields: { Owner: 'ann', ...fields } });

  it('should store valid values and return them with SharePoint’s built-in fields', async () => {
    const reply = await create({
      Title: 'Kick-off',
      Code: 'P-1',
      Notes: 'line 1\nline 2 '.repeat(200),
      Budget: 1250.5,
      Percent: 42,
      Due: '2024-05-01T09:30:15.123+02:00',
      Day: '2024-05-01',
      Stage: 'Active',
      Tag: 'anything goes',
      Done: false,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.fields).toMatchObject({
      Title: 'Kick-off',
      LinkTitle: 'Kick-off',
      Budget: 1250.5,
      Percent: 42,
      Due: '2024-05-01T07:30:15Z',
      Day: '2024-05-01T00:00:00Z',
      Stage: 'Active',
      Tag: 'anything goes',
      Done: false,
      id: '1',
      _UIVersionString: '1.0',
    });
    expect(reply.body.fields.Created).toMatch(FORMATS.sharePointTime);
    expect(reply.body.createdDateTime).toBe(reply.body.fields.Created);
  });

  it('should leave null and absent fields out of the fieldValueSet, as Graph does', async () => {
    const reply = await create({ Title: null, Stage: null });
    expect(reply.status).toBe(201);
    expect(reply.body.fields).not.toHaveProperty('Title');
    expect(reply.body.fields).not.toHaveProperty('LinkTitle');
    expect(reply.body.fields).not.toHaveProperty('Stage');
    expect(reply.body.fields.Owner).toBe('ann');
  });

  it.each([
    [{ Nope: 1 }, "Field 'Nope' is not recognized."],
    [
      { title: 'x' },
      "Field 'title' is not recognized (column names are case-sensitive: did you mean 'Title'?).",
    ],
    [{ ID: 5 }, "Field 'ID' is read-only."],
    [{ Created: '2024-01-01T00:00:00Z' }, "Field 'Created' is read-only."],
    [{ LinkTitle: 'x' }, "Field 'LinkTitle' is read-only."],
    [{ Percent: '42' }, 'Field \'Percent\' is a number column and needs a JSON number; got string "42".'],
    [{ Budget: '1,000' }, /Budget' is a currency column and needs a JSON number/],
    [{ Percent: 101 }, "Field 'Percent' must be between 0 and 100; got 101."],
    [{ Code: 7 }, "Field 'Code' is a text column and needs a string; got number 7."],
    [{ Code: ['a'] }, /needs a string; got an array/],
    [{ Code: 'x'.repeat(256) }, "Field 'Code' holds at most 255 characters; the value has 256."],
    [{ Notes: 'x'.repeat(64_000) }, "Field 'Notes' holds at most 63999 characters; the value has 64000."],
    [{ Stage: 'Open' }, "Field 'Stage' accepts only 'New', 'Active', 'Closed'; got 'Open'."],
    [{ Stage: 'active' }, /accepts only/],
    [{ Done: 'true' }, /Done' is a boolean column and needs true or false/],
    [{ Done: 1 }, /needs true or false/],
    [{ Due: '05/01/2024' }, /needs an ISO 8601 date-time/],
    [{ Due: '2024-02-30T00:00:00Z' }, /needs an ISO 8601 date-time/],
    [{ Due: 1714550400000 }, /needs an ISO 8601 date-time string/],
    [{ Owner: null }, "Field 'Owner' is required and cannot be cleared."],
  ])('should refuse %p with 400 invalidRequest', async (fields, message) => {
    expectGraphError(await create(fields), 400, 'invalidRequest', message);
  });

  it('should require required columns on create', async () => {
    const reply = await call(fake, 'POST', items, { fields: { Title: 'no owner' } });
    expectGraphError(reply, 400, 'invalidRequest', /^Field 'Owner' is required/);
  });

  it('should refuse malformed bodies', async () => {
    expectGraphError(
      await call(fake, 'POST', items, { Title: 'x' }),
      400,
      'invalidRequest',
      /send \{ "fields"/,
    );
    expectGraphError(
      await call(fake, 'POST', items),
      400,
      'invalidRequest',
      'This request needs a JSON body.',
    );
    expectGraphError(await call(fake, 'POST', items, { fields: ['x'] }), 400, 'invalidRequest');
    const broken = await fetch(`${fake.graphRoot}${items}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fields":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(
      /^Unable to read JSON request payload/,
    );
    const text = await fetch(`${fake.graphRoot}${items}`, { method: 'POST', body: 'Title=x' });
    expect(text.status).toBe(415);
  });

  it('should refuse item creation in a document library', async () => {
    const reply = await call(fake, 'POST', `${sitePath(fake)}/lists/Documents/items`, {
      fields: { Title: 'x' },
    });
    expectGraphError(reply, 400, 'invalidRequest', /via the OneDrive API/);
  });

  it('should refuse unknown fields in fields($select=…) and unknown listItem properties in $select', async () => {
    expectGraphError(
      await call(fake, 'GET', `${items}?$expand=fields($select=Title,Nope)`),
      400,
      'invalidRequest',
    );
    expectGraphError(await call(fake, 'GET', `${items}?$select=id,nope`), 400, 'BadRequest');
    expectGraphError(await call(fake, 'GET', `${items}?$expand=versions`), 400, 'BadRequest');
    const selected = await call(fake, 'GET', `${items}?$select=id,eTag&$top=1`);
    expect(Object.keys(selected.body.value[0]).sort()).toEqual(['@odata.etag', 'eTag', 'id']);
  });
});

describe('list items: eTags, If-Match and versions', () => {
  let fake: FakeGraph;
  let items: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    items = `${sitePath(fake)}/lists/${await createList(fake, 'Risks', [{ name: 'Level', number: {} }])}/items`;
  });
  afterAll(() => fake.close());

  it('should bump the version and eTag on each update, and honour If-Match (quoted or not, or *)', async () => {
    const created = (
      await createItem(fake, items.split('/lists/')[1].split('/')[0], { Title: 'r1', Level: 1 })
    ).body;
    expect(created.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    const v2 = await call(
      fake,
      'PATCH',
      `${items}/${created.id}/fields`,
      { Level: 2 },
      { 'If-Match': created.eTag },
    );
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ Level: 2, Title: 'r1', _UIVersionString: '2.0' });
    expect(v2.body['@odata.etag']).toBe(created.eTag.replace(',1"', ',2"'));
    const unquoted = v2.body['@odata.etag'].slice(1, -1);
    const v3 = await call(
      fake,
      'PATCH',
      `${items}/${created.id}/fields`,
      { Level: 3 },
      { 'If-Match': unquoted },
    );
    expect(v3.body['@odata.etag']).toMatch(/,3"$/);
    const v4 = await call(
      fake,
      'PATCH',
      `${items}/${created.id}/fields`,
      { Level: null },
      { 'If-Match': '*' },
    );
    expect(v4.body).not.toHaveProperty('Level');
    const item = await call(fake, 'GET', `${items}/${created.id}`);
    expect(item.body.eTag).toBe(v4.body['@odata.etag']);
    expect(Date.parse(item.body.lastModifiedDateTime)).toBeGreaterThanOrEqual(
      Date.parse(created.lastModifiedDateTime),
    );
  });

  it('should answer 412 to a stale If-Match and change nothing', async () => {
    const created = (await call(fake, 'POST', items, { fields: { Title: 'r2', Level: 1 } })).body;
    await call(fake, 'PATCH', `${items}/${created.id}/fields`, { Level: 2 });
    const stale = await call(
      fake,
      'PATCH',
      `${items}/${created.id}/fields`,
      { Level: 9 },
      { 'If-Match': created.eTag },
    );
    expectGraphError(
      stale,
      412,
      'preconditionFailed',
      /^The request ETag value '".+,1"' does not match the object's ETag value '".+,2"'\.$/,
    );
    const after = await call(fake, 'GET', `${items}/${created.id}?$expand=fields($select=Level)`);
    expect(after.body.fields.Level).toBe(2);
    expect(after.body.eTag).toMatch(/,2"$/);
    const staleDelete = await call(fake, 'DELETE', `${items}/${created.id}`, undefined, {
      'If-Match': created.eTag,
    });
    expectGraphError(staleDelete, 412, 'preconditionFailed');
    const deleted = await call(fake, 'DELETE', `${items}/${created.id}`, undefined, {
      'If-Match': after.body.eTag,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expectGraphError(await call(fake, 'GET', `${items}/${created.id}`), 404, 'itemNotFound');
  });

  it('should also update through PATCH items/{id} with { fields }', async () => {
    const created = (await call(fake, 'POST', items, { fields: { Title: 'r3' } })).body;
    const reply = await call(fake, 'PATCH', `${items}/${created.id}`, { fields: { Level: 5 } });
    expect(reply.status).toBe(200);
    expect(reply.body.fields).toMatchObject({ Level: 5, Title: 'r3' });
    expect(reply.body.eTag).toMatch(/,2"$/);
  });

  it('should give items increasing ids that are never reused', async () => {
    const a = (await call(fake, 'POST', items, { fields: {} })).body.id;
    await call(fake, 'DELETE', `${items}/${a}`);
    const b = (await call(fake, 'POST', items, { fields: {} })).body.id;
    expect(Number(b)).toBe(Number(a) + 1);
    expectGraphError(await call(fake, 'GET', `${items}/abc`), 404, 'itemNotFound');
  });

  it('should show test code the items through itemsOf', () => {
    const fields = fake.itemsOf(fake.sites[0].id, 'Risks');
    expect(fields.map((f) => f.Title)).toEqual(['r1', 'r3']);
    expect(fields[0]).toMatchObject({ id: '1', '@odata.etag': expect.stringMatching(FORMATS.eTag) });
    expect(() => fake.itemsOf(fake.sites[0].id, 'risks')).toThrow(/no list named 'risks'/);
  });
});

describe('list items: paging', () => {
  let fake: FakeGraph;
  let items: string;

  beforeAll(async () => {
    fake = await startFakeGraph({ maxPageSize: 5 });
    items = `${sitePath(fake)}/lists/${await createList(fake, 'Paged', [{ name: 'N', number: {}, indexed: true }])}/items`;
    for (let n = 1; n <= 12; n += 1)
      await call(fake, 'POST', items, { fields: { Title: `t${n}`, N: n % 4 } });
  });
  afterAll(() => fake.close());

  it('should cap a big $top at the server page size and page to the end with absolute nextLinks', async () => {
    let url: string | undefined = `${fake.graphRoot}${items}?$expand=fields($select=Title)&$top=50`;
    const seen: string[] = [];
    const pages: number[] = [];
    while (url) {
      expect(url.startsWith(fake.graphRoot)).toBe(true);
      const reply = await call(fake, 'GET', url);
      expect(reply.status).toBe(200);
      pages.push(reply.body.value.length);
      seen.push(...reply.body.value.map((i: { fields: { Title: string } }) => i.fields.Title));
      url = reply.body['@odata.nextLink'];
      if (url)
        expect(url).toMatch(/\?\$expand=fields\(\$select=Title\)&\$top=50&\$skiptoken=[A-Za-z0-9_-]+$/);
    }
    expect(pages).toEqual([5, 5, 2]);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `t${i + 1}`));
  });

  it('should page a filtered, ordered query without losing or repeating items', async () => {
    const filter = encodeURIComponent('fields/N ge 1');
    let url: string | undefined = `${items}?$filter=${filter}&$orderby=fields/N desc&$top=2`;
    const ids: string[] = [];
    while (url) {
      const reply = await call(fake, 'GET', url);
      ids.push(...reply.body.value.map((i: { id: string }) => i.id));
      url = reply.body['@odata.nextLink'];
    }
    expect(ids).toEqual(['3', '7', '11', '2', '6', '10', '1', '5', '9']);
  });

  it('should use the default page (200, capped) without $top and keep paging stable across inserts', async () => {
    const first = await call(fake, 'GET', items);
    expect(first.body.value).toHaveLength(5);
    await call(fake, 'POST', items, { fields: { Title: 't13' } });
    const next = await call(fake, 'GET', first.body['@odata.nextLink']);
    expect(next.body.value.map((i: { id: string }) => i.id)).toEqual(['6', '7', '8', '9', '10']);
  });

  it.each(['0', '-1', '1.5', 'abc', ''])('should refuse $top=%p', async (top) => {
    expectGraphError(
      await call(fake, 'GET', `${items}?$top=${top}`),
      400,
      'invalidRequest',
      /for \$top: it must be a positive integer/,
    );
  });

  it('should refuse forged or foreign skiptokens', async () => {
    expectGraphError(
      await call(fake, 'GET', `${items}?$skiptoken=not*base64`),
      400,
      'invalidRequest',
      /is not valid/,
    );
    const ordered = await call(fake, 'GET', `${items}?$orderby=fields/N&$top=2`);
    const token = new URL(ordered.body['@odata.nextLink']).searchParams.get('$skiptoken') as string;
    const foreign = await call(fake, 'GET', `${items}?$top=2&$skiptoken=${token}`);
    expectGraphError(foreign, 400, 'invalidRequest', /does not belong to this query/);
  });
});

describe('list items: the indexed-only rule', () => {
  let fake: FakeGraph;
  let list: string;
  let items: string;
  const prefer = { Prefer: HONOR_NON_INDEXED };
  const message =
    "Field 'Notes' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.";

  beforeAll(async () => {
    fake = await startFakeGraph({ listViewThreshold: 5 });
    list = await createList(fake, 'Big', [
      { name: 'Key', text: {}, indexed: true },
      { name: 'Notes', text: {} },
    ]);
    items = `${sitePath(fake)}/lists/${list}/items`;
    for (let n = 1; n <= 4; n += 1)
      await createItem(fake, list, { Key: `k${n}`, Notes: n % 2 ? 'odd' : 'even' });
  });
  afterAll(() => fake.close());

  const filterOnNotes = () => `${items}?$filter=${encodeURIComponent("fields/Notes eq 'odd'")}`;

  it('should refuse $filter and $orderby on a non-indexed column, even on a tiny list', async () => {
    expectGraphError(await call(fake, 'GET', filterOnNotes()), 400, 'invalidRequest', message);
    expectGraphError(
      await call(fake, 'GET', `${items}?$orderby=fields/Notes`),
      400,
      'invalidRequest',
      message,
    );
    const mixed = `${items}?$filter=${encodeURIComponent("fields/Key eq 'k1' and fields/Notes eq 'odd'")}`;
    expectGraphError(await call(fake, 'GET', mixed), 400, 'invalidRequest', message);
  });

  it('should let the Prefer header through (also among other preferences)', async () => {
    const reply = await call(fake, 'GET', filterOnNotes(), undefined, prefer);
    expect(reply.body.value.map((i: { id: string }) => i.id)).toEqual(['1', '3']);
    const listed = await call(fake, 'GET', filterOnNotes(), undefined, {
      Prefer: `return=minimal, ${HONOR_NON_INDEXED}`,
    });
    expect(listed.status).toBe(200);
  });

  it('should still fail a non-indexed query on a list over the view threshold, but not an indexed one', async () => {
    await createItem(fake, list, { Key: 'k5' });
    await createItem(fake, list, { Key: 'k6' });
    const big = await call(fake, 'GET', filterOnNotes(), undefined, prefer);
    expectGraphError(
      big,
      400,
      'notSupported',
      'The request is unprocessable because it uses too many resources',
    );
    const indexed = await call(fake, 'GET', `${items}?$filter=${encodeURIComponent("fields/Key eq 'k6'")}`);
    expect(indexed.body.value.map((i: { id: string }) => i.id)).toEqual(['6']);
  });

  it('should allow the query once the column is indexed', async () => {
    const columns = await call(fake, 'GET', `${sitePath(fake)}/lists/${list}/columns`);
    const notes = columns.body.value.find((c: { name: string }) => c.name === 'Notes');
    const patched = await call(fake, 'PATCH', `${sitePath(fake)}/lists/${list}/columns/${notes.id}`, {
      indexed: true,
    });
    expect(patched.body).toMatchObject({ name: 'Notes', indexed: true });
    expect((await call(fake, 'GET', filterOnNotes())).body.value).toHaveLength(2);
  });
});
