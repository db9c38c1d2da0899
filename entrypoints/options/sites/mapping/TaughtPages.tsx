import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { formatRelativeTime } from '@/components/format';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { SiteRecipe } from '@/lib/recipes/recipe-schema';
import { siteRecipesItem } from '@/lib/recipes/recipes-item';
import { buttonClass } from '@/entrypoints/options/ui';
import { PickOnPage } from './PickOnPage';

/** A site's taught recipes (lib/recipes): what each reads, its version, remove; and teaching on an open tab. */
export function TaughtPages({ site, locale }: { site: string; locale: string }) {
  const [recipes, setRecipes] = useState<SiteRecipe[]>([]);
  useEffect(() => {
    let live = true;
    void siteRecipesItem.getValue().then((all) => live && setRecipes(all[site] ?? []));
    const unwatch = siteRecipesItem.watch((all) => setRecipes(all?.[site] ?? []));
    return () => {
      live = false;
      unwatch();
    };
  }, [site]);
  const now = Date.now();

  return (
    <section aria-labelledby="taught-pages" className="space-y-2 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id="taught-pages" className="text-sm font-semibold text-slate-800">
            {i18n.t('recipes.section.title')}
          </h3>
          <p className="text-xs text-slate-500">{i18n.t('recipes.section.intro')}</p>
        </div>
        <PickOnPage site={site} tool="teach" />
      </div>
      {recipes.length === 0 ? (
        <p className="text-xs text-slate-500">{i18n.t('recipes.section.none')}</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label={i18n.t('recipes.section.tableLabel')}>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              <th className="py-1.5 pr-3 font-medium">{i18n.t('recipes.section.page')}</th>
              <th className="py-1.5 pr-3 font-medium">{i18n.t('recipes.section.kind')}</th>
              <th className="py-1.5 pr-3 font-medium">{i18n.t('recipes.section.reads')}</th>
              <th className="py-1.5 pr-3 font-medium">{i18n.t('recipes.section.version')}</th>
              <th className="py-1.5 pr-3 font-medium">{i18n.t('recipes.section.taught')}</th>
              <th className="py-1.5" />
            </tr>
          </thead>
          <tbody>
            {recipes.map((recipe) => (
              <tr key={recipe.id} className="border-b border-slate-100">
                <td className="py-1.5 pr-3 font-mono text-xs">{recipe.pageKey}</td>
                <td className="py-1.5 pr-3">{recipe.kind === 'list' ? i18n.t('recipes.section.kindList') : i18n.t('recipes.section.kindDetail')}</td>
                <td className="py-1.5 pr-3">
                  {recipe.kind === 'list'
                    ? i18n.t('recipes.section.readsList', [String(recipe.expected), String(recipe.fields.length)])
                    : i18n.t('recipes.section.readsDetail', [String(recipe.fields.length)])}
                </td>
                <td className="py-1.5 pr-3">{recipe.version}</td>
                <td className="py-1.5 pr-3">{formatRelativeTime(recipe.taughtAt, now, locale)}</td>
                <td className="py-1.5 text-right">
                  <button
                    type="button"
                    className={buttonClass('danger', 'sm')}
                    aria-label={i18n.t('recipes.section.removeLabel', [recipe.pageKey])}
                    onClick={() => void sendMessage('deleteSiteRecipe', { site, id: recipe.id })}
                  >
                    {i18n.t('recipes.section.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
