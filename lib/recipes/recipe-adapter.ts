import type { CrmAdapter } from '../adapters/types';
import { applyRecipes, recipesFor } from './apply';
import type { SiteRecipe } from './recipe-schema';

/**
 * The site's taught recipes as an adapter, tried before automatic detection
 * (registry.ts puts it first). When no recipe of the page finds anyone, the
 * page is read by the next adapter that matches — and the recipe's outcome
 * (found 0 of the expected) still travels with the extraction, so health
 * names the recipe that stopped working.
 */
export function createRecipeAdapter(recipes: () => readonly SiteRecipe[], next: () => readonly CrmAdapter[]): CrmAdapter {
  return {
    id: 'recipe',
    matches: (url) => recipesFor(recipes(), url).length > 0,
    extract(doc, url) {
      const { extraction, outcome } = applyRecipes(recipes(), doc, url);
      if (extraction) return extraction;
      const fallback =
        next()
          .find((adapter) => adapter.matches(url, doc))
          ?.extract(doc, url) ?? null;
      if (!outcome) return fallback;
      return fallback ? { ...fallback, recipe: outcome } : { kind: outcome.kind, customers: [], recipe: outcome };
    },
  };
}
