import type { SiteKey } from '../domain';

/** One string key per customer (site + CRM id) for in-memory maps and the observation batches' index. */
export const customerKey = (site: SiteKey, crmId: string) => `${site}\u0000${crmId}`;
