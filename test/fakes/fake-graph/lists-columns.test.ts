import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { call, createList, expectGraphError, sitePath } from './test-support';

describe('sites, lists and columns', () => {
  let fake: FakeGraph;
  let site: string;

  beforeAll(async () => {
    fake = await startFakeGraph({
      hostname: 'fabrikam.sharepoint.com',
      sites: [{ path: '/sites/pmo' }, { path: '/teams/ops', displayName: 'Ops' }],
    });
    site = sitePath(fake);
  });
  afterAll(() => fake.close());

  it('should publish its sites with stable ids and answer unknown ones with 404 itemNotFound', async () => {
    expect(fake.sites.map((s) => [s.path, s.displayName, s.webUrl])).toEqual([
      ['/sites/pmo', 'pmo', 'https://fabrikam.sharepoint.com/sites/pmo'],
      ['/teams/ops', 'Ops', 'https://fabrikam.sharepoint.com/teams/ops'],
    ]);
    const again = await startFakeGraph({ hostname: 'fabrikam.sharepoint.com' });
    expect(again.sites[0].id).toBe(fake.sites[0].id);
    await again.close();
    const ops = await call(fake, 'GET', '/sites/fabrikam.sharepoint.com:/teams/ops');
    expect(ops.body).toMatchObject({ id: fake.sites[1].id, displayName: 'Ops', name: 'ops' });
    const encoded = await call(fake, 'GET', `/sites/${encodeURIComponent(fake.sites[1].id)}`);
    expect(encoded.body.id).toBe(fake.sites[1].id);
    const unknownId = `/sites/fabrikam.sharepoint.com,${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)},${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`;
    expectGraphError(
      await call(fake, 'GET', unknownId),
      404,
      'itemNotFound',
      'Requested site could not be found',
    );
    expectGraphError(
      await call(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/pmo'),
      404,
      'itemNotFound',
    );
  });

  it('should refuse a second list with the same display name (any case) with 409 nameAlreadyExists', async () => {
    await createList(fake, 'Projects');
    const again = await call(fake, 'POST', `${site}/lists`, {
      displayName: 'PROJECTS',
      list: { template: 'genericList' },
    });
    expectGraphError(again, 409, 'nameAlreadyExists', /with the specified title already exists/);
    const otherSite = await call(fake, 'POST', `${sitePath(fake, 1)}/lists`, { displayName: 'Projects' });
    expect(otherSite.status).toBe(201);
  });

  it.each([
    [{ list: { template: 'genericList' } }, /'displayName' is required/],
    [{ displayName: 'X', list: { template: 'documentLibrary' } }, /only 'genericList'/],
    [
      { displayName: 'X', list: { template: 'genericList', nope: 1 } },
      /'nope' does not exist on type 'microsoft.graph.listInfo'/,
    ],
    [{ displayName: 'X', owner: 'me' }, /'owner' is not supported/],
    [{ displayName: 'X', columns: {} }, /'columns' must be an array/],
    [
      {
        displayName: 'X',
        columns: [
          { name: 'A', text: {} },
          { name: 'a', number: {} },
        ],
      },
      /duplicate field name "a"/,
    ],
  ])('should refuse list body %p', async (body, message) => {
    const reply = await call(fake, 'POST', `${site}/lists`, body);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.body.error.message).toMatch(message);
    expect((await call(fake, 'GET', `${site}/lists/X`)).status).toBe(404);
  });

  it('should list lists with $select, $top, $filter and nextLink paging', async () => {
    for (const name of ['Alpha', 'Beta', 'Gamma']) await createList(fake, name);
    const page = await call(fake, 'GET', `${site}/lists?$select=id,displayName&$top=2`);
    expect(page.body.value).toHaveLength(2);
    expect(Object.keys(page.body.value[0]).sort()).toEqual(['@odata.etag', 'displayName', 'id']);
    const names: string[] = [];
    let url: string | undefined = `${fake.graphRoot}${site}/lists?$select=displayName&$top=2`;
    while (url) {
      const reply = await call(fake, 'GET', url);
      names.push(...reply.body.value.map((l: { displayName: string }) => l.displayName));
      url = reply.body['@odata.nextLink'];
    }
    expect(names).toEqual(['Documents', 'Projects', 'Alpha', 'Beta', 'Gamma']);
    const filtered = await call(
      fake,
      'GET',
      `${site}/lists?$filter=${encodeURIComponent("displayName eq 'beta'")}`,
    );
    expect(filtered.body.value.map((l: { displayName: string }) => l.displayName)).toEqual(['Beta']);
    expectGraphError(
      await call(fake, 'GET', `${site}/lists?$select=nope`),
      400,
      'BadRequest',
      /'nope' on type 'microsoft.graph.list'/,
    );
  });

  it('should expand columns on a list and delete a list', async () => {
    const id = await createList(fake, 'Temp', [{ name: 'Size', number: {} }]);
    const reply = await call(fake, 'GET', `${site}/lists/${id}?$expand=columns($select=name,indexed)`);
    expect(reply.body.columns).toContainEqual({ name: 'Size', indexed: false });
    expect((await call(fake, 'DELETE', `${site}/lists/Temp`)).status).toBe(204);
    expectGraphError(await call(fake, 'GET', `${site}/lists/${id}`), 404, 'itemNotFound');
  });

  describe('columns', () => {
    let columns: string;
    beforeAll(async () => {
      columns = `${site}/lists/${await createList(fake, 'Columns')}/columns`;
    });

    it('should add a column and refuse its name again (any case, built-ins too) with 409', async () => {
      const created = await call(fake, 'POST', columns, {
        name: 'Phase',
        choice: { choices: ['One', 'Two'] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Phase',
        displayName: 'Phase',
        indexed: false,
        required: false,
        readOnly: false,
        hidden: false,
        enforceUniqueValues: false,
        columnGroup: 'Custom Columns',
        choice: { allowTextEntry: false, choices: ['One', 'Two'], displayAs: 'dropDownMenu' },
      });
      expect(created.body['@odata.context']).toMatch(/\/columns\/\$entity$/);
      for (const name of ['Phase', 'phase', 'Title', 'Created', 'ID']) {
        const again = await call(fake, 'POST', columns, { name, text: {} });
        expectGraphError(again, 409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
      }
    });

    it('should normalize each type facet to its documented defaults', async () => {
      const facets: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
        [
          'T1',
          { text: {} },
          {
            text: {
              allowMultipleLines: false,
              appendChangesToExistingText: false,
              linesForEditing: 0,
              maxLength: 255,
            },
          },
        ],
        [
          'T2',
          { text: { allowMultipleLines: true } },
          {
            text: {
              allowMultipleLines: true,
              appendChangesToExistingText: false,
              linesForEditing: 6,
              maxLength: 63999,
              textType: 'plain',
            },
          },
        ],
        [
          'N1',
          { number: {} },
          {
            number: {
              decimalPlaces: 'automatic',
              displayAs: 'number',
              maximum: Number.MAX_VALUE,
              minimum: -Number.MAX_VALUE,
            },
          },
        ],
        ['C1', { currency: { locale: 'en-GB' } }, { currency: { locale: 'en-gb' } }],
        [
          'D1',
          { dateTime: { format: 'dateOnly' } },
          { dateTime: { displayAs: 'default', format: 'dateOnly' } },
        ],
        ['B1', { boolean: {} }, { boolean: {} }],
      ];
      for (const [name, facet, expected] of facets) {
        const reply = await call(fake, 'POST', columns, { name, ...facet });
        expect(reply.status).toBe(201);
        expect(reply.body).toMatchObject(expected);
      }
    });

    it.each([
      [{ name: 'Has Space', text: {} }, /column name 'Has Space' is not valid/],
      [{ name: '1abc', text: {} }, /is not valid/],
      [{ text: {} }, /column name 'undefined' is not valid/],
      [{ name: 'NoFacet' }, /exactly one type facet .* none was given/],
      [{ name: 'TwoFacets', text: {}, number: {} }, /only one type facet; got text and number/],
      [{ name: 'Lookup', lookup: { listId: 'x' } }, /does not implement 'lookup' columns/],
      [{ name: 'Long', text: { maxLength: 300 } }, /'text.maxLength' must be an integer from 1 to 255/],
      [
        { name: 'Odd', text: { colour: 'red' } },
        /'colour' does not exist on type 'microsoft.graph.textColumn'/,
      ],
      [
        { name: 'Odd', text: {}, favourite: true },
        /'favourite' does not exist on type 'microsoft.graph.columnDefinition'/,
      ],
      [{ name: 'NoChoices', choice: {} }, /'choice.choices' must be a non-empty array/],
      [{ name: 'Range', number: { minimum: 5, maximum: 1 } }, /minimum' is greater than/],
      [{ name: 'Flag', boolean: { x: 1 } }, /'x' does not exist on type 'microsoft.graph.booleanColumn'/],
      [{ name: 'Uniq', text: {}, enforceUniqueValues: true }, /must be indexed/],
      [
        { name: 'Fmt', dateTime: { format: 'time' } },
        /'dateTime.format' must be one of 'dateOnly', 'dateTime'/,
      ],
    ])('should refuse column %p with 400 invalidRequest', async (body, message) => {
      expectGraphError(await call(fake, 'POST', columns, body), 400, 'invalidRequest', message);
    });

    it('should update a column (indexed, description, choices) and refuse renames and type changes', async () => {
      const all = await call(fake, 'GET', columns);
      const phase = all.body.value.find((c: { name: string }) => c.name === 'Phase');
      const url = `${columns}/${phase.id}`;
      const patched = await call(fake, 'PATCH', url, {
        indexed: true,
        description: 'Stage gate',
        choice: { choices: ['One', 'Two', 'Three'] },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        indexed: true,
        description: 'Stage gate',
        choice: { choices: ['One', 'Two', 'Three'], displayAs: 'dropDownMenu' },
      });
      expect((await call(fake, 'GET', url)).body.indexed).toBe(true);
      expectGraphError(
        await call(fake, 'PATCH', url, { name: 'Gate' }),
        400,
        'invalidRequest',
        "The column's 'name' cannot be changed.",
      );
      expectGraphError(
        await call(fake, 'PATCH', url, { text: {} }),
        400,
        'invalidRequest',
        /type cannot be changed to text/,
      );
      expectGraphError(
        await call(fake, 'PATCH', url, { indexed: 'yes' }),
        400,
        'invalidRequest',
        "'indexed' must be a boolean.",
      );
      const created = all.body.value.find((c: { name: string }) => c.name === 'Created');
      expect((await call(fake, 'PATCH', `${columns}/${created.id}`, { indexed: true })).status).toBe(200);
      expectGraphError(
        await call(fake, 'PATCH', `${columns}/${created.id}`, { required: true }),
        400,
        'invalidRequest',
        /read-only built-in/,
      );
      expectGraphError(
        await call(fake, 'PATCH', `${columns}/00000000-0000-0000-0000-000000000000`, { indexed: true }),
        404,
        'itemNotFound',
      );
    });

    it('should allow at most 20 indexed columns', async () => {
      const list = `${site}/lists/${await createList(fake, 'Indexes')}/columns`;
      for (let n = 1; n <= 20; n += 1) {
        expect((await call(fake, 'POST', list, { name: `I${n}`, text: {}, indexed: true })).status).toBe(201);
      }
      expectGraphError(
        await call(fake, 'POST', list, { name: 'I21', text: {}, indexed: true }),
        400,
        'invalidRequest',
        /at most 20 indexed columns/,
      );
    });

    it('should enforce unique values on an indexed unique column', async () => {
      const list = await createList(fake, 'Unique', [
        { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
      ]);
      const items = `${site}/lists/${list}/items`;
      expect((await call(fake, 'POST', items, { fields: { Code: 'A-1' } })).status).toBe(201);
      expectGraphError(
        await call(fake, 'POST', items, { fields: { Code: 'a-1' } }),
        400,
        'invalidRequest',
        /duplicate values were found/,
      );
    });
  });

  describe('routing and query options', () => {
    it.each([
      ['/me', "Resource not found for the segment 'me'."],
      [`/sites/ID/nope`, "Resource not found for the segment 'nope'."],
      [`/sites/ID/lists/Projects/views`, "Resource not found for the segment 'views'."],
      [`/sites/ID/lists/Projects/items/1/versions`, "Resource not found for the segment 'versions'."],
    ])('should answer %p with 400 BadRequest', async (path, message) => {
      const reply = await call(fake, 'GET', path.replace('ID', fake.sites[0].id));
      expectGraphError(reply, 400, 'BadRequest', message);
    });

    it('should answer a wrong method with 405 and another version with 400', async () => {
      expectGraphError(await call(fake, 'PUT', `${site}/lists`, {}), 405, 'Request_BadRequest');
      expectGraphError(await call(fake, 'DELETE', site), 405, 'Request_BadRequest');
      const beta = await fetch(`${fake.url}beta${site}`);
      expect(beta.status).toBe(400);
      expect(((await beta.json()) as { error: { message: string } }).error.message).toMatch(
        /serves only \/v1\.0/,
      );
    });

    it('should refuse unknown, repeated and misplaced query options', async () => {
      expectGraphError(
        await call(fake, 'GET', `${site}/lists?$foo=1`),
        400,
        'BadRequest',
        "The query parameter '$foo' is not supported.",
      );
      expectGraphError(
        await call(fake, 'GET', `${site}/lists?$top=1&top=2`),
        400,
        'BadRequest',
        /specified more than once/,
      );
      expectGraphError(
        await call(fake, 'GET', `${site}?$filter=x`),
        400,
        'BadRequest',
        /'\$filter' is not supported on this resource/,
      );
      expect((await call(fake, 'GET', `${site}/lists?top=1&SELECT=id`)).body.value).toHaveLength(1);
    });

    it('should echo client-request-id and give every response a request-id', async () => {
      const res = await fetch(`${fake.graphRoot}${site}`, { headers: { 'client-request-id': 'trace-42' } });
      expect(res.headers.get('client-request-id')).toBe('trace-42');
      expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
