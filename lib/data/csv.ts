/**
 * CSV text → a table of text cells, for CRM exports a manager imports.
 *
 * - UTF-8 BOM stripped; CRLF, LF or CR line ends; quoted fields may hold
 *   delimiters, quotes ("") and line breaks.
 * - Delimiter `,` `;` or tab, detected from the header line and the first
 *   rows (the candidate that splits the header into the most columns and
 *   keeps the following rows at the same width).
 * - Header names are trimmed. An empty, duplicate or "__proto__" header name is a fatal
 *   {@link CsvError} (a table whose columns cannot be named cannot be used),
 *   except empty names at the end of the header whose cells are all blank
 *   (the trailing delimiter some spreadsheets write), which are dropped.
 * - Blank lines (e.g. at the end of the file) are skipped.
 * - A row with a different number of fields than the header is not shifted
 *   or padded: it is left out of `rows` and reported in `errors` with its
 *   row number (extra fields that are all blank are tolerated). Rows with
 *   broken quoting are reported the same way.
 * - Cells are kept as written (not trimmed); value parsers trim.
 */
import Papa from 'papaparse';

export interface CsvRowError {
  /** Data row number: 1 is the first row after the header. */
  row: number;
  /** 1-based line in the file where the row starts. */
  line: number;
  message: string;
}

export interface CsvTable {
  columns: string[];
  rows: Record<string, string>[];
  errors: CsvRowError[];
  /** The delimiter used. */
  delimiter: ',' | ';' | '\t';
}

/** A file that cannot be read as a table at all (no header, unnamed or duplicate columns). */
export class CsvError extends Error {
  override name = 'CsvError';
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new CsvError('The file is empty: expected a header row.');
  const delimiter = detectDelimiter(source);

  const records: { fields: string[]; line: number; quoteError?: string }[] = [];
  let line = 1;
  let offset = 0;
  Papa.parse<string[]>(source, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const cursor = result.meta.cursor;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      records.push({ fields: result.data, line, ...(quote ? { quoteError: quote.message } : {}) });
      line += countLineBreaks(source, offset, cursor);
      offset = cursor;
    },
  });

  const isBlankRecord = (fields: string[]) => fields.every((f) => f.trim() === '');
  const isBlankLine = (fields: string[]) => fields.length === 1 && fields[0]!.trim() === '';
  const headerIndex = records.findIndex((r) => !isBlankRecord(r.fields));
  if (headerIndex < 0) throw new CsvError('The file is empty: expected a header row.');
  const header = records[headerIndex]!;
  if (header.quoteError) throw new CsvError(`The header row has broken quoting: ${header.quoteError}.`);
  const data = records.slice(headerIndex + 1).filter((r) => !isBlankLine(r.fields));

  let names = header.fields.map((h) => h.trim());
  // Trailing unnamed columns that hold nothing: a trailing delimiter, not a column.
  while (names.length > 1 && names[names.length - 1] === '') {
    const i = names.length - 1;
    if (data.some((r) => (r.fields[i] ?? '').trim() !== '')) break;
    names = names.slice(0, -1);
  }
  const unnamed = names.flatMap((n, i) => (n === '' ? [i + 1] : []));
  if (unnamed.length > 0) {
    throw new CsvError(
      `The header has ${unnamed.length === 1 ? 'an empty column name' : 'empty column names'} at position ${unnamed.join(', ')} (of ${names.length}); every column needs a name.`,
    );
  }
  // Rows become objects keyed by column name; a "__proto__" key is where copies of such objects go wrong.
  if (names.includes('__proto__')) throw new CsvError(`The header has a column named "__proto__" (column ${names.indexOf('__proto__') + 1}); rename it.`);
  const seen = new Map<string, number[]>();
  names.forEach((n, i) => seen.set(n, [...(seen.get(n) ?? []), i + 1]));
  const duplicates = [...seen].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    throw new CsvError(
      `Duplicate column names in the header: ${duplicates.map(([n, at]) => `"${n}" (columns ${at.join(', ')})`).join('; ')}. Rename them so each column is unique.`,
    );
  }

  const rows: Record<string, string>[] = [];
  const errors: CsvRowError[] = [];
  data.forEach((record, i) => {
    const row = i + 1;
    if (record.quoteError) {
      errors.push({ row, line: record.line, message: `Row ${row} (line ${record.line}): ${record.quoteError}.` });
      return;
    }
    let fields = record.fields;
    if (fields.length > names.length && fields.slice(names.length).every((f) => f.trim() === '')) {
      fields = fields.slice(0, names.length);
    }
    if (fields.length !== names.length) {
      errors.push({
        row,
        line: record.line,
        message: `Row ${row} (line ${record.line}): expected ${names.length} fields, found ${fields.length}.`,
      });
      return;
    }
    rows.push(Object.fromEntries(names.map((n, j) => [n, fields[j]!])));
  });

  return { columns: names, rows, errors, delimiter };
}

/**
 * The candidate that splits the header into the most fields, among those
 * whose following rows mostly have the same width. Quotes are respected
 * (papaparse does the splitting).
 */
function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter: d, preview: 30, skipEmptyLines: true }).data;
    const width = preview[0]?.length ?? 0;
    if (width < 2) continue;
    const rest = preview.slice(1);
    const consistent = rest.length === 0 ? 1 : rest.filter((r) => r.length === width).length / rest.length;
    // Consistency first (a delimiter that makes ragged rows is wrong), then width.
    const score = Math.round(consistent * 10) * 1000 + Math.min(width, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
