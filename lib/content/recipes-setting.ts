import type { SiteKey } from '../domain';
import type { SiteRecipe, SiteRecipes } from '../recipes/recipe-schema';
import { siteRecipesItem } from '../recipes/recipes-item';
import { unwatchIfAlive } from '../risk/thresholds-watch';

/** The site's taught recipes, now and whenever one is taught, named, imported or removed. */
export function watchRecipes(site: SiteKey, onChange: (recipes: readonly SiteRecipe[]) => void, signal: AbortSignal): void {
  let current = '[]';
  const update = (all: SiteRecipes | null) => {
    const next = all?.[site] ?? [];
    const key = JSON.stringify(next);
    if (key === current) return;
    current = key;
    onChange(next);
  };
  void siteRecipesItem.getValue().then((all) => !signal.aborted && update(all), () => undefined);
  const unwatch = siteRecipesItem.watch(update);
  signal.addEventListener('abort', () => unwatchIfAlive(unwatch), { once: true });
}
