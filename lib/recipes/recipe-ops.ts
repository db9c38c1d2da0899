import type { SiteKey } from '../domain';
import type { SiteRecipe, SiteRecipes } from './recipe-schema';

/** The recipe format this release writes and reads (recipe-schema.ts); kept here, free of zod, for the page tools' bundle. */
export const RECIPE_FORMAT_VERSION = 1;

/** The recipe id of a kind of page: one list and one detail recipe per page key. */
export const recipeIdOf = (kind: SiteRecipe['kind'], pageKey: string): string => `${kind}:${pageKey}`;

/** Store a recipe; every save of the same id (taught again, a column named) is one version up. */
export function upsertRecipe(all: SiteRecipes, site: SiteKey, recipe: SiteRecipe): SiteRecipes {
  const current = all[site] ?? [];
  const previous = current.find((candidate) => candidate.id === recipe.id);
  const next = { ...recipe, version: previous ? previous.version + 1 : 1 };
  return { ...all, [site]: [...current.filter((candidate) => candidate.id !== recipe.id), next] };
}

export function removeRecipe(all: SiteRecipes, site: SiteKey, id: string): SiteRecipes {
  const { [site]: current = [], ...rest } = all;
  const kept = current.filter((recipe) => recipe.id !== id);
  return kept.length > 0 ? { ...rest, [site]: kept } : rest;
}

/** Imported (or policy) recipes over the current ones: per site, an imported recipe replaces the one of its id. */
export function mergeRecipes(current: SiteRecipes, incoming: SiteRecipes): SiteRecipes {
  let out = current;
  for (const [site, list] of Object.entries(incoming)) {
    const ids = new Set(list.map((recipe) => recipe.id));
    const kept = (out[site] ?? []).filter((recipe) => !ids.has(recipe.id));
    out = { ...out, [site]: [...kept, ...list] };
  }
  return out;
}
