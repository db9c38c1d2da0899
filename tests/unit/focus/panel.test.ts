import { describe, expect, it } from 'vitest';
import { followedTabOf } from '@/lib/focus/followed-tab';
import { panelSubject } from '@/lib/focus/panel-subject';

const EXT = 'chrome-extension://abc/';
const S = 'https://crm.test';

describe('followedTabOf', () => {
  it('follows the active tab', () => {
    expect(
      followedTabOf(
        [
          { id: 1, url: `${S}/a`, lastAccessed: 9 },
          { id: 2, url: `${S}/b`, active: true, lastAccessed: 5 },
        ],
        EXT,
      ),
    ).toBe(2);
  });
  it('a tab of a site we may not see (no URL) is still followed', () => {
    expect(followedTabOf([{ id: 4, active: true }], EXT)).toBe(4);
  });
  it('the panel opened as a tab follows the most recently used other tab', () => {
    const tabs = [
      { id: 1, url: `${S}/a`, lastAccessed: 5 },
      { id: 2, url: `${S}/b`, lastAccessed: 8 },
      { id: 3, url: `${EXT}options.html`, lastAccessed: 9 },
      { id: 4, url: `${EXT}sidepanel.html`, active: true, lastAccessed: 10 },
    ];
    expect(followedTabOf(tabs, EXT)).toBe(2);
  });
  it('none when only extension pages are open', () => {
    expect(followedTabOf([{ id: 4, url: `${EXT}sidepanel.html`, active: true }], EXT)).toBeNull();
    expect(followedTabOf([], EXT)).toBeNull();
  });
});

describe('panelSubject', () => {
  const at = 1;
  it.each([
    ['no CRM page', null, { kind: 'no-page' }],
    ['reading', { state: 'reading', site: S, url: S, at }, { kind: 'reading' }],
    ['a list', { state: 'list', site: S, url: S, at }, { kind: 'pick' }],
    ['unreadable', { state: 'unreadable', site: S, url: S, at }, { kind: 'unreadable', site: S }],
    ['a customer', { state: 'customer', site: S, url: S, at, crmId: 'a', how: 'detail' }, { kind: 'customer', site: S, crmId: 'a', basis: 'page' }],
  ] as const)('%s', (_name, page, expected) => {
    expect(panelSubject(page, null)).toEqual(expected);
  });
  it('a worklist choice is shown, and said to be one, whatever the page', () => {
    expect(panelSubject({ state: 'unreadable', site: S, url: S, at }, { site: S, crmId: 'z' })).toEqual({
      kind: 'customer',
      site: S,
      crmId: 'z',
      basis: 'worklist',
    });
  });
});
