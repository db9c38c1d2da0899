import { labelText, textOf } from '../adapters/generic/text';
import { pageKeyOf } from '../sites/health';
import { absoluteSelector, relativeSelector } from './css-path';
import type { RowsFound } from './find-rows';
import type { DetailRecipe, ListRecipe, SiteRecipe } from './recipe-schema';
import { RECIPE_FORMAT_VERSION, recipeIdOf } from './recipe-ops';

/**
 * Recipes from what the user clicked (the teaching overlay, entrypoints/teach.ts):
 * a list recipe from the rows found around a clicked name, a detail recipe
 * from a clicked name on a record page, and a field from a clicked value.
 */

export function listRecipe(found: RowsFound, url: URL, now: number): ListRecipe {
  const pageKey = pageKeyOf(url.href);
  return {
    id: recipeIdOf('list', pageKey),
    format: RECIPE_FORMAT_VERSION,
    version: 1,
    kind: 'list',
    pageKey,
    row: found.rowSelector,
    name: found.nameSelector,
    ...(found.linkSelector ? { link: found.linkSelector } : {}),
    fields: [],
    expected: found.rows.length,
    taughtAt: now,
  };
}

export function detailRecipe(name: Element, url: URL, now: number): DetailRecipe {
  const pageKey = pageKeyOf(url.href);
  return {
    id: recipeIdOf('detail', pageKey),
    format: RECIPE_FORMAT_VERSION,
    version: 1,
    kind: 'detail',
    pageKey,
    name: absoluteSelector(name),
    fields: [],
    expected: 1,
    taughtAt: now,
  };
}

const MAX_LABEL = 40;
const LABEL_BEFORE_COLON = /^([^:：\d]{2,40})[:：]/u;
const WORDS_BEFORE_NUMBER = /^(\p{L}[\p{L}\s'’-]{1,39}?)\s+[-+]?\d/u;

/** The header of a table cell's column, when the value sits in one. */
function columnHeader(el: Element): string | null {
  const cell = el.closest('td, [role="gridcell"], [role="cell"]');
  const table = cell?.closest('table, [role="grid"], [role="table"]');
  if (!cell?.parentElement || !table) return null;
  const index = [...cell.parentElement.children].indexOf(cell);
  const header = table.querySelectorAll('th, [role="columnheader"]')[index];
  const text = header ? labelText(header) : '';
  return text !== '' && text.length <= MAX_LABEL ? text : null;
}

/**
 * What a clicked value is called on the page: its accessible name or title
 * (icon rows), its column header, the words before a colon ("Sector: …") or
 * before its number ("Last activity 3 days ago" → "Last activity"), else
 * "Column n" by its place in the row. The user then names it as a product
 * field, and that label → field pair is the site's field mapping.
 */
export function valueLabel(value: Element, row: Element): { label: string; prefix?: string } {
  for (let node: Element | null = value; node && node !== row; node = node.parentElement) {
    const named = node.getAttribute('aria-label') ?? node.getAttribute('title');
    if (named && named.trim() !== '' && named.length <= MAX_LABEL) return { label: named.trim() };
  }
  const header = columnHeader(value);
  if (header) return { label: header };
  const text = textOf(value);
  const match = LABEL_BEFORE_COLON.exec(text) ?? WORDS_BEFORE_NUMBER.exec(text);
  // The words are the label, and are left out of the value ("Seen 3 days ago" reads as "3 days ago").
  if (match) return { label: match[1]!.trim(), prefix: match[1]!.trim() };
  // The n-th text the row shows (its leaf elements with text), as a reader counts columns.
  const leaves = [...row.querySelectorAll('*')].filter((el) => el.childElementCount === 0 && textOf(el) !== '');
  const first = value.childElementCount === 0 ? value : (leaves.find((leaf) => value.contains(leaf)) ?? value);
  return { label: `Column ${leaves.indexOf(first) + 1 || 1}` };
}

/** A label not yet used by the recipe ("Column 3", then "Column 3 (2)"). */
function freeLabel(recipe: SiteRecipe, label: string): string {
  const used = new Set(recipe.fields.map((field) => field.label));
  if (!used.has(label)) return label;
  for (let n = 2; ; n++) if (!used.has(`${label} (${n})`)) return `${label} (${n})`;
}

/**
 * The recipe with the clicked value read as a field. On a list the value is
 * found by its path in its row (`row`); on a detail page by its absolute path.
 * Clicking a value the recipe reads already keeps its label.
 */
export function withField(recipe: SiteRecipe, value: Element, row: Element | null): { recipe: SiteRecipe; label: string } {
  const selector = recipe.kind === 'list' && row ? relativeSelector(row, value) : absoluteSelector(value);
  const existing = recipe.fields.find((field) => field.selector === selector);
  if (existing) return { recipe, label: existing.label };
  const named = valueLabel(value, row ?? value.ownerDocument.body);
  const label = freeLabel(recipe, named.label);
  const field = named.prefix ? { label, selector, prefix: named.prefix } : { label, selector };
  return { recipe: { ...recipe, fields: [...recipe.fields, field] }, label };
}
