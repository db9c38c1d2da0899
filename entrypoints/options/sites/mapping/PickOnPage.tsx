import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messaging/browser-client';
import type { SiteTabView } from '@/lib/mapping/mapping-commands';
import { buttonClass, Select } from '@/entrypoints/options/ui';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

/** What a page tool's button says and starts. */
const TOOLS = {
  picker: {
    message: 'startFieldPicker',
    button: () => i18n.t('mapping.pickOnPage'),
    started: (tab: string) => i18n.t('mapping.pickStarted', [tab]),
    failed: () => i18n.t('mapping.pickFailed'),
  },
  teach: {
    message: 'startTeaching',
    button: () => i18n.t('recipes.section.teach'),
    started: (tab: string) => i18n.t('recipes.section.started', [tab]),
    failed: () => i18n.t('recipes.section.failed'),
  },
} as const;

/** "Pick on page" / "Teach on page": a page tool on an open tab of this site. */
export function PickOnPage({ site, tool = 'picker' }: { site: string; tool?: keyof typeof TOOLS }) {
  const words = TOOLS[tool];
  const [tabs, setTabs] = useState<SiteTabView[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    let live = true;
    setTabs(null);
    setNotice(null);
    sendMessage('getSiteTabs', { site }).then(
      ({ tabs: found }) => {
        if (!live) return;
        setTabs(found);
        setTabId(found[0]?.tabId ?? null);
      },
      () => live && setTabs([]),
    );
    return () => {
      live = false;
    };
  }, [site]);

  const start = () => {
    const tab = tabs?.find((candidate) => candidate.tabId === tabId);
    if (!tab) return setNotice({ tone: 'error', text: i18n.t('mapping.pickNoTab') });
    setNotice(null);
    sendMessage(words.message, { tabId: tab.tabId }).then(
      ({ started }) => setNotice(started ? { tone: 'ok', text: words.started(tab.title || tab.url) } : { tone: 'error', text: words.failed() }),
      (error: unknown) => setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        {tabs && tabs.length > 1 && (
          <Select aria-label={i18n.t('mapping.pickTab')} value={tabId ?? ''} onChange={(event) => setTabId(Number(event.target.value))} className="max-w-56">
            {tabs.map((tab) => (
              <option key={tab.tabId} value={tab.tabId}>
                {tab.title || tab.url}
              </option>
            ))}
          </Select>
        )}
        <button
          type="button"
          className={buttonClass('secondary', 'sm')}
          onClick={start}
          disabled={tabs === null}
          title={tabs?.length === 0 ? i18n.t('mapping.pickNoTab') : undefined}
        >
          {words.button()}
        </button>
      </div>
      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`text-xs ${notice.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
