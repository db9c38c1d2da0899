import { z } from 'zod';
import { parseUntrustedJson } from '@/lib/files/untrusted-json';
import { DATA_TABLES, type DataTable } from './tables';

/**
 * The "export everything" file: one JSON object
 * `{format, version, exportedAt, dbVersion, tables: {name: rows[]}, settings: {key: value}}`.
 * Written in parts (header, then each table's rows chunk by chunk) so a large
 * database never becomes one giant string or array in the page.
 */
export const EXPORT_FORMAT = 'churn-radar-export';
const EXPORT_VERSION = 1;

export interface ExportHeader {
  exportedAt: string;
  dbVersion: number;
}

const fileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `not a Churn Radar export (the "format" must be "${EXPORT_FORMAT}")` }),
  version: z.literal(EXPORT_VERSION, { error: `export version ${EXPORT_VERSION} is the only one this release reads` }),
  exportedAt: z.string(),
  dbVersion: z.number().int().positive(),
  tables: z.record(z.string(), z.array(z.unknown())),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type ExportFile = z.infer<typeof fileSchema>;

export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** Parses and checks a file's envelope; rows are checked one by one later. Throws ImportFileError saying what is wrong. */
export function parseExportFile(text: string): { file: ExportFile; unknownTables: string[] } {
  const json = parseUntrustedJson(text, 'dataExport');
  if (!json.ok) throw new ImportFileError(`${json.problem[0]!.toUpperCase()}${json.problem.slice(1)}.`);
  const parsed = fileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ImportFileError(`Not a valid Churn Radar export: ${where}${issue?.message ?? 'invalid'}.`);
  }
  const unknownTables = Object.keys(parsed.data.tables).filter((name) => !(DATA_TABLES as readonly string[]).includes(name));
  return { file: parsed.data, unknownTables };
}

/** Builds the file as string parts; `tableChunks` yields each table's rows a chunk at a time. */
export async function* exportFileParts(
  header: ExportHeader,
  settings: Record<string, unknown>,
  tableChunks: (table: DataTable) => AsyncIterable<readonly unknown[]>,
): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(header.exportedAt)},"dbVersion":${header.dbVersion},"tables":{`;
  let firstTable = true;
  for (const table of DATA_TABLES) {
    yield `${firstTable ? '' : ','}${JSON.stringify(table)}:[`;
    firstTable = false;
    let firstRow = true;
    for await (const rows of tableChunks(table)) {
      if (!rows.length) continue;
      yield `${firstRow ? '' : ','}${rows.map((row) => JSON.stringify(row)).join(',')}`;
      firstRow = false;
    }
    yield ']';
  }
  yield `},"settings":${JSON.stringify(settings)}}\n`;
}

export function exportFileName(at: Date): string {
  return `churn-radar-export-${at.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
}
