import { describe, expect, it } from 'vitest';
import { CsvParseError, escapeCsvCell, parseCsv, toCsv } from './csv';

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empties alone', () => {
    expect(escapeCsvCell('in_1QxnYF')).toBe('in_1QxnYF');
    expect(escapeCsvCell('a = b')).toBe('a = b');
    expect(escapeCsvCell(-5)).toBe('-5');
    expect(escapeCsvCell(true)).toBe('true');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell('')).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF, optionally with a BOM', () => {
    expect(
      toCsv(
        ['id', 'error'],
        [
          ['1', 'x, y'],
          ['2', null],
        ],
      ),
    ).toBe('id,error\r\n1,"x, y"\r\n2,\r\n');
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const text = 'id,note\r\n1,"a, b"\r\n2,"say ""hi"""\n3,"two\r\nlines"\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\r\nlines'],
    ]);
  });

  it('keeps empty fields, skips blank lines and a BOM, and reads a last line without a break', () => {
    expect(parseCsv('\uFEFFa,,c\n\n,,\nx')).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('round-trips what toCsv writes, leading apostrophes included', () => {
    const rows = [
      ['plain', '=1+2', 'comma, and "quote"', 'multi\nline', '@x', ''],
      ['-', '+', 'é ü', ' spaced ', "'already", 'x'],
    ];
    const parsed = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], rows));
    expect(parsed.slice(1)).toEqual([
      ['plain', "'=1+2", 'comma, and "quote"', 'multi\nline', "'@x", ''],
      ["'-", "'+", 'é ü', ' spaced ', "'already", 'x'],
    ]);
  });

  it('rejects an unterminated quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvParseError);
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(/^Line 2:/);
    expect(() => parseCsv('a\n"x"y')).toThrow(/Line 2: unexpected text after a closing quote/);
  });
});
