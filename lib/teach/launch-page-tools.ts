/**
 * Starting the page tools the manager injects into a CRM tab (the field picker and the
 * teaching overlay): both read the site's field mapping first, to suggest what each label means.
 */
import { adapterFor } from '@/lib/adapters/registry';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import type { ProductField } from '@/lib/fields/product-fields';
import { t } from '@/lib/i18n';
import { fieldMappingsItem } from '@/lib/mapping/mapping-item';
import { sendMessage } from '@/lib/messaging/browser-client';
import { startPicker } from '@/lib/content/picker/picker';
import { startTeaching } from './overlay';

/** What an injected page tool runs with: its lifetime and the page's timers. */
export interface ToolHost {
  signal: AbortSignal;
  frame: (callback: () => void) => void;
  later: (callback: () => void, ms: number) => void;
}

/** What every page tool is started with, besides its own callbacks. */
interface ToolStart {
  host: ToolHost;
  doc: Document;
  url: URL;
  t: typeof t;
  locale: string;
  suggest: (label: string) => ProductField | null;
}

/** A launcher for one tool: a second start stops the first, whatever the mapping lookup's timing. */
function pageToolLauncher(start: (context: ToolStart) => { stop: () => void }) {
  let running: { stop: () => void } | null = null;
  return (host: ToolHost, doc: Document): void => {
    running?.stop();
    void fieldMappingsItem
      .getValue()
      .catch(() => ({}) as Awaited<ReturnType<typeof fieldMappingsItem.getValue>>)
      .then((mappings) => {
        const resolve = createFieldResolver(mappings[location.origin]?.fields);
        running = start({ host, doc, url: new URL(location.href), t, locale: t('common.intlLocale') || 'en', suggest: (label) => resolve(label) ?? null });
      });
  };
}

/** Show the picker on this page, suggesting what each label means now. */
export const launchPicker = pageToolLauncher(({ host, doc, url, ...common }) => {
  const adapter = adapterFor(url, doc);
  return startPicker({
    ...common,
    doc,
    url,
    storedLabel: adapter?.storedLabelOf ? (element) => adapter.storedLabelOf!(element) : undefined,
    save: async (label, target) => void (await sendMessage('saveFieldLabel', { label, target })),
    signal: host.signal,
    frame: host.frame,
    later: host.later,
  });
});

/** Show the teaching overlay on this page. */
export const launchTeaching = pageToolLauncher(({ host, doc, url, ...common }) =>
  startTeaching({
    ...common,
    doc,
    url,
    saveRecipe: async (recipe) => (await sendMessage('saveSiteRecipe', { recipe })).recipe,
    saveLabel: async (label, target) => void (await sendMessage('saveFieldLabel', { label, target })),
    signal: host.signal,
    frame: host.frame,
    now: () => Date.now(),
  }),
);
