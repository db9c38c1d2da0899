import { demoCrmAdapter } from './demo-crm';
import { genericAdapter } from './generic';
import type { CrmAdapter } from './types';

/** Every adapter, most specific first. The generic adapter (any CRM) goes last. */
export const ADAPTERS: readonly CrmAdapter[] = [demoCrmAdapter, genericAdapter];

export function adapterFor(url: URL, doc: Document, adapters: readonly CrmAdapter[] = ADAPTERS): CrmAdapter | null {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? null;
}
