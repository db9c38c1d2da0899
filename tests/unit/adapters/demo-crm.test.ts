// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CRM_SELECTORS, demoCrmAdapter } from '../../../lib/adapters/demo-crm';
import { adapterFor } from '../../../lib/adapters/registry';
import { DEMO_CRM_ORIGIN } from '../../../lib/demo-origin';

/** Saved demo CRM pages (scripts/save-demo-fixtures.ts regenerates them). */
function load(name: string): Document {
  document.documentElement.innerHTML = readFileSync(`tests/fixtures/demo-crm/${name}.html`, 'utf8').replace(/^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/gi, '');
  return document;
}
const url = (path: string) => new URL(`${DEMO_CRM_ORIGIN}${path}`);
const LIST_FIELDS = ['segment', 'InternetService', 'Contract', 'MonthlyCharges', 'tenure', 'Status', 'owner'];

describe('demo CRM adapter', () => {
  it('claims only the demo CRM origin', () => {
    expect(demoCrmAdapter.matches(url('/customers'), document)).toBe(true);
    expect(demoCrmAdapter.matches(new URL('https://crm.example.com/customers'), document)).toBe(false);
    expect(adapterFor(new URL('https://crm.example.com/'), document)).toBeNull();
  });

  it('reads every row of an English list page, with the name link as anchor', () => {
    const page = demoCrmAdapter.extract(load('list-en'), url('/customers'))!;
    expect(page.kind).toBe('list');
    expect(page.customers).toHaveLength(50);
    expect(new Set(page.customers.map((c) => c.snapshot.crmId)).size).toBe(50);
    for (const { snapshot, anchor } of page.customers) {
      expect(Object.keys(snapshot.fields)).toEqual(LIST_FIELDS);
      expect(anchor.tagName).toBe('A');
      expect(anchor.getAttribute('href')).toBe(`/customers/${snapshot.crmId}`);
    }
    expect(page.customers[0]!.snapshot).toEqual({
      crmId: '7590-VHVEG',
      name: 'Addison Robinson',
      fields: { segment: 'Couple', InternetService: 'DSL', Contract: 'Month-to-month', MonthlyCharges: '$29.85', tenure: '1 month', Status: 'Active', owner: 'Maria Lopez' },
    });
  });

  it('reads a Chinese list page the same way', () => {
    const page = demoCrmAdapter.extract(load('list-zh'), url('/customers?lang=zh'))!;
    expect(page.customers).toHaveLength(50);
    const first = page.customers[0]!.snapshot;
    expect(first.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    expect(first.fields.tenure).toMatch(/^\d+ 个月$/);
    expect(first.fields.Status).toMatch(/^(活跃|已流失)$/);
  });

  it('reads every field of a detail page, with the heading name as anchor', () => {
    const page = demoCrmAdapter.extract(load('detail-zh'), url('/customers/4472-LVYGI'))!;
    expect(page.kind).toBe('detail');
    expect(page.customers).toHaveLength(1);
    const { snapshot, anchor } = page.customers[0]!;
    expect(snapshot.crmId).toBe('4472-LVYGI');
    expect(snapshot.name).toBe('许思雨');
    expect(anchor.closest('h1')).not.toBeNull();
    expect(Object.keys(snapshot.fields)).toHaveLength(23);
    expect(snapshot.fields).toMatchObject({ tenure: '0 个月', Contract: 'Two year', MonthlyCharges: '$52.55', TotalCharges: '—', Partner: '是', Status: '活跃' });
    // The activity timeline carries no data-field and does not leak into fields.
    expect(Object.values(snapshot.fields).join(' ')).not.toMatch(/2024年/);
  });

  it('returns null on a page that is neither list nor detail', () => {
    expect(demoCrmAdapter.extract(load('not-found'), url('/customers/0000-NOPE'))).toBeNull();
  });

  it('finds each selector as often as documented in DEMO_CRM_SELECTORS', () => {
    const expected: Record<string, Record<keyof typeof DEMO_CRM_SELECTORS, number>> = {
      'list-en': { listTable: 1, listRow: 50, detail: 0, field: 400, name: 50, nameLink: 50 },
      'detail-en': { listTable: 0, listRow: 0, detail: 1, field: 24, name: 1, nameLink: 0 },
    };
    for (const [fixture, counts] of Object.entries(expected)) {
      const doc = load(fixture);
      for (const [key, count] of Object.entries(counts)) {
        const selector = DEMO_CRM_SELECTORS[key as keyof typeof DEMO_CRM_SELECTORS];
        const found = key === 'nameLink' ? doc.querySelectorAll(`${DEMO_CRM_SELECTORS.name} ${selector}`).length : doc.querySelectorAll(selector).length;
        expect(found, `${fixture}: ${key} (${selector})`).toBe(count);
      }
    }
  });

  it('skips a row without an id or a name instead of inventing one', () => {
    const doc = load('list-en');
    doc.querySelector('tbody tr')!.removeAttribute('data-customer-id');
    doc.querySelectorAll('tbody tr')[1]!.querySelector('[data-field="name"]')!.removeAttribute('data-field');
    expect(demoCrmAdapter.extract(doc, url('/customers'))!.customers).toHaveLength(48);
  });
});
