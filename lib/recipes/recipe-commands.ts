/**
 * Site recipes: the teaching overlay's saves, the options list, and starting
 * the overlay on a tab. Recipes live in chrome.storage
 * (lib/recipes/recipes-item.ts); content scripts watch them, so a saved
 * recipe reads its page at once.
 */
import { z } from 'zod';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { removeRecipe, upsertRecipe } from './recipe-ops';
import { siteRecipeSchema, type SiteRecipes } from './recipe-schema';
import { siteRecipesItem } from './recipes-item';

export interface RecipePorts {
  recipes: { get: () => Promise<SiteRecipes>; set: (value: SiteRecipes) => Promise<void> };
  /** Inject and start the teaching overlay on a tab (lib/background/inject-page-tools.ts); false when the tab is not on an enabled site. */
  startTeaching: (tabId: number) => Promise<boolean>;
}

export interface RecipeDeps {
  /** Absent: the stored item, and no page tools (tests). */
  recipePorts?: RecipePorts;
}

const NO_PORTS: RecipePorts = {
  recipes: { get: () => siteRecipesItem.getValue(), set: (value) => siteRecipesItem.setValue(value) },
  startTeaching: async () => false,
};

const site = z.string().min(1).max(512);
const started = z.object({ started: z.boolean() });
const command = commandsFor<RecipeDeps>();

export const recipeCommands = {
  /** Extension page → background: show the teaching overlay on a tab (injected on demand). */
  startTeaching: command({
    request: z.strictObject({ tabId: z.number().int().nonnegative() }),
    response: started,
    audience: 'extension',
    handle: async ({ tabId }, { recipePorts = NO_PORTS }) => ({ started: await recipePorts.startTeaching(tabId) }),
  }),

  /** Teaching overlay (CRM page) → background: store the recipe for the sender's site; answers the stored version. */
  saveSiteRecipe: command({
    request: z.strictObject({ recipe: siteRecipeSchema }),
    response: z.object({ recipe: siteRecipeSchema }),
    audience: 'content',
    async handle({ recipe }, { recipePorts = NO_PORTS }, context) {
      if (!context.site) throw new HandlerError('forbidden', 'No CRM site for this sender');
      const next = upsertRecipe(await recipePorts.recipes.get(), context.site, recipe);
      await recipePorts.recipes.set(next);
      return { recipe: next[context.site]!.find((stored) => stored.id === recipe.id)! };
    },
  }),

  /** Extension page → background: a site's recipes. */
  getSiteRecipes: command({
    request: z.strictObject({ site }),
    response: z.object({ recipes: z.array(siteRecipeSchema) }),
    audience: 'extension',
    handle: async ({ site }, { recipePorts = NO_PORTS }) => ({ recipes: (await recipePorts.recipes.get())[site] ?? [] }),
  }),

  /** Extension page → background: forget one recipe (automatic detection reads that kind of page again). */
  deleteSiteRecipe: command({
    request: z.strictObject({ site, id: z.string().min(1).max(600) }),
    response: z.null(),
    audience: 'extension',
    async handle({ site, id }, { recipePorts = NO_PORTS }) {
      await recipePorts.recipes.set(removeRecipe(await recipePorts.recipes.get(), site, id));
      return null;
    },
  }),
};
