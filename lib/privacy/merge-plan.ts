import { rowProblem } from './row-schemas';
import { BROWSER_LOCAL_SETTINGS, checkImportedSetting } from './settings-registry';
import { AUTO_ID_TABLES, naturalKey, rowTime, type DataTable } from './tables';

type Row = Record<string, unknown>;

/** What the database already holds of a record: its local id (auto-id tables) and when it last changed. */
export interface ExistingRecord {
  id?: number;
  time: number | null;
}

export interface TableMergePlan {
  /** Rows to write (adds and updates, ready for bulkPut). */
  put: Row[];
  added: number;
  updated: number;
  /** Already stored (same record, not newer) or repeated in the file. */
  skipped: number;
  rejected: number;
  /** The first few rejections, "row 12: lastSeen: expected number". */
  problems: string[];
}

const MAX_PROBLEMS = 5;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Why a whole file is refused, or null when every row and setting passed.
 * An import is all or nothing: a file with one bad row is most likely not
 * the file the user thinks it is (edited by hand, from another tool, or made
 * to attack), and half of it in the database cannot be undone. The message
 * counts what was refused and names the first few ("customers row 12:
 * detailUrl: …").
 */
export function importRefusal(plans: readonly Pick<TableMergePlan, 'rejected' | 'problems'>[], settingsRejected: readonly string[]): string | null {
  const rows = plans.reduce((sum, plan) => sum + plan.rejected, 0);
  if (rows === 0 && settingsRejected.length === 0) return null;
  const what = [rows && plural(rows, 'row', 'rows'), settingsRejected.length && plural(settingsRejected.length, 'setting', 'settings')]
    .filter(Boolean)
    .join(' and ');
  const named = [...plans.flatMap((plan) => plan.problems), ...settingsRejected];
  const more = rows + settingsRejected.length - Math.min(named.length, MAX_PROBLEMS);
  return `Nothing was imported: ${what} of the file ${rows + settingsRejected.length === 1 ? 'is' : 'are'} refused. ${named.slice(0, MAX_PROBLEMS).join('; ')}${more > 0 ? `; and ${more.toLocaleString('en')} more` : ''}.`;
}

/**
 * Merges a table's imported rows into what is stored, without duplicates:
 * the same record (natural key, lib/privacy/tables.ts) is kept once, and the
 * newer copy wins where a record changes over time (a customer seen later, an
 * action's outcome recorded later). Imported rows of auto-id tables get a new
 * local id, or the stored record's id when they replace it.
 */
export function planTableMerge(
  table: DataTable,
  incoming: readonly unknown[],
  existing: ReadonlyMap<string, ExistingRecord>,
  validate: (row: Row) => string | null = () => null,
): TableMergePlan {
  const plan: TableMergePlan = { put: [], added: 0, updated: 0, skipped: 0, rejected: 0, problems: [] };
  const seen = new Set<string>();
  const autoId = AUTO_ID_TABLES.has(table);
  incoming.forEach((raw, index) => {
    const problem = rowProblem(table, raw) ?? validate(raw as Row);
    if (problem) {
      plan.rejected++;
      if (plan.problems.length < MAX_PROBLEMS) plan.problems.push(`${table} row ${index + 1}: ${problem}`);
      return;
    }
    const row = raw as Row;
    const key = naturalKey(table, row);
    if (seen.has(key)) {
      plan.skipped++;
      return;
    }
    seen.add(key);
    const stored = existing.get(key);
    const { id: _fileId, ...withoutId } = row;
    if (!stored) {
      plan.put.push(autoId ? withoutId : row);
      plan.added++;
      return;
    }
    const time = rowTime(table, row);
    if (time !== null && stored.time !== null && time > stored.time) {
      plan.put.push(autoId ? { ...withoutId, id: stored.id } : row);
      plan.updated++;
      return;
    }
    plan.skipped++;
  });
  return plan;
}

/** The stored side of a merge from the rows on disk (only keys and times are kept). */
export function existingRecords(table: DataTable, rows: Iterable<Row>): Map<string, ExistingRecord> {
  const map = new Map<string, ExistingRecord>();
  for (const row of rows) map.set(naturalKey(table, row), { id: typeof row.id === 'number' ? row.id : undefined, time: rowTime(table, row) });
  return map;
}

export interface SettingsPlan {
  /** Values and their `key$` version metadata, ready for storage.local.set. */
  apply: Record<string, unknown>;
  /** Settings written (without their metadata keys). */
  applied: string[];
  skipped: string[];
  /** Why each refused setting was refused, "setting foo: not a setting this version knows". */
  rejected: string[];
}

const isMetaKey = (key: string) => key.endsWith('$');

/**
 * Settings from a file fill only what this browser does not have (after an
 * erase, all of them come back); a value set here, or locked by policy, stays.
 * Each value is checked against its setting's shape and version
 * (settings-registry.ts), and migrated when it comes from an older version;
 * unknown settings and values of a newer version are refused. `key$` entries
 * are the version metadata of their setting, never imported on their own.
 */
export function planSettings(incoming: Record<string, unknown>, current: Record<string, unknown>, lockedKeys: ReadonlySet<string> = new Set()): SettingsPlan {
  const plan: SettingsPlan = { apply: {}, applied: [], skipped: [], rejected: [] };
  for (const [key, value] of Object.entries(incoming)) {
    if (isMetaKey(key)) continue;
    if (BROWSER_LOCAL_SETTINGS.has(key) || Object.hasOwn(current, key) || lockedKeys.has(key)) {
      plan.skipped.push(key);
      continue;
    }
    const checked = checkImportedSetting(key, value, incoming[`${key}$`]);
    if (!checked.ok) {
      plan.rejected.push(checked.problem);
      continue;
    }
    plan.apply[key] = checked.value;
    plan.apply[`${key}$`] = { v: checked.version };
    plan.applied.push(key);
  }
  return plan;
}
