import { z } from 'zod';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '../fields/product-fields';
import type { MappingProtocol } from './mapping-protocol';

const site = z.string().min(1).max(512);
const FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];

/** Runtime shapes of the mapping messages (see mapping-protocol.ts); merged into requestSchemas. */
export const mappingRequestSchemas = {
  getMappingSites: z.strictObject({}),
  getSiteLabels: z.strictObject({ site }),
  getSiteTabs: z.strictObject({ site }),
  startFieldPicker: z.strictObject({ tabId: z.number().int().nonnegative() }),
  saveFieldLabel: z.strictObject({ label: z.string().trim().min(1).max(200), target: z.enum([...FIELDS, 'ignore']) }),
} satisfies Record<keyof MappingProtocol, z.ZodType>;

export const mappingAudience: Record<keyof MappingProtocol, 'content' | 'extension'> = {
  getMappingSites: 'extension',
  getSiteLabels: 'extension',
  getSiteTabs: 'extension',
  startFieldPicker: 'extension',
  saveFieldLabel: 'content',
};
