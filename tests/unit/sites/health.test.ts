import { describe, expect, it } from 'vitest';
import {
  fieldLabels,
  healthSummary,
  inferredDateOrder,
  healthWarnings,
  mappedLabelsOf,
  pageKeyOf,
  pageReadable,
  recordObservation,
  type PageObservation,
  type SiteHealth,
} from '@/lib/sites/health';

const obs = (at: number, customers: number, fields: string[] = []): PageObservation => ({ at, kind: customers ? 'list' : null, customers, fields });
const record = (observations: [string, PageObservation][], start?: SiteHealth) =>
  observations.reduce<SiteHealth | undefined>((health, [key, o]) => recordObservation(health, key, o), start)!;

describe('pageKeyOf', () => {
  it('groups records of one kind and drops ids, searches and paging', () => {
    expect(pageKeyOf('https://crm.example.com/accounts/42')).toBe('/accounts/:id');
    expect(pageKeyOf('https://crm.example.com/accounts/0015g00000XyZabAAB/view')).toBe('/accounts/:id/view');
    expect(pageKeyOf('https://crm.example.com/accounts?page=2&q=acme%20inc')).toBe('/accounts');
    expect(pageKeyOf('https://crm.example.com/c/8f14e45f-ceea-467f-a0e6-1f2a3b4c5d6e')).toBe('/c/:id');
  });
  it('keeps word-valued query parameters (module, action) and hash routes', () => {
    expect(pageKeyOf('https://suite.example.com/index.php?module=Accounts&action=index&record=17')).toBe('/index.php?action=index&module=Accounts');
    expect(pageKeyOf('https://app.example.com/#/accounts/42?tab=info')).toBe('/#/accounts/:id');
    expect(pageKeyOf('http://localhost:4321/suitecrm-accounts-list.html')).toBe('/suitecrm-accounts-list.html');
  });
});

describe('recordObservation', () => {
  it('counts pages, remembers the last success and bounds history per page kind and page kinds', () => {
    let health = record([
      ['/a', obs(1, 5)],
      ['/a', obs(2, 0)],
    ]);
    expect(health).toMatchObject({ pagesSeen: 2, lastSeenAt: 2, lastSuccessAt: 1 });
    for (let i = 0; i < 30; i++) health = recordObservation(health, '/a', obs(10 + i, 1), { perPage: 10, pageKeys: 3, recent: 8 });
    expect(health.pages['/a']).toHaveLength(10);
    for (let i = 0; i < 5; i++) health = recordObservation(health, `/k${i}`, obs(100 + i, 1), { perPage: 10, pageKeys: 3, recent: 8 });
    expect(Object.keys(health.pages).sort()).toEqual(['/k2', '/k3', '/k4']);
  });
});

describe('healthWarnings', () => {
  it('warns when a kind of page that yielded customers yields none', () => {
    const health = record([
      ['/accounts', obs(1, 20)],
      ['/accounts', obs(2, 0)],
    ]);
    expect(healthWarnings(health, [])).toEqual([{ kind: 'no-customers', pageKey: '/accounts', previously: 20 }]);
    expect(pageReadable(health, '/accounts')).toBe(false);
  });
  it('does not warn about pages that never showed customers, nor once the page reads again', () => {
    const health = record([
      ['/settings', obs(1, 0)],
      ['/settings', obs(2, 0)],
      ['/accounts', obs(3, 20)],
      ['/accounts', obs(4, 0)],
      ['/accounts', obs(5, 18)],
    ]);
    expect(healthWarnings(health, [])).toEqual([]);
    expect(pageReadable(health, '/settings')).toBe(true);
    expect(pageReadable(health, '/accounts')).toBe(true);
    expect(pageReadable(health, '/never-seen')).toBe(true);
  });
  it('warns when a mapped field the page showed is gone, only for mapped labels', () => {
    const health = record([
      ['/accounts/:id', obs(1, 1, ['Monthly fee', 'Owner', 'Notes'])],
      ['/accounts/:id', obs(2, 1, ['Owner'])],
    ]);
    expect(healthWarnings(health, ['Monthly fee', 'Tenure'])).toEqual([{ kind: 'field-missing', pageKey: '/accounts/:id', label: 'Monthly fee' }]);
  });
});

describe('healthSummary', () => {
  it('says no data before any page', () => {
    expect(healthSummary(undefined, ['Monthly fee'])).toMatchObject({ status: 'no-data', pagesSeen: 0, mappedFields: 1, mappedFound: [] });
  });
  it('sums up pages, recent customers per page, mapped fields found and the warnings', () => {
    const health = record([
      ['/list', obs(1, 20, ['Monthly fee'])],
      ['/detail/:id', obs(2, 1, ['Monthly fee', 'Tenure'])],
      ['/list', obs(3, 0)],
    ]);
    const summary = healthSummary(health, ['Monthly fee', 'Tenure', 'Plan']);
    expect(summary).toMatchObject({
      status: 'stopped',
      pagesSeen: 3,
      lastSeenAt: 3,
      lastSuccessAt: 2,
      recentCustomers: [20, 1, 0],
      mappedFields: 3,
      mappedFound: ['Monthly fee', 'Tenure'],
    });
    expect(summary.warnings).toEqual([{ kind: 'no-customers', pageKey: '/list', previously: 20 }]);
  });
});

describe('mappedLabelsOf and fieldLabels', () => {
  it('ignored labels are not expected on pages', () => {
    expect(mappedLabelsOf({ fields: { 'Monthly fee': 'monthly_value', Notes: 'ignore' } })).toEqual(['Monthly fee']);
    expect(mappedLabelsOf(undefined)).toEqual([]);
  });
  it('collects labels once, bounded', () => {
    expect(fieldLabels([{ fields: { a: '1', b: '2' } }, { fields: { b: '3', c: '4' } }])).toEqual(['a', 'b', 'c']);
    expect(fieldLabels([{ fields: { a: '1', b: '2', c: '3' } }], 2)).toEqual(['a', 'b']);
  });
});

describe('inferredDateOrder', () => {
  const at = (n: number, dateOrder?: PageObservation['dateOrder']): PageObservation => ({ ...obs(n, 5), ...(dateOrder ? { dateOrder } : {}) });
  it('is the latest order a page settled by itself; the manager’s setting is not an inference', () => {
    expect(
      inferredDateOrder([
        at(1, { order: 'dmy', source: 'page' }),
        at(2),
        at(3, { order: 'mdy', source: 'language' }),
        at(4, { order: 'dmy', source: 'setting' }),
      ]),
    ).toEqual({ order: 'mdy', source: 'language' });
    expect(inferredDateOrder([at(1), at(2, { order: 'dmy', source: 'setting' })])).toBeNull();
  });
  it('is in the site’s health summary', () => {
    const health = record([
      ['/a', at(1, { order: 'dmy', source: 'page' })],
      ['/b', at(2)],
    ]);
    expect(healthSummary(health, []).inferredDateOrder).toEqual({ order: 'dmy', source: 'page' });
    expect(healthSummary(undefined, []).inferredDateOrder).toBeNull();
  });
});
