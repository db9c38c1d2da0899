import { mergeRecipes } from '../recipes/recipe-ops';
import type { SiteRecipes } from '../recipes/recipe-schema';
import { sameValue } from '../policy/apply-policy';
import { parseMappingFile, type DateOrders } from './mapping-file';
import type { FieldMappings } from './mapping-ops';

/** The settings a team's mapping file sets: every site's labels, taught recipes and date order (m/d or d/m). */
export interface MappingSettings {
  mappings: FieldMappings;
  recipes: SiteRecipes;
  dateOrders: DateOrders;
}

/**
 * The settings with a policy's mapping file (its JSON text, as options
 * exports it) applied: the file's labels, recipes and date orders win (as
 * importing the file in Options → Sites does), everything else
 * the user set stays. A site whose labels already say what the file says
 * keeps its entry as is (its updatedAt too), so applying the same file twice
 * changes nothing — a locked preset is re-applied after every change and
 * must settle. A file that does not parse throws with the parser's reason.
 */
export function withMappingPreset(preset: string, current: MappingSettings, now: number): MappingSettings {
  const file = parseMappingFile(preset, now);
  if (!file.ok) throw new Error(file.error);
  const mappings = { ...current.mappings };
  for (const [site, { fields }] of Object.entries(file.mappings)) {
    const merged = { ...current.mappings[site]?.fields, ...fields };
    if (!sameValue(merged, current.mappings[site]?.fields ?? null)) mappings[site] = { fields: merged, updatedAt: now };
  }
  const dated = Object.entries(file.dateOrders).some(([site, order]) => current.dateOrders[site] !== order);
  return {
    mappings,
    recipes: file.recipeCount > 0 ? mergeRecipes(current.recipes, file.recipes) : current.recipes,
    dateOrders: dated ? { ...current.dateOrders, ...file.dateOrders } : current.dateOrders,
  };
}
