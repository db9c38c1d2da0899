import { recordIdFromUrl } from '../adapters/generic/identity';
import { ROW_ID_ATTRS } from '../adapters/generic/read-list';
import { readableText, textOf } from '../adapters/generic/text';
import type { ExtractedCustomer, PageExtraction } from '../adapters/types';
import type { RawFields } from '../domain';
import { pageKeyOf } from '../sites/health';
import { queryAllSafe, queryIn } from './css-path';
import type { DetailRecipe, ListRecipe, RecipeField, SiteRecipe } from './recipe-schema';

/** What a recipe found on a page, for health (lib/sites/health.ts). */
export interface RecipeOutcome {
  id: string;
  kind: SiteRecipe['kind'];
  expected: number;
  found: number;
}

/**
 * A customer's id when the page gives none: its name. Two customers of the
 * same name on a site become one — the price of reading a site that shows
 * neither links nor ids; the prefix keeps these ids apart from the CRM's own.
 */
export const nameId = (name: string): string => `name:${name.toLowerCase()}`;

const LINK = 'a[href]';

function idOf(row: Element, link: Element | null, name: string, page: URL): string {
  const href = link?.getAttribute('href');
  const fromLink = href ? recordIdFromUrl(href, page) : null;
  if (fromLink) return fromLink;
  for (const attr of ROW_ID_ATTRS) {
    const value = row.getAttribute(attr)?.trim();
    if (value) return value;
  }
  return nameId(name);
}

/** "Seen 3 days ago" → "3 days ago" when the recipe took "Seen" as the label; other texts as they are. */
function withoutPrefix(text: string, prefix: string | undefined): string {
  if (!prefix || !text.startsWith(prefix)) return text;
  return text.slice(prefix.length).replace(/^[\s:：]+/u, '');
}

function readFields(fields: readonly RecipeField[], find: (selector: string) => Element | null): RawFields {
  const out: RawFields = {};
  for (const field of fields) {
    const { label, selector } = field;
    const el = find(selector);
    const text = el ? withoutPrefix(readableText(el), field.prefix) : '';
    if (text !== '') out[label] = text;
  }
  return out;
}

export function applyListRecipe(recipe: ListRecipe, doc: Document, url: URL): ExtractedCustomer[] {
  const seen = new Set<string>();
  const customers: ExtractedCustomer[] = [];
  for (const row of queryAllSafe(doc, recipe.row)) {
    const nameEl = queryIn(row, recipe.name);
    const name = nameEl ? textOf(nameEl) : '';
    if (!nameEl || name === '') continue;
    const link = recipe.link ? queryIn(row, recipe.link) : nameEl.closest(LINK);
    const crmId = idOf(row, link, name, url);
    if (seen.has(crmId)) continue;
    seen.add(crmId);
    customers.push({ snapshot: { crmId, name, fields: readFields(recipe.fields, (selector) => queryIn(row, selector)) }, anchor: nameEl });
  }
  return customers;
}

export function applyDetailRecipe(recipe: DetailRecipe, doc: Document, url: URL): ExtractedCustomer[] {
  const nameEl = queryAllSafe(doc, recipe.name)[0];
  const name = nameEl ? textOf(nameEl) : '';
  if (!nameEl || name === '') return [];
  const crmId = recordIdFromUrl(url.href, url) ?? nameId(name);
  return [{ snapshot: { crmId, name, fields: readFields(recipe.fields, (selector) => queryAllSafe(doc, selector)[0] ?? null) }, anchor: nameEl }];
}

/** The recipes taught for this kind of page (its page key), detail first on a record's URL. */
export function recipesFor(recipes: readonly SiteRecipe[], url: URL): SiteRecipe[] {
  // Most sites have none: no page key to compute on every scan.
  if (recipes.length === 0) return [];
  const key = pageKeyOf(url.href);
  return recipes.filter((recipe) => recipe.pageKey === key);
}

/** The first of the page's recipes that finds customers; else what the first one found (nothing), for health. */
export function applyRecipes(recipes: readonly SiteRecipe[], doc: Document, url: URL): { extraction: PageExtraction | null; outcome: RecipeOutcome | null } {
  let outcome: RecipeOutcome | null = null;
  for (const recipe of recipesFor(recipes, url)) {
    const customers = recipe.kind === 'list' ? applyListRecipe(recipe, doc, url) : applyDetailRecipe(recipe, doc, url);
    const found: RecipeOutcome = { id: recipe.id, kind: recipe.kind, expected: recipe.expected, found: customers.length };
    if (customers.length > 0) return { extraction: { kind: recipe.kind, customers, recipe: found }, outcome: found };
    outcome ??= found;
  }
  return { extraction: null, outcome };
}
