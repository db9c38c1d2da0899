/**
 * Data control for the options page: what is stored, export in pages, erase a
 * site or everything, import a previous export, the retention window.
 *
 * After every erase or import the background's memory is reset (customer rows,
 * activity lists, pinned tiers, active models) and open pages are told, so the
 * side panel and options show what the database now holds, not what it held.
 */
import { z } from 'zod';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '@/lib/db/retention';
import { FILE_LIMITS } from '@/lib/files/limits';
import { commandsFor } from '@/lib/messaging/commands';
import { ERASE_ALL_CONFIRMATION } from './erase-confirmation';
import { eraseAll, eraseSite } from './erase-data';
import type { PageKey } from './export-pages';
import { importData } from './import-data';
import { privacyPorts, type PrivacyDeps } from './privacy-deps';
import { estimateTableBytes, sitesBySize, type TableUsage } from './storage-summary';
import { DATA_TABLES, SITE_TABLES, type DataTable } from './tables';

export { ERASE_ALL_CONFIRMATION };

/** Rows sampled per table for the size estimate. */
const SIZE_SAMPLE = 25;

const dataTable = z.enum(DATA_TABLES);
const keyPart = z.union([z.number(), z.string().max(2048)]);
/** A primary key the previous page ended at (lib/privacy/export-pages.ts PageKey). */
const pageKey = z.union([keyPart, z.array(keyPart).min(1).max(4)]) satisfies z.ZodType<PageKey>;
const empty = z.strictObject({});
const deleted = z.object({ deleted: z.number() });

const dataSummarySchema = z.object({
  dbVersion: z.number(),
  tables: z.array(z.custom<TableUsage>()),
  /** Rows per site and table, biggest site first. */
  sites: z.array(z.object({ site: z.string(), total: z.number(), tables: z.partialRecord(dataTable, z.number()) })),
  /** chrome.storage.local: how many settings, and their serialized size. */
  settings: z.object({ keys: z.number(), bytes: z.number() }),
  retentionDays: z.number(),
});
export type DataSummary = z.output<typeof dataSummarySchema>;

/** What an import did. It is all or nothing: a file with a refused row or setting is refused whole (the error names them). */
const importSummarySchema = z.object({
  tables: z.array(z.object({ table: dataTable, added: z.number(), updated: z.number(), skipped: z.number() })),
  /** skipped: set here already, locked by policy, or this browser's own bookkeeping. */
  settings: z.object({ applied: z.number(), skipped: z.number() }),
  /** Tables the file has that this version does not know (ignored). */
  unknownTables: z.array(z.string()),
});
export type ImportSummary = z.output<typeof importSummarySchema>;

async function siteCounts(deps: PrivacyDeps): Promise<Record<string, Partial<Record<DataTable, number>>>> {
  const counts: Record<string, Partial<Record<DataTable, number>>> = {};
  for (const name of SITE_TABLES) {
    const table = deps.db.table(name);
    const sites = (await table.orderBy('site').uniqueKeys()) as string[];
    for (const site of sites) (counts[site] ??= {})[name] = await table.where('site').equals(site).count();
  }
  return counts;
}

const command = commandsFor<PrivacyDeps>();

export const privacyCommands = {
  getDataSummary: command({
    request: empty,
    response: dataSummarySchema,
    audience: 'extension',
    async handle(_request, deps) {
      await deps.customers.settled();
      const tables = [];
      for (const name of DATA_TABLES) {
        const rows = await deps.db.table(name).count();
        const sample = rows ? await deps.db.table(name).limit(SIZE_SAMPLE).toArray() : [];
        tables.push({ table: name, rows, estimatedBytes: estimateTableBytes(rows, sample) });
      }
      const settings = await privacyPorts(deps).local.getAll();
      return {
        dbVersion: deps.db.verno,
        tables,
        sites: sitesBySize(await siteCounts(deps)),
        settings: { keys: Object.keys(settings).length, bytes: new TextEncoder().encode(JSON.stringify(settings)).length },
        retentionDays: await deps.retentionDays(),
      };
    },
  }),

  /** One page of a table, in primary-key order, after the key the previous page ended at; `next` null: the table is done. */
  exportTablePage: command({
    request: z.strictObject({ table: dataTable, after: pageKey.optional(), limit: z.number().int().min(1).max(5000) }),
    response: z.object({ rows: z.array(z.unknown()), total: z.number(), next: pageKey.nullable() }),
    audience: 'extension',
    async handle({ table: name, after, limit }, deps) {
      if (after === undefined) await deps.customers.settled();
      const rows = deps.db.table(name);
      const page = () => (after === undefined ? rows.toCollection() : rows.where(':id').above(after)).limit(limit);
      // One read transaction: the rows and their keys are the same snapshot.
      return deps.db.transaction('r', rows, async () => {
        const [values, keys, total] = await Promise.all([page().toArray(), page().primaryKeys(), rows.count()]);
        const next = values.length < limit ? null : (keys[keys.length - 1] as PageKey);
        return { rows: values, total, next };
      });
    },
  }),

  /** chrome.storage.local as it is, for the export's "settings". */
  exportSettings: command({
    request: empty,
    response: z.object({ settings: z.record(z.string(), z.unknown()), dbVersion: z.number() }),
    audience: 'extension',
    handle: async (_request, deps) => ({ settings: await privacyPorts(deps).local.getAll(), dbVersion: deps.db.verno }),
  }),

  /** Erase every row of a site; `confirm` must repeat the site. */
  eraseSite: command({
    request: z.strictObject({ site: z.string().min(1).max(512), confirm: z.string().max(512) }),
    response: deleted,
    audience: 'extension',
    handle: ({ site, confirm }, deps) => eraseSite(deps, site, confirm),
  }),

  /** Erase every table, settings and trained/imported models (bundled models come back). */
  eraseAll: command({
    request: z.strictObject({ confirm: z.literal(ERASE_ALL_CONFIRMATION) }),
    response: deleted,
    audience: 'extension',
    handle: ({ confirm }, deps) => eraseAll(deps, confirm),
  }),

  /** A previous export's text: validated and merged in one transaction, or nothing changes. */
  importData: command({
    // The same limit as the file picker and the parser (lib/files/limits.ts).
    request: z.strictObject({ text: z.string().max(FILE_LIMITS.dataExport) }),
    response: importSummarySchema,
    audience: 'extension',
    handle: ({ text }, deps) => importData(deps, text),
  }),

  setRetentionDays: command({
    request: z.strictObject({
      days: z
        .number()
        .int(`whole days`)
        .min(MIN_RETENTION_DAYS, `at least ${MIN_RETENTION_DAYS} days`)
        .max(MAX_RETENTION_DAYS, `at most ${MAX_RETENTION_DAYS} days`),
    }),
    response: z.object({ days: z.number() }),
    audience: 'extension',
    async handle({ days }, deps) {
      const io = privacyPorts(deps);
      await io.setRetentionDays(days);
      await io.prune(days);
      return { days };
    },
  }),
};
