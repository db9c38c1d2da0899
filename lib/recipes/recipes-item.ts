import { storage } from 'wxt/utils/storage';
import type { LocalValue } from '../storage-reader';
import { SITE_RECIPES_KEY } from './recipes-key';

/** Every site's taught recipes, keyed by origin (lib/recipes/recipe-schema.ts). */
export const siteRecipesItem = storage.defineItem<LocalValue<typeof SITE_RECIPES_KEY>>(SITE_RECIPES_KEY, {
  fallback: {},
  version: 1,
});
