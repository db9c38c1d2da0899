import { describe, expect, it } from 'vitest';
import { actionBasis, type WorklistChoice } from '@/lib/focus/action-guard';
import type { PageFocus } from '@/lib/focus/page-focus';

const S = 'https://crm.test';
const ann = { site: S, crmId: 'a' };
const annPage: PageFocus = { state: 'customer', site: S, url: `${S}/a`, at: 10, crmId: 'a', how: 'detail' };
const bobPage: PageFocus = { state: 'customer', site: S, url: `${S}/b`, at: 20, crmId: 'b', how: 'detail' };
const listPage: PageFocus = { state: 'list', site: S, url: `${S}/list`, at: 30 };
const chose = (over: Partial<WorklistChoice> = {}): WorklistChoice => ({ site: S, crmId: 'a', tabId: 3, pageAt: 20, ...over });

/** [case, tab the panel follows, its page, worklist choice, basis or null (refused)]. */
const CASES: [string, number | null, PageFocus | undefined, WorklistChoice | null, 'page' | 'worklist' | null][] = [
  ['the tab shows Ann', 3, annPage, null, 'page'],
  ['the tab shows Bob (a stale panel still shows Ann)', 3, bobPage, null, null],
  ['Ann picked on a list', 3, { state: 'customer', site: S, url: `${S}/list`, at: 5, crmId: 'a', how: 'picked' }, null, 'page'],
  ['a list with nobody picked', 3, listPage, null, null],
  ['an unreadable page', 3, { state: 'unreadable', site: S, url: `${S}/x`, at: 1 }, null, null],
  ['a page being read', 3, { state: 'reading', site: S, url: `${S}/x`, at: 1 }, null, null],
  ['no CRM page in the tab', 3, undefined, null, null],
  ['no tab followed', null, undefined, null, null],
  ['same id on another site', 3, { ...annPage, site: 'https://other.test' }, null, null],
  ['Ann chosen in the worklist while the tab shows Bob', 3, bobPage, chose(), 'worklist'],
  ['the choice was made on another tab', 4, bobPage, chose(), null],
  ['the tab’s page changed since the choice', 3, { ...bobPage, at: 21 }, chose(), null],
  ['chosen with no tab followed and no page', null, undefined, chose({ tabId: null, pageAt: null }), 'worklist'],
  ['somebody else chosen', 3, bobPage, chose({ crmId: 'c' }), null],
];

describe('actionBasis', () => {
  it.each(CASES)('%s', (_name, tabId, page, choice, expected) => {
    expect(actionBasis(ann, tabId, page, choice)).toBe(expected);
  });
});
