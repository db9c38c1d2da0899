import { strToU8, Zip, ZipDeflate } from 'fflate';
import { csvChunk } from './csv-rows';
import { DATA_TABLES, type DataTable } from './tables';

/**
 * A zip of one CSV per table, deflated as the pages arrive (fflate's
 * streaming Zip), so neither the rows nor the CSV text of a table is ever
 * held whole. Resolves to the zip's parts, ready for a Blob.
 */
export async function csvZipParts(
  pages: (table: DataTable) => AsyncIterable<readonly unknown[]>,
  settings: Record<string, unknown>,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  let finished!: () => void;
  const ended = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else parts.push(chunk as Uint8Array<ArrayBuffer>);
    if (final || error) finished();
  });
  for (const table of DATA_TABLES) {
    const file = new ZipDeflate(`${table}.csv`, { level: 6 });
    zip.add(file);
    let first = true;
    for await (const rows of pages(table)) {
      const text = csvChunk(table, rows as Record<string, unknown>[], first);
      first = false;
      if (text) file.push(strToU8(text));
    }
    file.push(first ? strToU8(csvChunk(table, [], true)) : new Uint8Array(0), true);
  }
  const settingsFile = new ZipDeflate('settings.json', { level: 6 });
  zip.add(settingsFile);
  settingsFile.push(strToU8(`${JSON.stringify(settings, null, 2)}\n`), true);
  zip.end();
  await ended;
  if (failure) throw failure;
  return parts;
}
