import { z } from 'zod';
import { parseUntrustedJson } from '@/lib/files/untrusted-json';
import { PRODUCT_FIELD_SYNONYMS, type ProductField } from '../fields/product-fields';
import { siteRecipesSchema, type SiteRecipes } from '../recipes/recipe-schema';
import { isSiteOrigin } from '../sites/origins';
import type { FieldMappings } from './mapping-ops';

/**
 * The file a team shares: every site's mapping, or one site's, with the
 * site recipes taught there (lib/recipes) since version 2.
 * { "format": "churn-radar.field-mapping", "version": 2, "sites": { origin: { label: field | "ignore" } },
 *   "recipes": { origin: [recipe, …] } }
 * Version 1 files (no recipes) are still read.
 */
export const MAPPING_FILE_FORMAT = 'churn-radar.field-mapping';

const FIELDS = Object.keys(PRODUCT_FIELD_SYNONYMS) as [ProductField, ...ProductField[]];
/** A refused value as the message shows it: String() throws on a parsed object like {"toString": null}. */
const shownValue = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value));
const target = z.enum([...FIELDS, 'ignore'], { error: (issue) => `"${shownValue(issue.input)}" is not a product field or "ignore"` });

const fileSchema = z.strictObject({
  format: z.literal(MAPPING_FILE_FORMAT, { error: `not a Churn Radar field-mapping file (format must be "${MAPPING_FILE_FORMAT}")` }),
  version: z.union([z.literal(1), z.literal(2)], { error: 'unsupported mapping file version (this Churn Radar reads versions 1 and 2)' }),
  exportedAt: z.string().optional(),
  sites: z.record(z.string().max(512), z.record(z.string().min(1).max(200), target)),
  recipes: z.record(z.string().max(512), siteRecipesSchema).optional(),
});

export type MappingFileResult =
  | { ok: true; mappings: FieldMappings; recipes: SiteRecipes; sites: number; labels: number; recipeCount: number }
  | { ok: false; error: string };

/** The file text for these sites (all when `only` is absent). */
export function exportMappingFile(mappings: FieldMappings, now: number, only?: string, recipes: SiteRecipes = {}): string {
  const wanted = (site: string) => only === undefined || site === only;
  const sites = Object.fromEntries(
    Object.entries(mappings)
      .filter(([site]) => wanted(site))
      .map(([site, mapping]) => [site, mapping.fields]),
  );
  const taught = Object.fromEntries(Object.entries(recipes).filter(([site, list]) => wanted(site) && list.length > 0));
  return `${JSON.stringify({ format: MAPPING_FILE_FORMAT, version: 2, exportedAt: new Date(now).toISOString(), sites, recipes: taught }, null, 2)}\n`;
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
  const sites = new Set([...Object.keys(mappings), ...Object.keys(recipes)]).size;
  return { ok: true, mappings, recipes, sites, labels, recipeCount };
}
