import { storage } from 'wxt/utils/storage';
import type { SiteKey } from '../domain';
import type { MappingTarget } from '../fields/field-resolver';

export type { MappingTarget };

/** A manager's field mapping for one site (origin): CRM label (as shown on the page) → product field. */
export interface SiteFieldMapping {
  fields: Record<string, MappingTarget>;
  /** epoch ms of the last change. */
  updatedAt: number;
}

/** Every site's field mapping, keyed by origin. Labels not listed fall back to the built-in synonyms. */
export const fieldMappingsItem = storage.defineItem<Record<SiteKey, SiteFieldMapping>>('local:fieldMappings', {
  fallback: {},
  version: 1,
});
