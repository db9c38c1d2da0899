import { adapterFor } from '../../adapters/registry';
import { createFieldResolver } from '../../fields/field-resolver';
import { t } from '../../i18n';
import { fieldMappingsItem } from '../../mapping/mapping-item';
import { sendMessage } from '../../messaging/browser-client';
import { startPicker } from './picker';

/** What an injected page tool runs with: its lifetime and the page's timers. */
export interface ToolHost {
  signal: AbortSignal;
  frame: (callback: () => void) => void;
  later: (callback: () => void, ms: number) => void;
}

let running: { stop: () => void } | null = null;

/** Show the picker on this page (once: a second start replaces the first), suggesting what each label means now. */
export function launchPicker(host: ToolHost, doc: Document): void {
  running?.stop();
  void fieldMappingsItem
    .getValue()
    .catch(() => ({}) as Awaited<ReturnType<typeof fieldMappingsItem.getValue>>)
    .then((mappings) => {
      const resolve = createFieldResolver(mappings[location.origin]?.fields);
      const url = new URL(location.href);
      const adapter = adapterFor(url, doc);
      running = startPicker({
        doc,
        url,
        storedLabel: adapter?.storedLabelOf ? (element) => adapter.storedLabelOf!(element) : undefined,
        t,
        locale: t('common.intlLocale') || 'en',
        suggest: (label) => resolve(label) ?? null,
        save: async (label, target) => void (await sendMessage('saveFieldLabel', { label, target })),
        signal: host.signal,
        frame: host.frame,
        later: host.later,
      });
    });
}
