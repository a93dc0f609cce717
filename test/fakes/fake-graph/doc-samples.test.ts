import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import type { Reply } from './test-support';
import {
  FORMATS,
  call,
  createItem,
  createList,
  expectGraphError,
  loadSample,
  sampleNames,
  shapeDifferences,
  sitePath,
} from './test-support';

/** App-only writes show the app plus the "SharePoint App" user, which has no Entra id (the docs' samples are delegated). */
const APP_ONLY_IDENTITY = ['createdBy.user.id', 'lastModifiedBy.user.id'];

describe('fake Graph answers in the shapes of Microsoft’s documentation samples', () => {
  let fake: FakeGraph;
  let site: string;
  let inventory: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    site = sitePath(fake);
    inventory = await createList(fake, 'Inventory', [
      { name: 'Name', text: {}, indexed: true },
      { name: 'Color', choice: { choices: ['Red', 'Blue', 'Green', 'Purple', 'Fuchsia'] } },
      { name: 'Quantity', number: {} },
      { name: 'Weight', number: {} },
    ]);
    await createItem(fake, inventory, { Title: 'Gadget', Name: 'Gadget', Color: 'Red', Quantity: 503 });
    await createItem(fake, inventory, { Title: 'Widget', Name: 'Widget', Color: 'Blue', Quantity: 2357 });
    await createItem(fake, inventory, { Title: 'Gizmo', Name: 'Gizmo', Color: 'Green', Quantity: 92 });
  });
  afterAll(() => fake.close());

  function expectLike(reply: Reply, sampleName: string, ignore: string[] = []): void {
    const sample = loadSample(sampleName);
    expect(sample._source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(reply.status).toBe(sample.status);
    expect(shapeDifferences(reply.body, sample.body, ignore)).toEqual([]);
  }

  it('should keep a documented source on every sample', () => {
    const names = sampleNames();
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) expect(loadSample(name)._source).toMatch(/learn\.microsoft\.com/);
  });

  it('should answer GET site by id like site-get', async () => {
    const reply = await call(fake, 'GET', site);
    expectLike(reply, 'site-get');
    expect(reply.body.id).toMatch(FORMATS.siteId);
    expect(reply.body['@odata.context']).toBe(`${fake.graphRoot}/$metadata#sites/$entity`);
    expect(reply.body.siteCollection).toEqual({ hostname: 'contoso.sharepoint.com' });
    expect(reply.body.createdDateTime).toMatch(FORMATS.sharePointTime);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('should answer GET site by path like site-getbypath, with or without a closing colon', async () => {
    const byPath = await call(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/pmo');
    expectLike(byPath, 'site-getbypath');
    expect(byPath.body.id).toBe(fake.sites[0].id);
    expect((await call(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/pmo:')).body.id).toBe(
      fake.sites[0].id,
    );
    const lists = await call(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/pmo:/lists');
    expect(lists.status).toBe(200);
    expectGraphError(
      await call(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/nope'),
      404,
      'itemNotFound',
    );
  });

  it('should list lists like list-list, including the site’s Documents library', async () => {
    const reply = await call(fake, 'GET', `${site}/lists`);
    expectLike(reply, 'list-list');
    const names = reply.body.value.map((l: { displayName: string }) => l.displayName);
    expect(names).toEqual(expect.arrayContaining(['Documents', 'Inventory']));
    const documents = reply.body.value.find((l: { displayName: string }) => l.displayName === 'Documents');
    expect(documents.list.template).toBe('documentLibrary');
    expect(reply.body['@odata.context']).toMatch(/\$metadata#sites\('.+'\)\/lists$/);
  });

  it('should get a list like list-get, by id and by display name', async () => {
    const byId = await call(fake, 'GET', `${site}/lists/${inventory}`);
    expectLike(byId, 'list-get');
    expect(byId.body.id).toMatch(FORMATS.guid);
    expect(byId.body.eTag).toMatch(FORMATS.eTag);
    expect(byId.body.webUrl).toBe('https://contoso.sharepoint.com/sites/pmo/Lists/Inventory');
    const byTitle = await call(fake, 'GET', `${site}/lists/Inventory`);
    expect(byTitle.body.id).toBe(inventory);
  });

  it('should create a list like list-create, with the genericList built-in columns', async () => {
    const sample = loadSample('list-create');
    // The sample's column 'Author' clashes with the built-in Author (Created By): SharePoint answers 409.
    const clash = await call(fake, 'POST', `${site}/lists`, sample.requestBody);
    expectGraphError(clash, 409, 'nameAlreadyExists', 'A duplicate field name "Author" was found.');
    const body = JSON.parse(JSON.stringify(sample.requestBody).replace('"Author"', '"Writer"'));
    const reply = await call(fake, 'POST', `${site}/lists`, body);
    expectLike(reply, 'list-create', APP_ONLY_IDENTITY);
    expect(reply.body.createdBy.application.id).toMatch(FORMATS.guid);
    expect(reply.body.columns.map((c: { name: string }) => c.name)).toEqual(['Writer', 'PageCount']);
    const columns = await call(fake, 'GET', `${site}/lists/${reply.body.id}/columns`);
    const names = columns.body.value.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Title', 'ID', 'Created', 'Modified', 'ContentType', 'Attachments']),
    );
    expect(names).toEqual(
      expect.arrayContaining(['Edit', 'LinkTitle', 'LinkTitleNoMenu', 'Author', 'Writer', 'PageCount']),
    );
    const readOnly = columns.body.value
      .filter((c: { readOnly: boolean }) => c.readOnly)
      .map((c: { name: string }) => c.name);
    expect(readOnly).toEqual(expect.arrayContaining(['ID', 'Created', 'Modified', 'Edit', 'LinkTitle']));
    expect(readOnly).not.toContain('Title');
  });

  it('should list columns like list-list-columns (Title first, a single-line text facet)', async () => {
    const reply = await call(fake, 'GET', `${site}/lists/${inventory}/columns`);
    expectLike(reply, 'list-list-columns');
    const { id: _id, ...title } = loadSample('list-list-columns').body.value[0];
    expect(reply.body.value[0]).toMatchObject(title);
    expect(reply.body.value.every((c: { hidden: boolean }) => !c.hidden)).toBe(true);
    const withHidden = await call(fake, 'GET', `${site}/lists/${inventory}/columns?$select=name,hidden`);
    expect(withHidden.body.value.some((c: { hidden: boolean }) => c.hidden)).toBe(true);
    expect(Object.keys(withHidden.body.value[0]).sort()).toEqual(['hidden', 'name']);
  });

  it('should create a column like list-post-columns and update it like columndefinition-update', async () => {
    const { name: _name, ...definition } = loadSample('list-post-columns').requestBody as Record<
      string,
      unknown
    >;
    const people = await createList(fake, 'People');
    const created = await call(fake, 'POST', `${site}/lists/${people}/columns`, {
      ...definition,
      name: 'Address',
    });
    expectLike(created, 'list-post-columns', ['displayName', 'name']);
    expect(created.body.name).toBe('Address');
    const updated = await call(fake, 'PATCH', `${site}/lists/${people}/columns/${created.body.id}`, {
      required: true,
      displayName: 'Street address',
    });
    expectLike(updated, 'columndefinition-update');
    expect(updated.body).toMatchObject({ required: true, displayName: 'Street address', name: 'Address' });
  });

  it('should list items like listitem-list for expand=fields(select=…) (the docs’ form without $)', async () => {
    const reply = await call(
      fake,
      'GET',
      `${site}/lists/${inventory}/items?expand=fields(select=Name,Color,Quantity)`,
    );
    expectLike(reply, 'listitem-list');
    expect(reply.body.value.map((i: { fields: unknown }) => i.fields)).toEqual(
      loadSample('listitem-list').body.value.map((i: { fields: Record<string, unknown> }) => ({
        '@odata.etag': expect.stringMatching(FORMATS.eTag),
        ...i.fields,
      })),
    );
    const item = reply.body.value[0];
    expect(item['@odata.etag']).toBe(item.eTag);
    expect(item.fields['@odata.etag']).toBe(item.eTag);
    expect(item.eTag).toMatch(FORMATS.eTag);
    expect(item.webUrl).toBe('https://contoso.sharepoint.com/sites/pmo/Lists/Inventory/1_.000');
    expect(item['fields@odata.context']).toMatch(/\/items\('1'\)\/fields\/\$entity$/);
    expect(
      shapeDifferences(item, loadSample('listitem-delta').body.value[0], ['parentReference.path']),
    ).toEqual([]);
    expect(reply.body['@odata.context']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/\$metadata#sites\(/);
  });

  it('should get an item like listitem-get, and leave fields out unless expanded', async () => {
    const reply = await call(fake, 'GET', `${site}/lists/${inventory}/items/2?$expand=fields`);
    expectLike(reply, 'listitem-get');
    expect(reply.body.fields).toMatchObject({
      Name: 'Widget',
      Color: 'Blue',
      Quantity: 2357,
      id: '2',
      Title: 'Widget',
    });
    expect(reply.body.fields).toMatchObject({
      ContentType: 'Item',
      _UIVersionString: '1.0',
      Attachments: false,
    });
    expect(reply.body.fields.Created).toMatch(FORMATS.sharePointTime);
    const bare = await call(fake, 'GET', `${site}/lists/${inventory}/items/2`);
    expect(bare.body.fields).toBeUndefined();
    expect(bare.body['@odata.context']).toMatch(/\/items\/\$entity$/);
  });

  it('should create an item like listitem-create', async () => {
    const sample = loadSample('listitem-create');
    const reply = await call(fake, 'POST', `${site}/lists/${inventory}/items`, sample.requestBody);
    expectLike(reply, 'listitem-create', APP_ONLY_IDENTITY);
    expect(reply.body.id).toBe('4');
    expect(reply.body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(reply.body.fields).toMatchObject({ Title: 'Widget', Color: 'Purple', Weight: 32 });
    expect(reply.body.lastModifiedBy.user.displayName).toBe('SharePoint App');
    expect(reply.body.contentType).toEqual({
      id: expect.stringMatching(/^0x0100[0-9A-F]{32}$/),
      name: 'Item',
    });
  });

  it('should update fields like listitem-update and answer the whole fieldValueSet', async () => {
    const sample = loadSample('listitem-update');
    const reply = await call(fake, 'PATCH', `${site}/lists/${inventory}/items/2/fields`, sample.requestBody);
    expectLike(reply, 'listitem-update');
    expect(reply.body).toMatchObject(sample.body);
    expect(reply.body['@odata.etag']).toMatch(/,2"$/);
    expect(reply.body['@odata.context']).toMatch(/\/items\('2'\)\/fields\/\$entity$/);
  });

  it('should shape errors like the documented error object, with the full innerError', async () => {
    const reply = await call(fake, 'GET', `${site}/lists/${inventory}/items/999`);
    expect(shapeDifferences(reply.body, loadSample('error').body)).toEqual([]);
    const batchError = loadSample('json-batching-response').body.responses[1].body;
    expect(shapeDifferences(reply.body, batchError)).toEqual([]);
    expectGraphError(reply, 404, 'itemNotFound');
  });

  it('should answer a batch like the json-batching sample', async () => {
    const reply = await call(fake, 'POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${site}/lists/${inventory}/items?$top=1` },
        { id: '2', method: 'GET', url: `${site}/lists/${inventory}/items/999` },
      ],
    });
    expect(reply.status).toBe(200);
    expect(
      shapeDifferences(reply.body, loadSample('json-batching-response').body, [
        'responses[].headers.Cache-Control',
        'responses[].headers.x-ms-resource-unit',
        'responses[].headers.OData-Version',
        'responses[].body.value',
      ]),
    ).toEqual([]);
    expect(reply.body.responses[1]).toMatchObject({
      id: '2',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(
      shapeDifferences(
        reply.body.responses[1].body,
        loadSample('json-batching-response').body.responses[1].body,
      ),
    ).toEqual([]);
  });
});
