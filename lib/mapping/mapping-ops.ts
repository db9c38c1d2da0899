import type { SiteKey } from '../domain';
import type { MappingTarget, SiteFieldMapping } from './mapping-item';

export type FieldMappings = Record<SiteKey, SiteFieldMapping>;

/** `label` on `site` means `target`; null forgets the label (the synonyms apply again). */
export function setLabelTarget(mappings: FieldMappings, site: SiteKey, label: string, target: MappingTarget | null, now: number): FieldMappings {
  const fields = { ...mappings[site]?.fields };
  if (target === null) delete fields[label];
  else fields[label] = target;
  return { ...mappings, [site]: { fields, updatedAt: now } };
}

/** Replace a site's whole mapping (the options page saves its draft). An empty one removes the site. */
export function replaceSiteMapping(mappings: FieldMappings, site: SiteKey, fields: Record<string, MappingTarget>, now: number): FieldMappings {
  const { [site]: _old, ...rest } = mappings;
  return Object.keys(fields).length === 0 ? rest : { ...rest, [site]: { fields: { ...fields }, updatedAt: now } };
}

/** Imported sites merged over the current ones: per site, imported labels win and other labels stay. */
export function mergeMappings(current: FieldMappings, incoming: FieldMappings, now: number): FieldMappings {
  const out = { ...current };
  for (const [site, mapping] of Object.entries(incoming)) {
    out[site] = { fields: { ...current[site]?.fields, ...mapping.fields }, updatedAt: now };
  }
  return out;
}
