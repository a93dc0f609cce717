import {
  fieldEquals,
  fieldIn,
  isSendable,
  itemsQuery,
  odataString,
} from '../../../api/store/sharepoint/graph-lists';

describe('OData literals in $filter', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O''Brien'"],
    ["x' or fields/Code ne 'y", "'x'' or fields/Code ne ''y'"],
    ["''", "''''''"],
    ['%27', "'%27'"],
    ['Zoë 東京 🚀', "'Zoë 東京 🚀'"],
  ])('should quote %j as %s', (value, literal) => {
    expect(odataString(value)).toBe(literal);
  });

  it('should build equality and alternatives on a named column', () => {
    expect(fieldEquals('Code', "A'B")).toBe("fields/Code eq 'A''B'");
    expect(fieldIn('State', ['a'])).toBe("fields/State eq 'a'");
    expect(fieldIn('State', ['a', 'b'])).toBe("(fields/State eq 'a' or fields/State eq 'b')");
  });

  it('should URL-encode the whole filter so & # % and + stay data', () => {
    const url = itemsQuery('/sites/s/lists/l', {
      select: ['Title', 'Code'],
      filter: fieldEquals('Code', 'a&b#c%d+e'),
    });
    const params = new URLSearchParams(url.split('?')[1]);
    expect(params.get('$filter')).toBe("fields/Code eq 'a&b#c%d+e'");
    expect(params.get('$expand')).toBe('fields($select=Title,Code)');
    expect(params.get('$top')).toBe('5000');
  });

  it('should refuse text with a lone surrogate (it has no URL form and matches nothing stored)', () => {
    expect(isSendable('ok 🚀')).toBe(true);
    expect(isSendable('bad \uD800')).toBe(false);
    expect(isSendable('\uDC00 bad')).toBe(false);
  });
});
