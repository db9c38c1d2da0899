import type { ToolHost } from '../content/picker/launch';
import { createFieldResolver } from '../fields/field-resolver';
import { t } from '../i18n';
import { fieldMappingsItem } from '../mapping/mapping-item';
import { sendMessage } from '../messaging/browser-client';
import { startTeaching } from './overlay';

let running: { stop: () => void } | null = null;

/** Show the teaching overlay on this page (a second start replaces the first). */
export function launchTeaching(host: ToolHost, doc: Document): void {
  running?.stop();
  void fieldMappingsItem
    .getValue()
    .catch(() => ({}) as Awaited<ReturnType<typeof fieldMappingsItem.getValue>>)
    .then((mappings) => {
      const resolve = createFieldResolver(mappings[location.origin]?.fields);
      running = startTeaching({
        doc,
        url: new URL(location.href),
        t,
        locale: t('common.intlLocale') || 'en',
        suggest: (label) => resolve(label) ?? null,
        saveRecipe: async (recipe) => (await sendMessage('saveSiteRecipe', { recipe })).recipe,
        saveLabel: async (label, target) => void (await sendMessage('saveFieldLabel', { label, target })),
        signal: host.signal,
        frame: host.frame,
        now: () => Date.now(),
      });
    });
}
