import type { GraphError } from '@microsoft/microsoft-graph-client';
import { BatchRequestContent, BatchResponseContent, Client } from '@microsoft/microsoft-graph-client';
import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { HONOR_NON_INDEXED } from './item-query';

/** What the SharePoint store will do: the real Graph client against the fake, over plain http. */
describe('fake Graph through @microsoft/microsoft-graph-client', () => {
  let fake: FakeGraph;
  let client: Client;
  let items: string;

  beforeAll(async () => {
    fake = await startFakeGraph();
    client = Client.init({
      authProvider: (done) => done(null, 'token'),
      baseUrl: fake.url,
      defaultVersion: 'v1.0',
    });
    const site = await client.api('/sites/contoso.sharepoint.com:/sites/pmo').get();
    const list = await client.api(`/sites/${site.id}/lists`).post({
      displayName: 'Client Projects',
      columns: [
        { name: 'Status', choice: { choices: ['Open', 'Closed'] }, indexed: true },
        { name: 'Owner', text: {} },
      ],
      list: { template: 'genericList' },
    });
    items = `/sites/${site.id}/lists/${list.id}/items`;
    for (const [title, status, owner] of [
      ["O'Brien", 'Open', 'ann'],
      ['Zoë 東京', 'Closed', 'bo'],
      ['Plain', 'Open', 'cy'],
    ]) {
      await client.api(items).post({ fields: { Title: title, Status: status, Owner: owner } });
    }
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.resetLog());

  it('should page with expand(fields($select)) and top, following nextLink to the end', async () => {
    const first = await client.api(items).expand('fields($select=Title)').top(2).get();
    expect(first.value.map((i: { fields: { Title: string } }) => i.fields)).toEqual([
      { '@odata.etag': expect.any(String), Title: "O'Brien" },
      { '@odata.etag': expect.any(String), Title: 'Zoë 東京' },
    ]);
    const next: string = first['@odata.nextLink'];
    expect(next.startsWith(fake.graphRoot)).toBe(true);
    // The client strips a host from a URL only for https://, so a http nextLink is passed as a path.
    const second = await client.api(next.slice(fake.graphRoot.length)).get();
    expect(second.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual(['Plain']);
    expect(second['@odata.nextLink']).toBeUndefined();
    expect(fake.requests.map((r) => r.query.$top)).toEqual(['2', '2']);
  });

  it('should filter with quoted text the client sends unencoded, and need Prefer for non-indexed columns', async () => {
    const open = await client.api(items).filter("fields/Status eq 'Open'").expand('fields').get();
    expect(open.value.map((i: { fields: { Title: string } }) => i.fields.Title)).toEqual([
      "O'Brien",
      'Plain',
    ]);
    const owner = client.api(items).filter("fields/Owner eq 'bo'");
    await expect(owner.get()).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalidRequest',
      message: expect.stringMatching(
        /^Field 'Owner' cannot be referenced in filter or orderby as it is not indexed/,
      ),
    });
    const preferred = await client
      .api(items)
      .header('Prefer', HONOR_NON_INDEXED)
      .filter(`fields/Owner eq ${encodeURIComponent("'bo'")}`)
      .get();
    expect(preferred.value.map((i: { id: string }) => i.id)).toEqual(['2']);
  });

  it('should turn a stale If-Match into a GraphError 412 and leave the item alone', async () => {
    const item = await client.api(`${items}/1`).get();
    const updated = await client
      .api(`${items}/1/fields`)
      .header('If-Match', item.eTag)
      .patch({ Owner: 'dee' });
    expect(updated.Owner).toBe('dee');
    const stale = client.api(`${items}/1/fields`).header('If-Match', item.eTag).patch({ Owner: 'eve' });
    await expect(stale).rejects.toMatchObject({
      statusCode: 412,
      code: 'preconditionFailed',
    } satisfies Partial<GraphError>);
    expect((await client.api(`${items}/1/fields`).get()).Owner).toBe('dee');
  });

  it('should let the client’s retry handler ride out an injected 429 with a short Retry-After', async () => {
    fake.injectFault({ status: 429, retryAfter: '0.01', match: (r) => !r.inBatch && r.method === 'GET' });
    const site = await client.api(`/sites/${fake.sites[0].id}`).get();
    expect(site.id).toBe(fake.sites[0].id);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('should answer a $batch posted as JSON, with per-request statuses the client does not retry', async () => {
    fake.injectFault({
      status: 429,
      retryAfter: '0.01',
      match: (r) => r.inBatch && r.url.endsWith('/items/2'),
    });
    const reply = await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `${items}/1` },
        { id: '2', method: 'GET', url: `${items}/2` },
        { id: '3', method: 'GET', url: `${items}/3`, dependsOn: ['2'] },
      ],
    });
    expect(reply.responses.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 429],
      ['3', 424],
    ]);
    expect(reply.responses[1].headers['Retry-After']).toBe('0.01');
    expect(fake.requests).toHaveLength(1);
  });

  it('should accept BatchRequestContent when the request URLs leave out the version (the SDK keeps it otherwise)', async () => {
    const content = new BatchRequestContent([
      { id: 'a', request: new Request(`${fake.url}${items.slice(1)}/1`, { method: 'GET' }) },
      { id: 'b', request: new Request(`${fake.graphRoot}${items}/1`, { method: 'GET' }) },
    ]);
    const raw = await client.api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw).getResponses();
    expect(responses.get('a')?.status).toBe(200);
    expect(responses.get('b')?.status).toBe(400);
    expect(raw.responses[1].body.error.message).toBe("Resource not found for the segment 'v1.0'.");
  });
});
