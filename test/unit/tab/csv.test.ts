import { csvCell, toCsv } from '../../../tab/src/components/csv';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['£1,000', '"£1,000"'],
  ])('should quote %p as RFC 4180 asks', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('should defuse %p, which a spreadsheet would run as a formula', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('should keep numbers as numbers (a negative variance stays summable) and blanks blank', () => {
    expect(csvCell(-92000)).toBe('-92000');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('should end every line with CRLF', () => {
    expect(
      toCsv(
        ['Code', 'Variance'],
        [
          ['CX-001', 8000],
          ['CX-002', -1],
        ],
      ),
    ).toBe('Code,Variance\r\nCX-001,8000\r\nCX-002,-1\r\n');
  });
});
