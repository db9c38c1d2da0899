import type { CustomerRow } from '@/lib/db/schema';
import { withWorklistKeys } from '@/lib/db/worklist-keys';
import { HandlerError } from '@/lib/messaging/commands';
import { lockedStorageKeys } from '@/lib/policy/apply-policy';
import { ImportFileError, parseExportFile } from './export-file';
import { existingRecords, importRefusal, planSettings, planTableMerge } from './merge-plan';
import type { ImportSummary } from './privacy-commands';
import { afterDataChange, privacyPorts, type PrivacyDeps } from './privacy-deps';
import { DATA_TABLES } from './tables';

/** A previous export's text: validated and merged in one transaction, or nothing changes. */
export async function importData(deps: PrivacyDeps, text: string): Promise<ImportSummary> {
  const io = privacyPorts(deps);
  const { db } = deps;
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
  await db.transaction(
    'rw',
    names.map((name) => db.table(name)),
    async () => {
      const plans = [];
      for (const name of names) {
        const existing = existingRecords(name, (await db.table(name).toArray()) as Record<string, unknown>[]);
        const validate = name === 'models' ? (row: Record<string, unknown>) => io.modelProblem(row.artifact) : undefined;
        plans.push({ name, plan: planTableMerge(name, file.tables[name]!, existing, validate) });
      }
      const refusal = importRefusal(
        plans.map(({ plan }) => plan),
        settings.rejected,
      );
      if (refusal) throw new HandlerError('bad-request', refusal);
      for (const { name, plan } of plans) {
        // Derived keys are recomputed, not taken from the file (lib/db/worklist-keys.ts).
        if (plan.put.length) await db.table(name).bulkPut(name === 'customers' ? (plan.put as unknown as CustomerRow[]).map(withWorklistKeys) : plan.put);
        tables.push({ table: name, added: plan.added, updated: plan.updated, skipped: plan.skipped });
      }
    },
  );
  if (Object.keys(settings.apply).length) await io.local.set(settings.apply);
  deps.customers.reload();
  afterDataChange(deps, await deps.focus.get());
  return { tables, settings: { applied: settings.applied.length, skipped: settings.skipped.length }, unknownTables };
}
