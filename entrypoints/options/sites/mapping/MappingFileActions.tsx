import { useRef } from 'react';
import { i18n } from '#i18n';
import { dateOrderItem } from '@/lib/mapping/date-order-item';
import { exportMappingFile, parseMappingFile } from '@/lib/mapping/mapping-file';
import { fieldMappingsItem } from '@/lib/mapping/mapping-item';
import { mergeMappings } from '@/lib/mapping/mapping-ops';
import { mergeRecipes } from '@/lib/recipes/recipe-ops';
import { siteRecipesItem } from '@/lib/recipes/recipes-item';
import { buttonClass, downloadText, readFileText } from '@/entrypoints/options/ui';

/** Export every site's mapping, taught recipes and date order as one file; import one (checked first, merged per site; a bad file changes nothing). */
export function MappingFileActions({ onResult }: { onResult: (result: { tone: 'ok' | 'error'; text: string }) => void }) {
  const input = useRef<HTMLInputElement>(null);

  const exportFile = async () => {
    const now = Date.now();
    downloadText(
      `churn-radar-field-mapping-${new Date(now).toISOString().slice(0, 10)}.json`,
      exportMappingFile(await fieldMappingsItem.getValue(), now, undefined, await siteRecipesItem.getValue(), await dateOrderItem.getValue()),
    );
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await readFileText(file, 'mapping');
    } catch (error) {
      return onResult({ tone: 'error', text: i18n.t('mapping.importFailed', [error instanceof Error ? error.message : String(error)]) });
    } finally {
      if (input.current) input.current.value = '';
    }
    const parsed = parseMappingFile(text, Date.now());
    if (!parsed.ok) return onResult({ tone: 'error', text: i18n.t('mapping.importFailed', [parsed.error]) });
    await fieldMappingsItem.setValue(mergeMappings(await fieldMappingsItem.getValue(), parsed.mappings, Date.now()));
    if (parsed.recipeCount > 0) await siteRecipesItem.setValue(mergeRecipes(await siteRecipesItem.getValue(), parsed.recipes));
    const dated = Object.keys(parsed.dateOrders).length;
    if (dated > 0) await dateOrderItem.setValue({ ...(await dateOrderItem.getValue()), ...parsed.dateOrders });
    const taught = parsed.recipeCount > 0 ? ` ${i18n.t('recipes.imported', [String(parsed.recipeCount)])}` : '';
    const dates = dated > 0 ? ` ${i18n.t('dateOrder.imported', [String(dated)])}` : '';
    onResult({ tone: 'ok', text: `${i18n.t('mapping.imported', [String(parsed.labels), String(parsed.sites)])}${taught}${dates}` });
  };

  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={buttonClass('secondary', 'sm')} onClick={() => void exportFile()}>
        {i18n.t('mapping.export')}
      </button>
      <label className={`${buttonClass('secondary', 'sm')} cursor-pointer`}>
        {i18n.t('mapping.import')}
        <input ref={input} type="file" accept="application/json,.json" className="sr-only" onChange={(event) => void importFile(event.target.files?.[0])} />
      </label>
    </div>
  );
}
