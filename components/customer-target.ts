/** Which customer a side panel shows: the `?site=…&crmId=…` of its URL, and the CRM's host for display. */

export interface CustomerTarget {
  site?: string;
  crmId?: string;
}

/** `?site=…&crmId=…` → the customer to show; {} means "the last focused one". */
export function parseCustomerTarget(search: string): CustomerTarget {
  const params = new URLSearchParams(search);
  const target: CustomerTarget = {};
  const site = params.get('site')?.trim();
  const crmId = params.get('crmId')?.trim();
  if (site) target.site = site;
  if (crmId) target.crmId = crmId;
  return target;
}

export function isSameCustomer(a: CustomerTarget | null | undefined, b: CustomerTarget | null | undefined): boolean {
  if (!a || !b || !a.crmId || !b.crmId) return false;
  return a.crmId === b.crmId && (a.site ?? null) === (b.site ?? null);
}

/** "https://crm.example.com" → "crm.example.com" for a compact caption; other strings unchanged. */
export function siteHost(site: string): string {
  try {
    return new URL(site).host || site;
  } catch {
    return site;
  }
}
