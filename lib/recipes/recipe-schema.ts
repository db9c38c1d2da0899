import { z } from 'zod';
import { RECIPE_FORMAT_VERSION } from './recipe-ops';

/**
 * A site recipe: what the user taught the product on one kind of page, by
 * clicking a customer's name (and then values). Selectors, not heuristics:
 * the recipe is tried before automatic detection (recipe-adapter.ts), and
 * health checks on every read that it still finds about as many customers as
 * when it was taught (`expected`).
 *
 * - list:   `row` (absolute, document) matches every customer row; `name`,
 *           `link` and each field's `selector` are relative to a row
 *           (":scope > div > a").
 * - detail: `name` and each field's `selector` are absolute; the customer's
 *           id is the page URL's record id (identity.ts), else its name.
 *
 * `pageKey` (lib/sites/health.ts pageKeyOf) is the kind of page it applies
 * to: "/contacts", "/contacts/:id". `version` counts the user's changes to it
 * (a column named, a re-teach), so an imported or policy recipe can be told
 * from the local one.
 */
const MAX_SELECTOR = 1000;

const selector = z.string().trim().min(1).max(MAX_SELECTOR);

const recipeFieldSchema = z.strictObject({
  /** The label the value is stored under; the site's field mapping says which product field it is. */
  label: z.string().trim().min(1).max(200),
  selector,
  /** Words the page writes before the value ("Seen" in "Seen 3 days ago"): the label, left out of the value. */
  prefix: z.string().min(1).max(200).optional(),
});

const common = {
  id: z.string().min(1).max(80),
  format: z.literal(RECIPE_FORMAT_VERSION),
  version: z.number().int().positive(),
  pageKey: z.string().min(1).max(512),
  name: selector,
  fields: z.array(recipeFieldSchema).max(60),
  /** Customers found when taught: a list's rows; 1 on a detail page. */
  expected: z.number().int().positive().max(100_000),
  taughtAt: z.number().int().nonnegative(),
};

const listRecipeSchema = z.strictObject({
  ...common,
  kind: z.literal('list'),
  row: selector,
  /** The record link inside a row, when the name is not one itself. */
  link: selector.optional(),
});

const detailRecipeSchema = z.strictObject({ ...common, kind: z.literal('detail') });

export const siteRecipeSchema = z.discriminatedUnion('kind', [listRecipeSchema, detailRecipeSchema]);

export type SiteRecipe = z.infer<typeof siteRecipeSchema>;
export type ListRecipe = z.infer<typeof listRecipeSchema>;
export type DetailRecipe = z.infer<typeof detailRecipeSchema>;
export type RecipeField = z.infer<typeof recipeFieldSchema>;

/** A site's recipes (one per page key and kind). */
export const siteRecipesSchema = z.array(siteRecipeSchema).max(50);
export type SiteRecipes = Record<string, SiteRecipe[]>;
