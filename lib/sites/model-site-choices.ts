/**
 * The sites a manager can assign a model to (Options → Models): every
 * enabled site, and any site the model already serves (a site disabled
 * since keeps its history and its assignment until the manager removes it),
 * the demo CRM first, then by host. A model trained on one site's data
 * scores another only when assigned there (lib/background/model-provider.ts).
 */
import type { SiteKey } from '../domain';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import { siteLabel } from './origins';

export interface SiteChoice {
  origin: SiteKey;
  /** Shown name: "demo CRM" for the bundled one, else the host. */
  label: string;
  /** False for an assigned site that is no longer enabled (its pages are not read). */
  enabled: boolean;
}

export function modelSiteChoices(enabled: readonly SiteKey[], assigned: readonly SiteKey[], demoLabel: string): SiteChoice[] {
  const on = new Set(enabled);
  const origins = [...new Set([...enabled, ...assigned])];
  const choice = (origin: SiteKey): SiteChoice => ({ origin, label: origin === DEMO_CRM_ORIGIN ? demoLabel : siteLabel(origin), enabled: on.has(origin) });
  return origins.map(choice).sort((a, b) => Number(b.origin === DEMO_CRM_ORIGIN) - Number(a.origin === DEMO_CRM_ORIGIN) || a.label.localeCompare(b.label));
}

/** The sites a model serves, by name, in the choices' order ("demo CRM, shop.example.com"); '' for none. */
export function servedSites(choices: readonly SiteChoice[], assigned: readonly SiteKey[]): string {
  const served = new Set(assigned);
  return choices
    .filter((c) => served.has(c.origin))
    .map((c) => c.label)
    .join(', ');
}
