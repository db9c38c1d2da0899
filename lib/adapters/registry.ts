import { demoCrmAdapter } from './demo-crm';
import { createGenericAdapter, type GenericAdapterOptions } from './generic';
import type { CrmAdapter } from './types';
import { createRecipeAdapter } from '../recipes/recipe-adapter';
import type { SiteRecipe } from '../recipes/recipe-schema';

/**
 * The generic adapter's options for this page: a content script is one page,
 * and sets its row cache and the site's join choice here once it knows them
 * (lib/content/index.ts). Tests and the bench leave it empty.
 */
const pageOptions: GenericAdapterOptions = {};

export function configurePageAdapters(options: GenericAdapterOptions): void {
  Object.assign(pageOptions, options);
  // A setting given as undefined is cleared (the manager went back to automatic).
  for (const key of Object.keys(options) as (keyof GenericAdapterOptions)[]) if (options[key] === undefined) delete pageOptions[key];
}

/** This page's site recipes (lib/recipes), set by the content script from storage and kept current. */
let pageRecipes: readonly SiteRecipe[] = [];

export function configurePageRecipes(recipes: readonly SiteRecipe[]): void {
  pageRecipes = recipes;
}

const DETECTING: readonly CrmAdapter[] = [demoCrmAdapter, createGenericAdapter(pageOptions)];

/**
 * Every adapter, most specific first: what the user taught this site wins
 * over any detection, then the demo CRM's own, then the generic adapter (any CRM).
 */
export const ADAPTERS: readonly CrmAdapter[] = [
  createRecipeAdapter(
    () => pageRecipes,
    () => DETECTING,
  ),
  ...DETECTING,
];

export function adapterFor(url: URL, doc: Document, adapters: readonly CrmAdapter[] = ADAPTERS): CrmAdapter | null {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? null;
}
