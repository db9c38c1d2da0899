import { scriptIdFor } from './origins';

/** A site the user enabled (policy sites are not stored: the policy is read each time). */
export interface EnabledSite {
  origin: string;
  /** epoch ms */
  addedAt: number;
}

/** Why a site is in the list: the bundled demo CRM (on until the user turns it off), the user, or the IT admin's policy. */
type SiteSource = 'builtin' | 'user' | 'policy';

export interface SiteEntry {
  origin: string;
  source: SiteSource;
  /** The browser holds the host permission (required to read the site). */
  granted: boolean;
  addedAt: number | null;
}

/** What the popup says about the current tab's site. */
export type SiteState = 'not-web' | 'builtin' | 'enabled' | 'policy' | 'policy-needs-access' | 'not-enabled';

export interface SiteSources {
  /** The bundled demo CRM's origin, unless the user turned it off. */
  builtin: readonly string[];
  user: readonly EnabledSite[];
  policy: readonly string[];
}

/** Every listed site once: built-in wins over policy, policy over the user's own entry (it cannot be removed). */
export function siteEntries(sources: SiteSources, granted: (origin: string) => boolean): SiteEntry[] {
  const entries = new Map<string, SiteEntry>();
  const put = (origin: string, source: SiteSource, addedAt: number | null) => {
    if (!entries.has(origin)) entries.set(origin, { origin, source, granted: source === 'builtin' || granted(origin), addedAt });
  };
  for (const origin of sources.builtin) put(origin, 'builtin', null);
  const userAdded = new Map(sources.user.map((site) => [site.origin, site.addedAt]));
  for (const origin of sources.policy) put(origin, 'policy', userAdded.get(origin) ?? null);
  for (const site of sources.user) put(site.origin, 'user', site.addedAt);
  return [...entries.values()];
}

/** Sites that read pages: listed and granted. */
export function activeOrigins(entries: readonly SiteEntry[]): string[] {
  return entries.filter((entry) => entry.granted).map((entry) => entry.origin);
}

export function siteState(origin: string | null, entries: readonly SiteEntry[]): SiteState {
  if (!origin) return 'not-web';
  const entry = entries.find((candidate) => candidate.origin === origin);
  if (!entry) return 'not-enabled';
  if (entry.source === 'builtin') return 'builtin';
  if (entry.source === 'policy') return entry.granted ? 'policy' : 'policy-needs-access';
  return entry.granted ? 'enabled' : 'not-enabled';
}

export function addSite(list: readonly EnabledSite[], origin: string, now: number): EnabledSite[] {
  return list.some((site) => site.origin === origin) ? [...list] : [...list, { origin, addedAt: now }];
}

export function removeSite(list: readonly EnabledSite[], origin: string): EnabledSite[] {
  return list.filter((site) => site.origin !== origin);
}

/** The user may turn off what they turned on and the demo CRM; policy sites stay. */
export function canDisable(origin: string, sources: SiteSources): boolean {
  if (sources.policy.includes(origin)) return false;
  return sources.builtin.includes(origin) || sources.user.some((site) => site.origin === origin);
}

export interface RegistrationPlan {
  register: string[];
  /** Script ids to remove (registered but no longer wanted). */
  unregister: string[];
}

/**
 * Dynamic content scripts to add and remove so that exactly the wanted
 * origins (the demo CRM too: no site has a manifest content script, so each
 * can be turned off) have one. `registeredIds` may hold other scripts' ids:
 * only ids of our naming scheme are touched.
 */
export function registrationPlan(wanted: readonly string[], registeredIds: readonly string[], ownId: (id: string) => boolean): RegistrationPlan {
  const wantedIds = new Map(wanted.map((origin) => [scriptIdFor(origin), origin]));
  const have = new Set(registeredIds.filter(ownId));
  return {
    register: [...wantedIds].filter(([id]) => !have.has(id)).map(([, origin]) => origin),
    unregister: [...have].filter((id) => !wantedIds.has(id)),
  };
}

/** After a permission was removed (e.g. in chrome://extensions): the user's sites that lost access are dropped. */
export function withoutRevoked(list: readonly EnabledSite[], granted: (origin: string) => boolean): EnabledSite[] {
  return list.filter((site) => granted(site.origin));
}
