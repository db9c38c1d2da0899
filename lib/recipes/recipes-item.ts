import { storage } from 'wxt/utils/storage';
import type { SiteRecipes } from './recipe-schema';

/** Every site's taught recipes, keyed by origin (lib/recipes/recipe-schema.ts). */
export const siteRecipesItem = storage.defineItem<SiteRecipes>('local:siteRecipes', {
  fallback: {},
  version: 1,
});
