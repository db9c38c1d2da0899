import { describe, expect, it } from 'vitest';
import { CustomerDirectory, DEFAULT_PAGE_SIZE, listQueryString, pageWindow, parseListParams, queryCustomers, type ListParams } from '@/demo/core/list-query';
import { customerName } from '@/demo/core/names';
import { customers } from './fixtures';

const params = (p: Partial<ListParams> = {}): ListParams => ({ ...parseListParams(''), ...p });

describe('parseListParams / listQueryString', () => {
  it('defaults: page 1, 50 per page, data-set order, no search', () => {
    expect(parseListParams('')).toEqual({ page: 1, size: DEFAULT_PAGE_SIZE, sort: null, dir: 'asc', q: '' });
    expect(listQueryString(parseListParams(''))).toBe('');
  });

  it('round-trips a linkable state', () => {
    const qs = 'page=2&size=100&sort=MonthlyCharges&dir=desc&q=ab+c';
    const p = parseListParams(qs);
    expect(p).toEqual({ page: 2, size: 100, sort: 'MonthlyCharges', dir: 'desc', q: 'ab c' });
    expect(listQueryString(p)).toBe(qs);
  });

  it('falls back on invalid values', () => {
    expect(parseListParams('page=-3&size=33&sort=Churn&dir=sideways')).toEqual(parseListParams(''));
    expect(parseListParams('page=abc').page).toBe(1);
    expect(parseListParams(`q=${'x'.repeat(500)}`).q).toHaveLength(100);
  });
});

describe('CustomerDirectory.list', () => {
  const all = customers();
  const directory = new CustomerDirectory(all);

  it('pages in data-set order by default', () => {
    const page = directory.list(params(), 'en');
    expect(page.total).toBe(7043);
    expect(page.pages).toBe(Math.ceil(7043 / 50));
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((c) => c.id));
    const second = directory.list(params({ page: 2, size: 25 }), 'en');
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(25, 50).map((c) => c.id));
  });

  it('clamps the page to the last page', () => {
    const page = directory.list(params({ page: 9999, size: 1000 }), 'en');
    expect(page.page).toBe(8);
    expect(page.rows).toHaveLength(43);
  });

  it('sorts numbers numerically, both directions, ties in data-set order', () => {
    const asc = directory.list(params({ sort: 'MonthlyCharges', size: 1000 }), 'en');
    const values = asc.rows.map((r) => Number(r.cells.MonthlyCharges.replace(/[$,]/g, '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const desc = directory.list(params({ sort: 'tenure', dir: 'desc', size: 100 }), 'en');
    expect(desc.rows[0]!.cells.tenure).toBe('72 months');
    const tenure = desc.rows.map((r) => Number.parseInt(r.cells.tenure, 10));
    expect(tenure).toEqual([...tenure].sort((a, b) => b - a));
    const index = new Map(all.map((c, i) => [c.id, i]));
    const top = desc.rows.filter((r) => r.cells.tenure === '72 months').map((r) => index.get(r.id)!);
    expect(top).toEqual([...top].sort((a, b) => a - b));
  });

  it('sorts text columns by their displayed text', () => {
    const byName = directory.list(params({ sort: 'name', size: 1000 }), 'en').rows.map((r) => r.cells.name);
    const sorted = [...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(byName).toEqual(sorted);
    const byStatus = directory.list(params({ sort: 'Status', dir: 'desc', size: 25 }), 'en');
    expect(byStatus.rows[0]!.cells.Status).toBe('Churned');
    const byPlan = directory.list(params({ sort: 'InternetService', size: 25 }), 'en');
    expect(byPlan.rows[0]!.cells.InternetService).toBe('DSL');
  });

  it('searches names (current locale) and ids, case-insensitively', () => {
    const byId = directory.list(params({ q: 'vhveg' }), 'en');
    expect(byId.rows.map((r) => r.id)).toEqual(['7590-VHVEG']);
    const name = customerName('5575-GNVDE', 'Male', 'zh');
    const byZhName = directory.list(params({ q: name, size: 1000 }), 'zh');
    expect(byZhName.rows.map((r) => r.id)).toContain('5575-GNVDE');
    for (const r of byZhName.rows) expect(r.cells.name).toContain(name);
    const surname = directory.list(params({ q: 'SMITH', size: 1000 }), 'en');
    expect(surname.total).toBeGreaterThan(50);
    for (const r of surname.rows) expect(r.cells.name.toLowerCase()).toContain('smith');
    const none = directory.list(params({ q: 'no such customer' }), 'en');
    expect(none).toMatchObject({ total: 0, page: 1, pages: 1, rows: [] });
  });

  it('answers the same as a one-off query', () => {
    const p = params({ sort: 'owner', dir: 'desc', page: 3, size: 100, q: 'a' });
    expect(queryCustomers(all, p, 'zh')).toEqual(directory.list(p, 'zh'));
  });
});

describe('pageWindow', () => {
  it('shows first, last and the current page ±2', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, 10]);
    expect(pageWindow(7, 254)).toEqual([1, 5, 6, 7, 8, 9, 254]);
    expect(pageWindow(10, 10)).toEqual([1, 8, 9, 10]);
  });
});
