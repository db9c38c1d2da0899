import type { SiteKey } from '../domain';
import type { BackgroundEvent } from '../messaging/protocol';
import type { HealthReport, PageHealthView } from '@/lib/sites/sites-commands';
import { healthSummary, healthWarnings, pageKeyOf, pageReadable, recordObservation, type HealthSummary, type SiteHealth } from '../sites/health';

export interface HealthServiceDeps {
  load: () => Promise<Record<SiteKey, SiteHealth>>;
  save: (health: Record<SiteKey, SiteHealth>) => Promise<void>;
  /** The labels of the site's field mapping (lib/mapping/mapping-item.ts). */
  mappedLabels: (site: SiteKey) => Promise<string[]>;
  /** Show or clear the warning badge on one tab. */
  badge: (tabId: number, summary: HealthSummary) => Promise<void>;
  emit: (event: BackgroundEvent) => void;
  now: () => number;
  /** Writes are coalesced: at most one per this many ms. */
  saveDelayMs: number;
  setTimer: (task: () => void, ms: number) => void;
}

/**
 * Records what every page yielded and keeps each site's health. Health lives
 * in memory and is written to storage.local at most once per saveDelayMs.
 * Tabs are remembered so the badge follows the site's state on all its tabs.
 */
export function createHealthService(deps: HealthServiceDeps) {
  let state: Promise<Record<SiteKey, SiteHealth>> | null = null;
  let saving = false;
  const tabs = new Map<number, { site: SiteKey; pageKey: string }>();
  const lastStatus = new Map<SiteKey, HealthSummary['status']>();

  const all = () =>
    (state ??= deps.load().then(
      (loaded): Record<SiteKey, SiteHealth> => ({ ...loaded }),
      (): Record<SiteKey, SiteHealth> => ({}),
    ));

  function scheduleSave() {
    if (saving) return;
    saving = true;
    deps.setTimer(() => {
      saving = false;
      void all()
        .then((health) => deps.save(health))
        .catch((error: unknown) => console.error('[churn-radar] could not save adapter health', error));
    }, deps.saveDelayMs);
  }

  async function summary(site: SiteKey): Promise<HealthSummary> {
    return healthSummary((await all())[site], await deps.mappedLabels(site));
  }

  async function refreshBadges(site: SiteKey, current: HealthSummary) {
    const ids = [...tabs].filter(([, tab]) => tab.site === site).map(([id]) => id);
    await Promise.all(ids.map((id) => deps.badge(id, current).catch(() => tabs.delete(id))));
  }

  async function forgotten(site: SiteKey) {
    await refreshBadges(site, await summary(site));
    deps.emit({ channel: 'churn-radar-event', type: 'health-changed', site });
  }

  return {
    summary,

    async record(site: SiteKey, tabId: number | null, report: HealthReport): Promise<void> {
      const pageKey = pageKeyOf(report.url);
      const health = await all();
      health[site] = recordObservation(health[site], pageKey, {
        at: deps.now(),
        kind: report.kind,
        customers: report.customers,
        fields: report.fields,
        ...(report.recipe ? { recipe: report.recipe } : {}),
        ...(report.dateOrder ? { dateOrder: report.dateOrder } : {}),
      });
      scheduleSave();
      if (tabId !== null) tabs.set(tabId, { site, pageKey });
      const current = await summary(site);
      if (tabId !== null) await deps.badge(tabId, current).catch(() => undefined);
      if (lastStatus.get(site) !== current.status) {
        lastStatus.set(site, current.status);
        await refreshBadges(site, current);
      }
      deps.emit({ channel: 'churn-radar-event', type: 'health-changed', site });
    },

    async sites(): Promise<{ origin: SiteKey; summary: HealthSummary }[]> {
      const health = await all();
      return Promise.all(Object.keys(health).map(async (origin) => ({ origin, summary: await summary(origin) })));
    },

    async page(tabId: number): Promise<PageHealthView> {
      const tab = tabs.get(tabId);
      if (!tab) return { origin: null, readable: true, pageKey: null, warnings: [] };
      const health = (await all())[tab.site];
      const warnings = healthWarnings(health, await deps.mappedLabels(tab.site)).filter((warning) => warning.pageKey === tab.pageKey);
      return { origin: tab.site, readable: pageReadable(health, tab.pageKey), pageKey: tab.pageKey, warnings };
    },

    forgetTab(tabId: number) {
      tabs.delete(tabId);
    },

    /** Data erased: memory must not write the old health back with the next save. Badges follow. */
    async reset(): Promise<void> {
      state = Promise.resolve({});
      const sites = new Set([...lastStatus.keys(), ...[...tabs.values()].map((tab) => tab.site)]);
      lastStatus.clear();
      scheduleSave();
      for (const site of sites) await forgotten(site);
    },

    /** One site's data erased. */
    async forget(site: SiteKey): Promise<void> {
      delete (await all())[site];
      lastStatus.delete(site);
      scheduleSave();
      await forgotten(site);
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
