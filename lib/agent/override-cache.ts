import { activeOverrides } from '@/lib/db/actions-repo';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { OverrideRow } from '@/lib/db/schema';
import type { SiteKey } from '@/lib/domain';

/**
 * Agents' pinned tiers: unexpired overrides per site, loaded once per worker
 * life and kept current by setOverride/clearOverride, so a list page's
 * badges never wait for a read.
 */
export function createOverrideCache(db: ChurnRadarDb, now: () => number) {
  const bySite = new Map<SiteKey, Promise<Map<string, OverrideRow>>>();
  const load = (site: SiteKey) => {
    let entry = bySite.get(site);
    if (!entry) {
      entry = activeOverrides(db, site, now()).catch((error: unknown) => {
        bySite.delete(site);
        throw error;
      });
      bySite.set(site, entry);
    }
    return entry;
  };
  return {
    /** The site's overrides in force now. */
    async forSite(site: SiteKey): Promise<Map<string, OverrideRow>> {
      const all = await load(site);
      const at = now();
      for (const [crmId, row] of all) if (row.expiresAt <= at) all.delete(crmId);
      return all;
    },
    async set(row: OverrideRow): Promise<void> {
      await db.overrides.put(row);
      (await load(row.site)).set(row.crmId, row);
    },
    async clear(site: SiteKey, crmId: string): Promise<void> {
      await db.overrides.delete([site, crmId]);
      (await load(site)).delete(crmId);
    },
    reset: () => bySite.clear(),
  };
}

export type OverrideCache = ReturnType<typeof createOverrideCache>;
