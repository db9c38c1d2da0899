import type { SiteKey } from '../domain';

/** One string key per customer (site + CRM id) for in-memory maps and the observation batches' index. */
export const customerKey = (site: SiteKey, crmId: string) => `${site}\u0000${crmId}`;

/** The site and CRM id a customerKey was made of. */
export function customerOfKey(key: string): { site: SiteKey; crmId: string } {
  const cut = key.indexOf('\u0000');
  return { site: key.slice(0, cut), crmId: key.slice(cut + 1) };
}
