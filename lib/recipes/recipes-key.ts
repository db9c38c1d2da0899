import { localKey } from '../storage-reader';
import type { SiteRecipes } from './recipe-schema';

/** Where every site's taught recipes live: the item (recipes-item.ts) and the content script's reader share this key. */
export const SITE_RECIPES_KEY = localKey<SiteRecipes>('local:siteRecipes');
