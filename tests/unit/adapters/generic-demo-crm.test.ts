// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoCrmAdapter } from '@/lib/adapters/demo-crm';
import { extractGeneric } from '@/lib/adapters/generic';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { productFieldMap } from '@/lib/indicators/field-values';

/** The demo CRM's saved pages (tests/fixtures/demo-crm), read by the generic adapter only: any CRM, no dedicated code. */
function load(name: string): Document {
  document.documentElement.innerHTML = readFileSync(`tests/fixtures/demo-crm/${name}.html`, 'utf8').replace(
    /^<!doctype html>\s*<html[^>]*>|<\/html>\s*$/gi,
    '',
  );
  return document;
}
const url = (path: string) => new URL(`${DEMO_CRM_ORIGIN}${path}`);

describe('the demo CRM through the generic adapter', () => {
  it.each([
    ['list-en', '/customers'],
    ['list-zh', '/customers?lang=zh'],
    ['shoppers-list-en', '/shoppers'],
  ])('reads %s as the same customers as its dedicated adapter, by visible headers', (name, path) => {
    const dedicated = demoCrmAdapter.extract(load(name), url(path))!;
    const generic = extractGeneric(load(name), url(path))!;
    expect(generic.kind).toBe('list');
    // The record id from the row link (the dedicated adapter prefixes the CDNOW space's ids with "cdnow-").
    expect(generic.customers.map((c) => c.snapshot.crmId)).toEqual(dedicated.customers.map((c) => c.snapshot.crmId.replace(/^cdnow-/, '')));
    expect(generic.customers.map((c) => c.snapshot.name)).toEqual(dedicated.customers.map((c) => c.snapshot.name));
    expect(generic.customers.map((c) => c.anchor.getAttribute('href'))).toEqual(dedicated.customers.map((c) => c.anchor.getAttribute('href')));
  });

  it('finds the product fields in the English and Chinese list headers', () => {
    const en = extractGeneric(load('list-en'), url('/customers'))!.customers[0]!.snapshot;
    expect(productFieldMap(en.fields)).toMatchObject({ contract: 'Month-to-month', monthly_value: '$29.85', status: 'Active' });
    const zh = extractGeneric(load('list-zh'), url('/customers?lang=zh'))!.customers[0]!.snapshot;
    expect(Object.keys(productFieldMap(zh.fields))).toEqual(expect.arrayContaining(['monthly_value', 'status']));
  });

  it.each([
    ['detail-en', '/customers/7590-VHVEG'],
    ['detail-zh', '/customers/4472-LVYGI'],
    ['shopper-detail-en', '/shoppers/8481'],
  ])('reads %s as one customer, the same record as its dedicated adapter', (name, path) => {
    const dedicated = demoCrmAdapter.extract(load(name), url(path))!;
    const generic = extractGeneric(load(name), url(path))!;
    expect(generic.kind).toBe('detail');
    expect(generic.customers).toHaveLength(1);
    const [customer] = generic.customers;
    expect(customer!.snapshot.crmId).toBe(dedicated.customers[0]!.snapshot.crmId.replace(/^cdnow-/, ''));
    expect(customer!.snapshot.name).toBe(dedicated.customers[0]!.snapshot.name);
    expect(Object.keys(customer!.snapshot.fields).length).toBeGreaterThanOrEqual(8);
  });
});
