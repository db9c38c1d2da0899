// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { CrmAdapter } from '@/lib/adapters/types';
import { handlersOf } from '@/lib/messaging/commands';
import { recipeCommands } from '@/lib/recipes/recipe-commands';
import { createHealthReporter } from '@/lib/content/health-report';
import type { SendMessage } from '@/lib/messaging/client';
import { createRecipeAdapter } from '@/lib/recipes/recipe-adapter';
import type { SiteRecipe, SiteRecipes } from '@/lib/recipes/recipe-schema';
import { healthSummary, healthWarnings, recordObservation } from '@/lib/sites/health';
import { warningText } from '@/lib/sites/health-text';

const recipe: SiteRecipe = {
  id: 'list:/people',
  format: 1,
  version: 1,
  kind: 'list',
  pageKey: '/people',
  row: '#people > li',
  name: ':scope > b',
  fields: [],
  expected: 4,
  taughtAt: 0,
};
const URL_ = new URL('http://crm.test/people');
const fallback: CrmAdapter = {
  id: 'generic',
  matches: () => true,
  extract: () => ({ kind: 'list', customers: [{ snapshot: { crmId: '9', name: 'Auto', fields: {} }, anchor: document.body }] }),
};

describe('the recipe adapter', () => {
  it('reads with the recipe first, and says what it found', () => {
    document.body.innerHTML = `<ul id="people">${['Ann', 'Bo', 'Cy', 'Di'].map((n) => `<li><b>${n}</b></li>`).join('')}</ul>`;
    const adapter = createRecipeAdapter(
      () => [recipe],
      () => [fallback],
    );
    expect(adapter.matches(URL_, document)).toBe(true);
    expect(adapter.matches(new URL('http://crm.test/deals'), document)).toBe(false);
    const read = adapter.extract(document, URL_)!;
    expect(read.customers.map((c) => c.snapshot.name)).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
    expect(read.recipe).toEqual({ id: 'list:/people', kind: 'list', expected: 4, found: 4 });
  });
  it('when the recipe finds nobody, automatic detection reads the page and the failure travels with it', () => {
    document.body.innerHTML = '<div class="new-layout"><p>Ann</p></div>';
    const read = createRecipeAdapter(
      () => [recipe],
      () => [fallback],
    ).extract(document, URL_)!;
    expect(read.customers.map((c) => c.snapshot.name)).toEqual(['Auto']);
    expect(read.recipe).toMatchObject({ found: 0, expected: 4 });
    const none = createRecipeAdapter(
      () => [recipe],
      () => [],
    ).extract(document, URL_)!;
    expect(none).toEqual({ kind: 'list', customers: [], recipe: { id: 'list:/people', kind: 'list', expected: 4, found: 0 } });
  });
});

describe('health checks the recipe on every read', () => {
  it('the page report carries what the recipe found', () => {
    const send = vi.fn(async () => null) as unknown as SendMessage & ReturnType<typeof vi.fn>;
    let task: (() => void) | null = null;
    const observe = createHealthReporter({ send, currentUrl: () => URL_.href, setTimeout: (run) => ((task = run), 1), clearTimeout: () => undefined });
    observe({ kind: 'list', customers: [], recipe: { id: 'list:/people', kind: 'list', expected: 4, found: 0 } });
    task!();
    expect(send).toHaveBeenCalledWith('reportPageHealth', {
      url: URL_.href,
      kind: 'list',
      customers: 0,
      fields: [],
      recipe: { id: 'list:/people', expected: 4, found: 0 },
    });
  });
  it('zero found, or far fewer than taught, is a warning naming the recipe’s page; one warning per page', () => {
    const at = (n: number) => ({ at: n, kind: 'list' as const, fields: [] });
    let health = recordObservation(undefined, '/people', { ...at(1), customers: 4, recipe: { id: 'list:/people', expected: 4, found: 4 } });
    expect(healthWarnings(health, [])).toEqual([]);
    health = recordObservation(health, '/people', { ...at(2), customers: 0, recipe: { id: 'list:/people', expected: 40, found: 0 } });
    const [warning, ...more] = healthWarnings(health, []);
    expect(more).toEqual([]);
    expect(warning).toEqual({ kind: 'recipe-empty', pageKey: '/people', recipe: 'list:/people', expected: 40, found: 0 });
    expect(healthSummary(health, []).status).toBe('stopped');
    const t = (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`;
    expect(warningText(warning!, t)).toBe('recipes.warning.empty(/people|40)');
    health = recordObservation(health, '/people', { ...at(3), customers: 9, recipe: { id: 'list:/people', expected: 40, found: 9 } });
    expect(healthWarnings(health, [])).toEqual([{ kind: 'recipe-short', pageKey: '/people', recipe: 'list:/people', expected: 40, found: 9 }]);
    health = recordObservation(health, '/people', { ...at(4), customers: 10, recipe: { id: 'list:/people', expected: 40, found: 10 } });
    expect(healthWarnings(health, [])).toEqual([]);
  });
});

describe('recipe handlers', () => {
  it('a page saves a recipe for its own site only; options list and remove them', async () => {
    let stored: SiteRecipes = {};
    const handlers = handlersOf(recipeCommands, {
      recipePorts: {
        recipes: { get: async () => stored, set: async (value) => void (stored = value) },
        startTeaching: async (tabId) => tabId === 3,
      },
    });
    await expect(handlers.saveSiteRecipe({ recipe }, { site: null, tabId: 1 })).rejects.toThrow('No CRM site');
    expect((await handlers.saveSiteRecipe({ recipe }, { site: 'http://crm.test', tabId: 1 })).recipe.version).toBe(1);
    expect((await handlers.saveSiteRecipe({ recipe }, { site: 'http://crm.test', tabId: 1 })).recipe.version).toBe(2);
    expect((await handlers.getSiteRecipes({ site: 'http://crm.test' }, { site: null, tabId: null })).recipes).toHaveLength(1);
    await handlers.deleteSiteRecipe({ site: 'http://crm.test', id: recipe.id }, { site: null, tabId: null });
    expect(stored).toEqual({});
    expect(await handlers.startTeaching({ tabId: 3 }, { site: null, tabId: null })).toEqual({ started: true });
    expect(await handlers.startTeaching({ tabId: 4 }, { site: null, tabId: null })).toEqual({ started: false });
  });
});
