import type { Activity, SiteKey } from '../domain';
import type { ActivityRow } from './schema';

/**
 * Fold the activities a page listed into those already stored for the
 * customer: the same id is one activity (its status and amount as seen now,
 * first seen when it was first seen); ids not on this page are kept (a CRM
 * shows the last N, or one page of them). Returns every row, oldest first,
 * and the rows to write.
 */
export function mergeActivities(
  site: SiteKey,
  crmId: string,
  stored: readonly ActivityRow[],
  seen: readonly Activity[],
  now: number,
): { all: ActivityRow[]; changed: ActivityRow[] } {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const changed: ActivityRow[] = [];
  for (const activity of seen) {
    const previous = byId.get(activity.id);
    const row: ActivityRow = { ...activity, site, crmId, firstSeen: previous?.firstSeen ?? now, lastSeen: now };
    byId.set(activity.id, row);
    changed.push(row);
  }
  const all = [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { all, changed };
}
