import type { FakeGraph } from './fake-graph';
import { startFakeGraph } from './fake-graph';
import { FilterSyntaxError, parseFilter } from './odata-filter';
import { call, createItem, createList, expectGraphError, sitePath } from './test-support';

/** An OData string literal: quotes doubled. */
const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

describe('OData $filter parser', () => {
  it('should parse comparisons, and/or/not, parentheses and startswith with OData precedence', () => {
    expect(parseFilter("fields/A eq 'x' or fields/B gt 3 and not startswith(fields/C,'pre')")).toEqual({
      kind: 'or',
      left: {
        kind: 'compare',
        op: 'eq',
        left: { kind: 'property', path: ['fields', 'A'] },
        right: { kind: 'literal', literal: { kind: 'string', value: 'x' } },
      },
      right: {
        kind: 'and',
        left: {
          kind: 'compare',
          op: 'gt',
          left: { kind: 'property', path: ['fields', 'B'] },
          right: { kind: 'literal', literal: { kind: 'number', value: 3, text: '3' } },
        },
        right: {
          kind: 'not',
          operand: {
            kind: 'startswith',
            property: { kind: 'property', path: ['fields', 'C'] },
            prefix: 'pre',
          },
        },
      },
    });
    expect(parseFilter('(fields/A eq 1 or fields/A eq 2) and fields/B eq true').kind).toBe('and');
  });

  it('should keep quoted text as data: doubled quotes, or, parentheses, percent signs and unicode', () => {
    const hostile = [
      "O'Brien",
      "x' or 1 eq 1 or 'y",
      "a) or (fields/B eq 'b",
      '100%27 sure',
      'Zoë 東京 🎉',
      "''",
      '',
    ];
    for (const text of hostile) {
      expect(parseFilter(`fields/Title eq ${quote(text)}`)).toEqual({
        kind: 'compare',
        op: 'eq',
        left: { kind: 'property', path: ['fields', 'Title'] },
        right: { kind: 'literal', literal: { kind: 'string', value: text } },
      });
    }
  });

  it('should read numbers, dates, booleans and null as literals', () => {
    const literal = (text: string) => {
      const node = parseFilter(`fields/X eq ${text}`);
      return node.kind === 'compare' && node.right.kind === 'literal' ? node.right.literal : undefined;
    };
    expect(literal('-3.5')).toEqual({ kind: 'number', value: -3.5, text: '-3.5' });
    expect(literal('2024-05-01T09:30:00Z')).toEqual({ kind: 'dateTime', text: '2024-05-01T09:30:00Z' });
    expect(literal('2024-05-01T09:30:00+02:00')).toEqual({
      kind: 'dateTime',
      text: '2024-05-01T09:30:00+02:00',
    });
    expect(literal('2024-05-01')).toEqual({ kind: 'dateTime', text: '2024-05-01' });
    expect(literal('false')).toEqual({ kind: 'boolean', value: false });
    expect(literal('null')).toEqual({ kind: 'null' });
  });

  it.each([
    ["fields/A eq 'open", /Unterminated string literal starting at position 12/],
    ['fields/A eq', /ends too early/],
    ["fields/A equals 'x'", /position 9: expected a comparison operator/],
    ["fields/A EQ 'x'", /expected a comparison operator/],
    ["fields/A eq 'x' fields/B eq 'y'", /position 16: unexpected 'fields'/],
    ["(fields/A eq 'x'", /expected '\)'/],
    ["fields/A eq 'x')", /unexpected '\)'/],
    ["contains(fields/A,'x')", /Unsupported function 'contains'/],
    ["startswith('x',fields/A)", /first argument of startswith must be a field/],
    ["fields/A eq 'x' & fields/B eq 'y'", /unexpected character '&' at position 16/],
    ["fields/A eq 'x' and", /ends too early/],
    ['fields/ eq 1', /position 11: expected a comparison operator/],
    ['   ', /empty/],
  ])('should refuse %p with a positioned message', (text, message) => {
    expect(() => parseFilter(text)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(text)).toThrow(message);
  });
});

describe('$filter and $orderby on list items over HTTP', () => {
  let fake: FakeGraph;
  let items: string;
  const titles = ["O'Brien", "Robert' or 1 eq 1 or 'a", 'Smile :) (yes)', '100%27 sure', 'Zoë 東京', 'plain'];

  beforeAll(async () => {
    fake = await startFakeGraph();
    const list = await createList(fake, 'Contacts', [
      { name: 'Name', text: {}, indexed: true },
      { name: 'Score', number: {}, indexed: true },
      { name: 'Active', boolean: {}, indexed: true },
      { name: 'Due', dateTime: { format: 'dateTime' }, indexed: true },
      { name: 'Stage', choice: { choices: ['New', 'Won', 'Lost'] }, indexed: true },
    ]);
    items = `${sitePath(fake)}/lists/${list}/items`;
    const rows: Array<Record<string, unknown>> = [
      { Name: titles[0], Score: 7, Active: true, Due: '2024-05-01T00:00:00Z', Stage: 'Won' },
      { Name: titles[1], Score: 3.5, Active: false, Due: '2024-04-30T23:59:59Z', Stage: 'New' },
      { Name: titles[2], Score: 10, Active: true, Due: '2024-06-01T12:00:00+02:00' },
      { Name: titles[3], Score: -1, Active: false, Stage: 'Lost' },
      { Name: titles[4], Score: 7, Active: true, Stage: 'Won' },
      { Name: titles[5] },
    ];
    for (const fields of rows) await createItem(fake, list, fields);
  });
  afterAll(() => fake.close());

  /** Ids of the items a filter selects (the client URL-encodes the whole expression). */
  async function ids(filter: string, extra = ''): Promise<string[]> {
    const reply = await call(fake, 'GET', `${items}?$filter=${encodeURIComponent(filter)}${extra}`);
    if (reply.status !== 200) throw new Error(`${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.value.map((item: { id: string }) => item.id);
  }

  it('should match hostile text exactly, never as syntax', async () => {
    for (const [index, title] of titles.entries()) {
      expect(await ids(`fields/Name eq ${quote(title)}`)).toEqual([String(index + 1)]);
    }
    expect(await ids(`fields/Name eq 'Robert'`)).toEqual([]);
    expect(await ids(`fields/Name eq ${quote("Robert' or 1 eq 1 or 'a")} and fields/Score gt 100`)).toEqual(
      [],
    );
  });

  it('should treat a %27 that the URL decodes as a real quote, so an unescaped one is a syntax error', async () => {
    const raw = await call(fake, 'GET', `${items}?$filter=fields/Name%20eq%20'O%27Brien'`);
    expectGraphError(
      raw,
      400,
      'invalidRequest',
      /^Invalid \$filter: Unterminated string literal starting at position 23\./,
    );
    const escaped = await call(fake, 'GET', `${items}?$filter=fields/Name%20eq%20'O%27%27Brien'`);
    expect(escaped.body.value.map((i: { id: string }) => i.id)).toEqual(['1']);
  });

  it('should compare text case-insensitively, like SharePoint, and startswith likewise', async () => {
    expect(await ids(`fields/Name eq 'o''brien'`)).toEqual(['1']);
    expect(await ids(`fields/Name eq 'ZOË 東京'`)).toEqual(['5']);
    expect(await ids(`startswith(fields/Name,'SMILE :)')`)).toEqual(['3']);
    expect(await ids(`fields/Stage eq 'won'`)).toEqual(['1', '5']);
  });

  it('should compare numbers, booleans, nulls and instants by type', async () => {
    expect(await ids('fields/Score gt 3.5')).toEqual(['1', '3', '5']);
    expect(await ids('fields/Score ge 3.5 and fields/Score le 7')).toEqual(['1', '2', '5']);
    expect(await ids('fields/Score lt 0 or fields/Score eq null')).toEqual(['4', '6']);
    expect(await ids('fields/Active eq false')).toEqual(['2', '4']);
    expect(await ids('not (fields/Active eq true)')).toEqual(['2', '4', '6']);
    expect(await ids('fields/Stage ne null')).toEqual(['1', '2', '4', '5']);
    expect(await ids('fields/Due ge 2024-05-01T00:00:00Z')).toEqual(['1', '3']);
    expect(await ids("fields/Due lt '2024-05-01T02:00:00+02:00'")).toEqual(['2']);
    expect(await ids('fields/Due eq 2024-06-01T10:00:00Z')).toEqual(['3']);
  });

  it('should sort by $orderby terms, then by id, and page through them', async () => {
    const reply = await call(
      fake,
      'GET',
      `${items}?$orderby=fields/Score desc,fields/Name&$expand=fields($select=Score)`,
    );
    expect(reply.body.value.map((i: { id: string }) => i.id)).toEqual(['3', '1', '5', '2', '4', '6']);
    const first = await call(fake, 'GET', `${items}?$orderby=fields/Score%20desc&$top=2`);
    expect(first.body.value.map((i: { id: string }) => i.id)).toEqual(['3', '1']);
    const second = await call(fake, 'GET', first.body['@odata.nextLink']);
    expect(second.body.value.map((i: { id: string }) => i.id)).toEqual(['5', '2']);
  });

  it.each([
    ["fields/Nope eq 'x'", "Field 'Nope' is not recognized."],
    [
      "fields/name eq 'x'",
      "Field 'name' is not recognized (column names are case-sensitive: did you mean 'Name'?).",
    ],
    ["fields/Score eq '7'", "Field 'Score' is a number column: compare it with a number, not '7'."],
    ['fields/Name eq 7', "Field 'Name' is a text column: compare it with a quoted string, not number."],
    ["fields/Active eq 'true'", /compare it with true or false/],
    ["fields/Due ge 'next week'", /compare it with an ISO 8601 date-time/],
    ["'x' eq fields/Name", /the left side must be a field/],
    ['fields/Name gt null', 'null can only be compared with eq or ne.'],
    ['fields/Active gt false', /can only be compared with eq or ne/],
    ["id eq '1'", /can only reference list columns as fields\/<name>/],
    ["fields/Created/Date eq 'x'", /fields\/<name>/],
    ['fields/Author eq 1', "Field 'Author' cannot be used in $filter."],
    ["startswith(fields/Score,'1')", /startswith needs a text or choice column/],
  ])('should answer 400 invalidRequest for %p', async (filter, message) => {
    const reply = await call(fake, 'GET', `${items}?$filter=${encodeURIComponent(filter)}`);
    expectGraphError(reply, 400, 'invalidRequest', message);
  });
});
