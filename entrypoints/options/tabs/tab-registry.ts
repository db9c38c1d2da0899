import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Every tab of the manager console, in display order: one line per tab, each
 * tab in its own file. Tabs load lazily so the first one is on screen before
 * the chart library of another is parsed.
 */
export const CONSOLE_TABS = [
  { id: 'dashboard', component: lazy(() => import('./DashboardTab').then((m) => ({ default: m.DashboardTab }))) },
  { id: 'risk', component: lazy(() => import('./RiskTab').then((m) => ({ default: m.RiskTab }))) },
  { id: 'playbooks', component: lazy(() => import('./PlaybooksTab').then((m) => ({ default: m.PlaybooksTab }))) },
  { id: 'experiments', component: lazy(() => import('./ExperimentsTab').then((m) => ({ default: m.ExperimentsTab }))) },
  { id: 'models', component: lazy(() => import('./ModelsTab').then((m) => ({ default: m.ModelsTab }))) },
  { id: 'sites', component: lazy(() => import('./SitesTab').then((m) => ({ default: m.SitesTab }))) },
  { id: 'privacy', component: lazy(() => import('./PrivacyTab').then((m) => ({ default: m.PrivacyTab }))) },
] as const satisfies readonly { id: string; component: LazyExoticComponent<ComponentType> }[];

export type ConsoleTabId = (typeof CONSOLE_TABS)[number]['id'];

/** Section anchors of the single-page console before tabs; old links still land on them. */
const LEGACY_SECTIONS: Record<string, ConsoleTabId> = {
  model: 'models',
  data: 'models',
  train: 'models',
  evaluation: 'models',
  models: 'models',
  scorecard: 'models',
  feedback: 'models',
  tiers: 'risk',
};

export interface ConsoleRoute {
  tab: ConsoleTabId;
  /** A section inside the tab to scroll to. */
  section: string | null;
}

/** "#/risk/profit" → risk tab, profit section; "#train" (old link) → models tab, train section. */
export function routeFromHash(hash: string): ConsoleRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  const tab = CONSOLE_TABS.find((t) => t.id === first);
  if (tab) return { tab: tab.id, section: second ?? null };
  if (first && LEGACY_SECTIONS[first]) return { tab: LEGACY_SECTIONS[first]!, section: first };
  return { tab: CONSOLE_TABS[0].id, section: null };
}

export function hashFor(route: ConsoleRoute): string {
  return `#/${route.tab}${route.section ? `/${route.section}` : ''}`;
}
