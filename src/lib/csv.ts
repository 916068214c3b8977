/**
 * CSV in and out (RFC 4180 style): fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled inside quotes.
 *
 * Export is made safe against spreadsheet formula injection (OWASP "CSV Injection"): data from m3ter or
 * an external system (error texts, external ids) must never run as a formula when a support engineer
 * opens the file in Excel, Sheets or LibreOffice.
 */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula. Tab and carriage return are on OWASP's
 * list because some spreadsheets strip them and then see the next character.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as CSV text. A value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, which
 * spreadsheets show as text and do not evaluate; the original text stays readable. Numbers and booleans
 * are written as they are (a negative number is data, not a formula).
 */
export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads non-ASCII text correctly. Default false. */
  bom?: boolean;
}

/** A header row plus data rows as one CSV document, CRLF-separated, ending with CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: ToCsvOptions = {},
): string {
  const lines = [header.map(escapeCsvCell).join(',')];
  for (const row of rows) lines.push(row.map(escapeCsvCell).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export class CsvParseError extends Error {
  override name = 'CsvParseError';
  /** 1-based line of the problem, for a message at the field ("line 12: …"). */
  readonly line: number;

  constructor(message: string, line: number) {
    super(`Line ${line}: ${message}`);
    this.line = line;
  }
}

/**
 * Parses simple CSV: commas, double-quoted fields with `""` for a quote, commas and line breaks inside
 * quotes, LF or CRLF records, a leading BOM ignored. A final line break does not add an empty record;
 * blank lines are skipped. Throws CsvParseError on an unterminated quote or text after a closing quote.
 * No formula un-escaping: a leading `'` is kept, because it may be part of the data.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let fieldQuoted = false;
  let line = 1;
  let quoteLine = 1;

  const endField = () => {
    record.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    const blank = record.length === 0 && field === '' && !fieldQuoted;
    endField();
    fieldQuoted = false;
    // A blank line is not a record with one empty field.
    if (!blank) records.push(record);
    record = [];
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (inQuotes) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === ',') {
      endField();
      fieldQuoted = false;
    } else if (char === '\r' && input[i + 1] === '\n') {
      endRecord();
      line++;
      i++;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      line++;
    } else if (afterQuote) {
      throw new CsvParseError('unexpected text after a closing quote', line);
    } else if (char === '"' && field === '') {
      inQuotes = true;
      fieldQuoted = true;
      quoteLine = line;
    } else {
      field += char;
    }
  }
  if (inQuotes) throw new CsvParseError('a quoted field is never closed', quoteLine);
  if (field !== '' || record.length > 0 || fieldQuoted) endRecord();
  return records;
}
