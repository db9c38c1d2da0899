/**
 * Site recipes (lib/recipes): the teaching overlay's saves, the options
 * list, and starting the overlay on a tab. Recipes live in chrome.storage
 * (lib/recipes/recipes-item.ts); content scripts watch them, so a saved
 * recipe reads its page at once.
 */
import type { SiteKey } from '../domain';
import type { RecipeProtocol } from '../messaging/recipe-protocol';
import { removeRecipe, upsertRecipe } from '../recipes/recipe-ops';
import type { SiteRecipes } from '../recipes/recipe-schema';
import { siteRecipesItem } from '../recipes/recipes-item';
import type { PageTool } from './inject-page-tools';
import { HandlerError, type Handlers } from './router';

export interface RecipePorts {
  recipes: { get: () => Promise<SiteRecipes>; set: (value: SiteRecipes) => Promise<void> };
  /** Inject and start a page tool on a tab; false when the tab is not on an enabled site. */
  runPageTool: (tabId: number, tool: PageTool) => Promise<boolean>;
}

const NO_PORTS: RecipePorts = {
  recipes: { get: () => siteRecipesItem.getValue(), set: (value) => siteRecipesItem.setValue(value) },
  runPageTool: async () => false,
};

export function createRecipeHandlers({ recipePorts = NO_PORTS }: { recipePorts?: RecipePorts }): Pick<Handlers, keyof RecipeProtocol> {
  const { recipes } = recipePorts;
  return {
    async startTeaching({ tabId }) {
      return { started: await recipePorts.runPageTool(tabId, 'teach') };
    },
    async saveSiteRecipe({ recipe }, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      const site: SiteKey = context.site;
      const next = upsertRecipe(await recipes.get(), site, recipe);
      await recipes.set(next);
      return { recipe: next[site]!.find((stored) => stored.id === recipe.id)! };
    },
    async getSiteRecipes({ site }) {
      return { recipes: (await recipes.get())[site] ?? [] };
    },
    async deleteSiteRecipe({ site, id }) {
      await recipes.set(removeRecipe(await recipes.get(), site, id));
      return null;
    },
  };
}
