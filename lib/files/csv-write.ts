import Papa from 'papaparse';

/**
 * The one CSV writer: every CSV the product writes (the zip-of-CSV data
 * export, the KPI report, the actions log) goes through here, so no cell of
 * CRM text can become a spreadsheet formula.
 *
 * A cell starting with =, +, -, @, tab or carriage return gets a leading
 * apostrophe (OWASP's CSV-injection advice; Excel, LibreOffice and Sheets then
 * show the text, not a formula), except a plain number ("-3", "+1.5e3"), which
 * no spreadsheet runs and which must stay a number. Papaparse's own
 * `escapeFormulae: true` pattern, /^[=+\-@\t\r].*$/, misses a cell with a line
 * break ("=1+1\n…" fails `.*$`), so the pattern is given here.
 */
const FORMULA_START = /^(?![+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$)[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** Line end; CRLF (RFC 4180, what Excel writes) unless said. */
  newline?: '\r\n' | '\n';
  /** Write the header row (default true). */
  header?: boolean;
}

/** Rows as CSV text, quoted where needed (no line end after the last row); null and undefined are empty cells. */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const data = rows.map((row) => row.map((cell) => cell ?? ''));
  return Papa.unparse({ fields: [...fields], data }, { newline: options.newline ?? '\r\n', header: options.header ?? true, escapeFormulae: FORMULA_START });
}
