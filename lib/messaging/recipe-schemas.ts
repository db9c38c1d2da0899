import { z } from 'zod';
import { siteRecipeSchema } from '../recipes/recipe-schema';
import type { RecipeProtocol } from './recipe-protocol';

const site = z.string().min(1).max(512);

/** Runtime shapes of the recipe messages (recipe-protocol.ts); merged into requestSchemas. */
export const recipeRequestSchemas = {
  startTeaching: z.strictObject({ tabId: z.number().int().nonnegative() }),
  saveSiteRecipe: z.strictObject({ recipe: siteRecipeSchema }),
  getSiteRecipes: z.strictObject({ site }),
  deleteSiteRecipe: z.strictObject({ site, id: z.string().min(1).max(600) }),
} satisfies Record<keyof RecipeProtocol, z.ZodType>;

export const recipeAudience: Record<keyof RecipeProtocol, 'content' | 'extension'> = {
  startTeaching: 'extension',
  saveSiteRecipe: 'content',
  getSiteRecipes: 'extension',
  deleteSiteRecipe: 'extension',
};
