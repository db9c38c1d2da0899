import { z } from 'zod';
import { parseUntrustedJson } from '@/lib/files/untrusted-json';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '../fields/product-fields';
import { siteRecipesSchema, type SiteRecipes } from '../recipes/recipe-schema';
import type { DayMonthOrder } from '../parse/date-order';
import { isSiteOrigin } from '../sites/origins';
import type { FieldMappings } from './mapping-ops';

/**
 * The file a team shares: every site's mapping, or one site's, with the
 * site recipes taught there (lib/recipes) since version 2, and the sites'
 * date order (m/d or d/m, set in the mapping) since version 3.
 * { "format": "churn-radar.field-mapping", "version": 3, "sites": { origin: { label: field | "ignore" } },
 *   "recipes": { origin: [recipe, …] }, "dateOrders": { origin: "mdy" | "dmy" } }
 * A file without date orders is written as version 2, so a Churn Radar that
 * reads up to version 2 still reads it; versions 1 and 2 are still read.
 */
const MAPPING_FILE_FORMAT = 'churn-radar.field-mapping';

const FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];
/** A refused value as the message shows it: String() throws on a parsed object like {"toString": null}. */
const shownValue = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value));
const target = z.enum([...FIELDS, 'ignore'], { error: (issue) => `"${shownValue(issue.input)}" is not a product field or "ignore"` });

const fileSchema = z.strictObject({
  format: z.literal(MAPPING_FILE_FORMAT, { error: `not a Churn Radar field-mapping file (format must be "${MAPPING_FILE_FORMAT}")` }),
  version: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'unsupported mapping file version (this Churn Radar reads versions 1 to 3)' }),
  exportedAt: z.string().optional(),
  sites: z.record(z.string().max(512), z.record(z.string().min(1).max(200), target)),
  recipes: z.record(z.string().max(512), siteRecipesSchema).optional(),
  dateOrders: z
    .record(z.string().max(512), z.enum(['mdy', 'dmy'], { error: (issue) => `"${shownValue(issue.input)}" is not a date order ("mdy" or "dmy")` }))
    .optional(),
});

export type MappingFileResult =
  | { ok: true; mappings: FieldMappings; recipes: SiteRecipes; dateOrders: DateOrders; sites: number; labels: number; recipeCount: number }
  | { ok: false; error: string };

/** Each site's date order set in the mapping (lib/mapping/date-order-item.ts). */
export type DateOrders = Record<string, DayMonthOrder>;

/** The file text for these sites (all when `only` is absent). */
export function exportMappingFile(mappings: FieldMappings, now: number, only?: string, recipes: SiteRecipes = {}, dateOrders: DateOrders = {}): string {
  const wanted = (site: string) => only === undefined || site === only;
  const sites = Object.fromEntries(
    Object.entries(mappings)
      .filter(([site]) => wanted(site))
      .map(([site, mapping]) => [site, mapping.fields]),
  );
  const taught = Object.fromEntries(Object.entries(recipes).filter(([site, list]) => wanted(site) && list.length > 0));
  const orders = Object.fromEntries(Object.entries(dateOrders).filter(([site]) => wanted(site)));
  const dated = Object.keys(orders).length > 0;
  const file = {
    format: MAPPING_FILE_FORMAT,
    version: dated ? 3 : 2,
    exportedAt: new Date(now).toISOString(),
    sites,
    recipes: taught,
    ...(dated ? { dateOrders: orders } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const where = (path: readonly PropertyKey[]) => (path.length ? ` at ${path.map(String).join(' › ')}` : '');

/** A mapping file's text, checked: every problem is named with where it is, and nothing is half-read. */
export function parseMappingFile(text: string, now: number): MappingFileResult {
  const json = parseUntrustedJson(text, 'mapping');
  if (!json.ok) return { ok: false, error: json.problem };
  const parsed = fileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.message}${where(issue.path)}` };
  }
  const mappings: FieldMappings = {};
  let labels = 0;
  for (const [site, fields] of Object.entries(parsed.data.sites)) {
    if (!isSiteOrigin(site)) return { ok: false, error: `"${site}" is not a site origin such as https://crm.example.com (at sites)` };
    mappings[site] = { fields, updatedAt: now };
    labels += Object.keys(fields).length;
  }
  const recipes: SiteRecipes = {};
  let recipeCount = 0;
  for (const [site, list] of Object.entries(parsed.data.recipes ?? {})) {
    if (!isSiteOrigin(site)) return { ok: false, error: `"${site}" is not a site origin such as https://crm.example.com (at recipes)` };
    recipes[site] = list;
    recipeCount += list.length;
  }
  const dateOrders: DateOrders = {};
  for (const [site, order] of Object.entries(parsed.data.dateOrders ?? {})) {
    if (!isSiteOrigin(site)) return { ok: false, error: `"${site}" is not a site origin such as https://crm.example.com (at dateOrders)` };
    dateOrders[site] = order;
  }
  const sites = new Set([...Object.keys(mappings), ...Object.keys(recipes), ...Object.keys(dateOrders)]).size;
  return { ok: true, mappings, recipes, dateOrders, sites, labels, recipeCount };
}
