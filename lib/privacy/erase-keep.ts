/**
 * Settings "Erase everything" keeps: the sites the user enabled, and the
 * built-in sites the user turned off. They mirror permissions the browser
 * holds and content scripts it has registered; wiping the lists alone would
 * leave those behind with a router that then refuses the pages (badges
 * silently gone), or turn a site the user switched off back on without its
 * registration. Disabling a site is one click in Options → Sites, which also
 * gives the permission back. Customer data of those sites is erased like any other.
 */
const KEPT_ON_ERASE_ALL = ['enabledSites', 'disabledDefaultSites'] as const;

/** The stored values (and WXT's `key$` version metadata) of the settings kept on erase. */
export function settingsKeptOnErase(local: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_ON_ERASE_ALL) {
    for (const stored of [key, `${key}$`]) if (Object.hasOwn(local, stored)) kept[stored] = local[stored];
  }
  return kept;
}

/**
 * The stored keys "Erase everything" removes: all but the kept ones. Only
 * these are removed — the kept ones are not cleared and written back, since
 * every storage change reaches the open CRM tabs' watchers and a setting that
 * seems to change makes a page read itself again and record its customers
 * right after the erase.
 */
export function settingsDroppedOnErase(local: Readonly<Record<string, unknown>>): string[] {
  const kept = settingsKeptOnErase(local);
  return Object.keys(local).filter((key) => !Object.hasOwn(kept, key));
}

/**
 * Settings kept per site (keyed by origin) that "Erase this site" drops the
 * site from: its adapter health, field mapping, join choice, date order and taught recipes. Whether the
 * site is enabled stays (like "Erase everything", see KEPT_ON_ERASE_ALL).
 */
const PER_SITE_SETTINGS = ['siteHealth', 'fieldMappings', 'siteJoinBy', 'siteDateOrder', 'siteRecipes'] as const;

/** The new values of the per-site settings that hold `site` (only those: the others are not rewritten). */
export function settingsWithoutSite(local: Readonly<Record<string, unknown>>, site: string): Record<string, Record<string, unknown>> {
  const changed: Record<string, Record<string, unknown>> = {};
  for (const key of PER_SITE_SETTINGS) {
    const value = local[key];
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, site)) continue;
    const { [site]: _dropped, ...rest } = value as Record<string, unknown>;
    changed[key] = rest;
  }
  return changed;
}
