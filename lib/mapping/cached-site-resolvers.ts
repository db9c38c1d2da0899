import type { SiteKey } from '../domain';
import { createFieldResolver, type FieldResolver } from '../fields/field-resolver';
import type { FieldMappings } from './mapping-ops';

/**
 * The background's per-site resolvers, rebuilt only when that site's mapping
 * changes (a new resolver tells the indicator cache to recompute).
 */
export function createSiteResolvers(load: () => Promise<FieldMappings>) {
  const built = new Map<SiteKey, { fields: unknown; resolver: FieldResolver }>();
  return async (site: SiteKey): Promise<FieldResolver> => {
    const fields = (await load())[site]?.fields;
    const hit = built.get(site);
    if (hit && hit.fields === fields) return hit.resolver;
    const resolver = createFieldResolver(fields);
    built.set(site, { fields, resolver });
    return resolver;
  };
}

/** Sites whose mapping differs between two values of the item (to tell their pages and the side panel). */
export function changedSites(before: FieldMappings | null | undefined, after: FieldMappings): SiteKey[] {
  const sites = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...sites].filter((site) => JSON.stringify(before?.[site]?.fields ?? {}) !== JSON.stringify(after[site]?.fields ?? {}));
}
