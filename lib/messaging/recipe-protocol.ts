/**
 * Site recipes (lib/recipes): the teaching overlay saves what the user taught
 * on a page; the popup and options start teaching on a tab and list or remove
 * a site's recipes. Merged into the one Protocol (protocol.ts); types only.
 */
import type { SiteKey } from '../domain';
import type { SiteRecipe } from '../recipes/recipe-schema';

export interface RecipeProtocol {
  /** Extension page → background: show the teaching overlay on a tab (injected on demand). */
  startTeaching: { request: { tabId: number }; response: { started: boolean } };
  /** Teaching overlay (CRM page) → background: store the recipe for the sender's site; answers the stored version. */
  saveSiteRecipe: { request: { recipe: SiteRecipe }; response: { recipe: SiteRecipe } };
  /** Extension page → background: a site's recipes. */
  getSiteRecipes: { request: { site: SiteKey }; response: { recipes: SiteRecipe[] } };
  /** Extension page → background: forget one recipe (automatic detection reads that kind of page again). */
  deleteSiteRecipe: { request: { site: SiteKey; id: string }; response: null };
}
