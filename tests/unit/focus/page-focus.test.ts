import { describe, expect, it } from 'vitest';
import { focusedCustomerOf, nextPageFocus, pageFocusSchema, type PageEvent, type PageFocus } from '@/lib/focus/page-focus';

const S = 'https://crm.test';
const LIST = `${S}/customers`;
const A = `${S}/customers/a`;
const B = `${S}/customers/b`;
const AT = 50;

const reading = (url: string, at = 1): PageFocus => ({ state: 'reading', site: S, url, at });
const list = (url = LIST, at = 1): PageFocus => ({ state: 'list', site: S, url, at });
const detail = (crmId: string, url: string, at = 1): PageFocus => ({ state: 'customer', site: S, url, at, crmId, how: 'detail' });
const picked = (crmId: string, url = LIST, at = 1): PageFocus => ({ state: 'customer', site: S, url, at, crmId, how: 'picked' });
const unreadable = (url: string, at = 1): PageFocus => ({ state: 'unreadable', site: S, url, at });

const read = (url: string, customers: number, kind: 'list' | 'detail' | null, detailId: string | null = null): PageEvent => ({
  type: 'read',
  site: S,
  url,
  kind,
  customers,
  detailId,
});
const settled = (url: string): PageEvent => ({ type: 'settled-empty', site: S, url });
const pick = (crmId: string): PageEvent => ({ type: 'picked', site: S, crmId });
const nav = (url: string | null, site: string | null = S): PageEvent => ({ type: 'navigated', site, url });

/** [case, focus before, event, focus after ('same': the very object, nothing changed)]. */
const CASES: [string, PageFocus | undefined, PageEvent, PageFocus | undefined | 'same'][] = [
  ['a detail page names its customer', undefined, read(A, 1, 'detail', 'a'), detail('a', A, AT)],
  ['SPA navigation to another customer’s page moves to them', detail('a', A), read(B, 1, 'detail', 'b'), detail('b', B, AT)],
  ['the same detail read again changes nothing', detail('a', A), read(A, 1, 'detail', 'a'), 'same'],
  ['a list asks to pick a customer', detail('a', A), read(LIST, 20, 'list'), list(LIST, AT)],
  ['a list keeps the customer picked on it', picked('a'), read(LIST, 25, 'list'), 'same'],
  ['another list page forgets the pick', picked('a'), read(`${LIST}?page=2`, 25, 'list'), list(`${LIST}?page=2`, AT)],
  ['a detail kind with several customers is a list', undefined, read(A, 3, 'detail', null), list(A, AT)],
  ['a new page with nothing yet is being read, never the customer before', detail('a', A), read(`${S}/dashboard`, 0, null), reading(`${S}/dashboard`, AT)],
  ['the same page passing through empty (a re-render) keeps its customer', picked('a'), read(LIST, 0, 'list'), 'same'],
  ['settled empty: this page could not be read', reading(`${S}/x`), settled(`${S}/x`), unreadable(`${S}/x`, AT)],
  ['settled empty on the page that showed a customer (its layout changed)', detail('a', A), settled(A), unreadable(A, AT)],
  ['settled empty for a page the tab has left is ignored', reading(B), settled(A), 'same'],
  ['settled empty with no page known yet', undefined, settled(A), unreadable(A, AT)],
  ['unreadable stays unreadable', unreadable(A), settled(A), 'same'],
  ['a readable page after an unreadable one', unreadable(`${S}/x`), read(B, 1, 'detail', 'b'), detail('b', B, AT)],
  ['a pick on a list', list(), pick('b'), picked('b', LIST, AT)],
  ['a pick on a detail page (a related customer’s badge)', detail('a', A), pick('c'), picked('c', A, AT)],
  ['picking the shown customer again changes nothing', picked('a'), pick('a'), 'same'],
  ['a pick with no page known is ignored', undefined, pick('a'), undefined],
  ['a pick from another site’s frame is ignored', detail('a', A), { type: 'picked', site: 'https://other.test', crmId: 'z' }, 'same'],
  ['the browser navigates the tab elsewhere in the CRM', detail('a', A), nav(B), reading(B, AT)],
  ['navigation the content script already reported changes nothing', detail('b', B), nav(B), 'same'],
  ['the tab leaves for a site that is not an enabled CRM', detail('a', A), nav(null, null), undefined],
  [
    'the tab goes to another enabled CRM',
    detail('a', A),
    nav('https://crm2.test/x', 'https://crm2.test'),
    { state: 'reading', site: 'https://crm2.test', url: 'https://crm2.test/x', at: AT },
  ],
];

describe('nextPageFocus', () => {
  it.each(CASES)('%s', (_name, before, event, expected) => {
    const after = nextPageFocus(before, event, AT);
    if (expected === 'same') expect(after).toBe(before);
    else expect(after).toEqual(expected);
    if (after) expect(pageFocusSchema.parse(after)).toEqual(after);
  });
  it('covers every state and every event', () => {
    const results = CASES.map(([, before, , expected]) => (expected === 'same' ? before : expected));
    expect(new Set(results.map((f) => f?.state ?? 'none'))).toEqual(new Set(['reading', 'customer', 'list', 'unreadable', 'none']));
    expect(new Set(CASES.map(([, , event]) => event.type))).toEqual(new Set(['read', 'settled-empty', 'picked', 'navigated']));
  });
});

describe('focusedCustomerOf', () => {
  it('names the customer of a customer focus only', () => {
    expect(focusedCustomerOf(picked('a'))).toEqual({ site: S, crmId: 'a' });
    expect(focusedCustomerOf(list())).toBeNull();
    expect(focusedCustomerOf(null)).toBeNull();
  });
});
