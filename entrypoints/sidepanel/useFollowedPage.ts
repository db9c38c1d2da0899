import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseCustomerTarget } from '@/components/customer-target';
import type { SiteKey } from '@/lib/domain';
import { followedTabOf } from '@/lib/focus/followed-tab';
import type { PageFocus } from '@/lib/focus/page-focus';
import { panelSubject, type PanelSubject } from '@/lib/focus/panel-subject';
import { sendMessage } from '@/lib/messaging/browser-client';
import { onBackgroundEvent } from '@/lib/messaging/events';

type Chosen = { site: SiteKey; crmId: string };

async function followedTab(): Promise<number | null> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  return followedTabOf(tabs, browser.runtime.getURL('/'));
}

/** `?site=&crmId=` names a customer explicitly (a link to the panel), like a worklist choice. */
function initialChoice(): Chosen | null {
  const target = parseCustomerTarget(window.location.search);
  return target.site && target.crmId ? { site: target.site, crmId: target.crmId } : null;
}

/**
 * The tab the side panel follows and what its page shows (lib/focus): it
 * follows tab switches in its window and the background's page-focus changes
 * (SPA navigation included). A worklist choice is told to the background (so
 * actions on that customer are accepted) and lasts until the tab's page changes.
 */
export function useFollowedPage(): { tabId: number | null; subject: PanelSubject | null; choose: (customer: Chosen) => void; clearChoice: () => void } {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [page, setPage] = useState<PageFocus | null | undefined>(undefined);
  const [chosen, setChosen] = useState<Chosen | null>(initialChoice);
  const following = useRef<number | null | undefined>(undefined);
  const sequence = useRef(0);

  /** start: first read; switch: a tab was activated or closed (any window); page: the followed tab's page changed. */
  const read = useCallback(async (why: 'start' | 'switch' | 'page') => {
    const id = ++sequence.current;
    const tab = await followedTab().catch(() => null);
    const focus = tab === null ? null : (await sendMessage('getPageFocus', { tabId: tab }).catch(() => ({ focus: null }))).focus;
    if (id !== sequence.current) return; // a newer read superseded this one
    const moved = tab !== following.current;
    following.current = tab;
    setTabId(tab);
    setPage(focus);
    if (why === 'page' || (why === 'switch' && moved)) setChosen(null);
  }, []);

  useEffect(() => {
    void read('start').then(() => {
      const first = initialChoice();
      if (first) void sendMessage('chooseCustomer', { ...first, tabId: following.current ?? null }).catch(() => undefined);
    });
    const switched = () => void read('switch');
    browser.tabs.onActivated.addListener(switched);
    browser.tabs.onRemoved.addListener(switched);
    const stop = onBackgroundEvent((event) => {
      if (event.type === 'page-focus-changed' && event.tabId === following.current) void read('page');
    });
    return () => {
      browser.tabs.onActivated.removeListener(switched);
      browser.tabs.onRemoved.removeListener(switched);
      stop();
    };
  }, [read]);

  const choose = useCallback((customer: Chosen) => {
    setChosen(customer);
    void sendMessage('chooseCustomer', { ...customer, tabId: following.current ?? null }).catch(() => undefined);
  }, []);
  const clearChoice = useCallback(() => setChosen(null), []);

  const known = tabId !== undefined && page !== undefined;
  return { tabId: tabId ?? null, subject: known || chosen ? panelSubject(page ?? null, chosen) : null, choose, clearChoice };
}
