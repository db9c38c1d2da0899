/**
 * Settings "Erase everything" keeps: the sites the user enabled. They mirror
 * permissions the browser holds and content scripts it has registered; wiping
 * the list alone would leave those behind with a router that then refuses the
 * pages (badges silently gone). Disabling a site is one click in Options →
 * Sites, which also gives the permission back. Customer data of those sites
 * is erased like any other.
 */
export const KEPT_ON_ERASE_ALL = ['enabledSites'] as const;

/** The stored values (and WXT's `key$` version metadata) of the settings kept on erase. */
export function settingsKeptOnErase(local: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT_ON_ERASE_ALL) {
    for (const stored of [key, `${key}$`]) if (Object.hasOwn(local, stored)) kept[stored] = local[stored];
  }
  return kept;
}
