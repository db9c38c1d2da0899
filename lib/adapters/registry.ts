import { demoCrmAdapter } from './demo-crm';
import { createGenericAdapter, type GenericAdapterOptions } from './generic';
import type { CrmAdapter } from './types';

/**
 * The generic adapter's options for this page: a content script is one page,
 * and sets its row cache and the site's join choice here once it knows them
 * (lib/content/index.ts). Tests and the bench leave it empty.
 */
const pageOptions: GenericAdapterOptions = {};

export function configurePageAdapters(options: GenericAdapterOptions): void {
  Object.assign(pageOptions, options);
  // A setting given as undefined is cleared (the manager went back to automatic).
  for (const key of Object.keys(options) as (keyof GenericAdapterOptions)[]) if (options[key] === undefined) delete pageOptions[key];
}

/** Every adapter, most specific first. The generic adapter (any CRM) goes last. */
export const ADAPTERS: readonly CrmAdapter[] = [demoCrmAdapter, createGenericAdapter(pageOptions)];

export function adapterFor(url: URL, doc: Document, adapters: readonly CrmAdapter[] = ADAPTERS): CrmAdapter | null {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? null;
}
