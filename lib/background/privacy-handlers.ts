/**
 * Data control for the options page: what is stored, export in pages, erase a
 * site or everything, import a previous export, the retention window.
 *
 * After every erase or import the background's memory is reset (customer rows,
 * activity lists, pinned tiers, active models) and open pages are told, so the
 * side panel and options show what the database now holds, not what it held.
 * An erase runs inside `customers.erase`: queued and held rows of what it
 * erases are dropped and refused until it is done, so none is written back.
 */
import type { ChurnRadarDb } from '../db/db';
import type { CustomerRow } from '../db/schema';
import { withWorklistKeys } from '../db/worklist-keys';
import { ERASE_ALL_CONFIRMATION, type DataSummary, type ImportSummary, type PrivacyProtocol } from '../messaging/privacy-protocol';
import type { BackgroundEvent } from '../messaging/protocol';
import type { PolicyView } from '@/lib/policy/policy-commands';
import { lockedStorageKeys } from '../policy/apply-policy';
import { ImportFileError, parseExportFile } from '../privacy/export-file';
import type { PageKey } from '../privacy/export-pages';
import { existingRecords, importRefusal, planSettings, planTableMerge } from '../privacy/merge-plan';
import { settingsDroppedOnErase, settingsWithoutSite } from '../privacy/erase-keep';
import { estimateTableBytes, sitesBySize } from '../privacy/storage-summary';
import { DATA_TABLES, SITE_TABLES, type DataTable } from '../privacy/tables';
import type { FocusedCustomer } from '../settings';
import type { CustomerStore } from './customer-store';
import { HandlerError, type Handlers } from './router';

/** Rows sampled per table for the size estimate. */
const SIZE_SAMPLE = 25;

/** What the privacy handlers need from the browser and the rest of the background. */
export interface PrivacyPorts {
  /** chrome.storage.local. */
  local: { getAll(): Promise<Record<string, unknown>>; set(values: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> };
  /** chrome.storage.session (focus, tab customers, storage problem). */
  clearSession(): Promise<void>;
  policy: { current(): Promise<PolicyView>; reapply(): Promise<void> };
  setRetentionDays(days: number): Promise<void>;
  /** Applies the retention window now. */
  prune(days: number): Promise<unknown>;
  /** A stored model row's artifact problem, or null when it is a valid model. */
  modelProblem(artifact: unknown): string | null;
}

export interface PrivacyDeps {
  db: ChurnRadarDb;
  customers: Pick<CustomerStore, 'settled' | 'erase' | 'reload'>;
  models: { invalidate(): void };
  overrides: { reset(): void };
  retentionDays: () => Promise<number>;
  focus: { get(): Promise<FocusedCustomer | null> };
  emit: (event: BackgroundEvent) => void;
  privacy?: PrivacyPorts;
  /** Adapter health held in memory (lib/background/health-service.ts): erased with the data, or its next save writes it back. */
  sites?: { health: { reset(): Promise<void>; forget(site: string): Promise<void> } };
}

type PrivacyMessages = keyof PrivacyProtocol;

export function createPrivacyHandlers(deps: PrivacyDeps): Pick<Handlers, PrivacyMessages> {
  const { db } = deps;
  const table = (name: DataTable) => db.table(name);

  function ports(): PrivacyPorts {
    if (!deps.privacy) throw new HandlerError('internal', 'Data control is not available in this context.');
    return deps.privacy;
  }

  /** Memory follows the database again, and open pages re-read. */
  async function afterChange(focused: FocusedCustomer | null) {
    deps.overrides.reset();
    deps.models.invalidate();
    deps.emit({ channel: 'churn-radar-event', type: 'model-changed' });
    if (focused) deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site: focused.site, crmId: focused.crmId });
  }

  async function siteCounts(): Promise<Record<string, Partial<Record<DataTable, number>>>> {
    const counts: Record<string, Partial<Record<DataTable, number>>> = {};
    for (const name of SITE_TABLES) {
      const sites = (await table(name).orderBy('site').uniqueKeys()) as string[];
      for (const site of sites) (counts[site] ??= {})[name] = await table(name).where('site').equals(site).count();
    }
    return counts;
  }

  return {
    async getDataSummary(): Promise<DataSummary> {
      await deps.customers.settled();
      const tables = [];
      for (const name of DATA_TABLES) {
        const rows = await table(name).count();
        const sample = rows ? await table(name).limit(SIZE_SAMPLE).toArray() : [];
        tables.push({ table: name, rows, estimatedBytes: estimateTableBytes(rows, sample) });
      }
      const settings = await ports().local.getAll();
      return {
        dbVersion: db.verno,
        tables,
        sites: sitesBySize(await siteCounts()),
        settings: { keys: Object.keys(settings).length, bytes: new TextEncoder().encode(JSON.stringify(settings)).length },
        retentionDays: await deps.retentionDays(),
      };
    },

    async exportTablePage({ table: name, after, limit }) {
      if (after === undefined) await deps.customers.settled();
      const rows = table(name);
      const page = () => (after === undefined ? rows.toCollection() : rows.where(':id').above(after)).limit(limit);
      // One read transaction: the rows and their keys are the same snapshot.
      return db.transaction('r', rows, async () => {
        const [values, keys, total] = await Promise.all([page().toArray(), page().primaryKeys(), rows.count()]);
        const next = values.length < limit ? null : (keys[keys.length - 1] as PageKey);
        return { rows: values, total, next };
      });
    },

    async exportSettings() {
      return { settings: await ports().local.getAll(), dbVersion: db.verno };
    },

    async eraseSite({ site, confirm }) {
      if (confirm.trim() !== site) throw new HandlerError('bad-request', `Type the site (${site}) to confirm erasing its data.`);
      let deleted = 0;
      await deps.customers.erase({ site }, () =>
        db.transaction('rw', SITE_TABLES.map(table), async () => {
          for (const name of SITE_TABLES) deleted += await table(name).where('site').equals(site).delete();
        }),
      );
      await deps.sites?.health.forget(site);
      if (deps.privacy) {
        const changed = settingsWithoutSite(await deps.privacy.local.getAll(), site);
        if (Object.keys(changed).length) await deps.privacy.local.set(changed);
      }
      const focused = await deps.focus.get();
      await afterChange(focused?.site === site ? focused : null);
      return { deleted };
    },

    async eraseAll({ confirm }) {
      if (confirm !== ERASE_ALL_CONFIRMATION) throw new HandlerError('bad-request', 'Confirm erasing everything.');
      const io = ports();
      const focused = await deps.focus.get();
      let deleted = 0;
      await deps.customers.erase({}, () =>
        db.transaction('rw', DATA_TABLES.map(table), async () => {
          for (const name of DATA_TABLES) {
            deleted += await table(name).count();
            await table(name).clear();
          }
        }),
      );
      const dropped = settingsDroppedOnErase(await io.local.getAll());
      if (dropped.length) await io.local.remove(dropped);
      await io.clearSession();
      await deps.sites?.health.reset();
      // The team's presets and locks hold after an erase; bundled models are installed again at the next use.
      await io.policy.reapply();
      await afterChange(focused);
      return { deleted };
    },

    async importData({ text }): Promise<ImportSummary> {
      const io = ports();
      let parsed: ReturnType<typeof parseExportFile>;
      try {
        parsed = parseExportFile(text);
      } catch (error) {
        if (error instanceof ImportFileError) throw new HandlerError('bad-request', error.message);
        throw error;
      }
      const { file, unknownTables } = parsed;
      await deps.customers.settled();
      // Settings are checked before any row is written: a refused setting refuses the file too.
      const policy = await io.policy.current();
      const settings = planSettings(file.settings, await io.local.getAll(), lockedStorageKeys(policy.policy));
      const names = DATA_TABLES.filter((name) => Object.hasOwn(file.tables, name));
      const tables: ImportSummary['tables'] = [];
      // Every table is planned, then written, in one transaction: a refused row or a failure part-way leaves the database as it was.
      await db.transaction('rw', names.map(table), async () => {
        const plans = [];
        for (const name of names) {
          const existing = existingRecords(name, (await table(name).toArray()) as Record<string, unknown>[]);
          const validate = name === 'models' ? (row: Record<string, unknown>) => io.modelProblem(row.artifact) : undefined;
          plans.push({ name, plan: planTableMerge(name, file.tables[name]!, existing, validate) });
        }
        const refusal = importRefusal(
          plans.map(({ plan }) => plan),
          settings.rejected,
        );
        if (refusal) throw new HandlerError('bad-request', refusal);
        for (const { name, plan } of plans) {
          if (plan.put.length) await table(name).bulkPut(name === 'customers' ? (plan.put as unknown as CustomerRow[]).map(withWorklistKeys) : plan.put);
          tables.push({ table: name, added: plan.added, updated: plan.updated, skipped: plan.skipped });
        }
      });
      if (Object.keys(settings.apply).length) await io.local.set(settings.apply);
      deps.customers.reload();
      await afterChange(await deps.focus.get());
      return { tables, settings: { applied: settings.applied.length, skipped: settings.skipped.length }, unknownTables };
    },

    async setRetentionDays({ days }) {
      const io = ports();
      await io.setRetentionDays(days);
      await io.prune(days);
      return { days };
    },
  };
}
