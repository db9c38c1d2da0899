import { describe, expect, it } from 'vitest';
import { mergeRecipes, recipeIdOf, removeRecipe, upsertRecipe } from '@/lib/recipes/recipe-ops';
import type { SiteRecipe } from '@/lib/recipes/recipe-schema';

const A = 'https://crm.a.example';
const list = (pageKey: string, expected = 10): SiteRecipe => ({
  id: recipeIdOf('list', pageKey),
  format: 1,
  version: 1,
  kind: 'list',
  pageKey,
  row: 'ul > li',
  name: ':scope > a',
  fields: [],
  expected,
  taughtAt: 1,
});

describe('site recipes in storage', () => {
  it('one recipe per kind and page; every save of it is one version up', () => {
    let all = upsertRecipe({}, A, list('/people'));
    all = upsertRecipe(all, A, list('/deals'));
    all = upsertRecipe(all, A, { ...list('/people', 25), fields: [{ label: 'Seen', selector: ':scope > span' }] });
    expect(all[A]!.map((r) => [r.id, r.version, r.expected])).toEqual([
      ['list:/deals', 1, 10],
      ['list:/people', 2, 25],
    ]);
  });
  it('removing the last recipe of a site removes the site', () => {
    const all = upsertRecipe({}, A, list('/people'));
    expect(removeRecipe(all, A, 'list:/people')).toEqual({});
    expect(removeRecipe(all, A, 'list:/other')).toEqual(all);
  });
  it('an import replaces recipes of the same id and keeps the others', () => {
    const current = { [A]: [list('/people'), list('/deals')] };
    const merged = mergeRecipes(current, { [A]: [{ ...list('/people', 40), version: 7 }] });
    expect(merged[A]!.map((r) => [r.id, r.version, r.expected])).toEqual([
      ['list:/deals', 1, 10],
      ['list:/people', 7, 40],
    ]);
  });
});
