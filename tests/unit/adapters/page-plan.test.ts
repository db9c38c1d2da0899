// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCustomerSet, planFor, planOfExtraction, readPlan } from '@/lib/adapters/page-plan';
import type { CrmAdapter, ExtractedCustomer, PagePlan } from '@/lib/adapters/types';

const customer = (crmId: string, name = crmId): ExtractedCustomer => ({ snapshot: { crmId, name, fields: {} }, anchor: document.createElement('a') });

describe('page plans', () => {
  it('keeps the first row of a customer id, and skips rows without a customer', () => {
    const found = createCustomerSet();
    expect([customer('a', 'Ann'), null, customer('b'), customer('a', 'Ann again')].map((c) => found.add(c))).toEqual([true, false, true, false]);
    expect(found.customers.map((c) => c.snapshot.name)).toEqual(['Ann', 'b']);
  });

  it('reads a whole plan as extract gives it: rows in order, duplicates once, date order from all of them', () => {
    const rows = [customer('a'), null, customer('b'), customer('a')];
    const seen: number[] = [];
    const plan: PagePlan = {
      kind: 'list',
      size: rows.length,
      elementsOf: () => [],
      read: (index) => rows[index] ?? null,
      today: '2024-06-30',
      dateOrder: (customers) => (seen.push(customers.length), { order: 'dmy', source: 'page' }),
    };
    expect(readPlan(plan)).toEqual({ kind: 'list', customers: [rows[0], rows[2]], today: '2024-06-30', dateOrder: { order: 'dmy', source: 'page' } });
    expect(seen).toEqual([2]);
    expect(readPlan(null)).toBeNull();
  });

  it('turns an adapter without plan into one: its customers are the rows, their anchors the elements', () => {
    const extraction = { kind: 'detail' as const, customers: [customer('x')] };
    const adapter: CrmAdapter = { id: 'old', matches: () => true, extract: () => extraction };
    const plan = planFor(adapter, document, new URL('http://crm.test/x'))!;
    expect(plan.size).toBe(1);
    expect(plan.elementsOf(0)).toEqual([extraction.customers[0]!.anchor]);
    expect(plan.read(0)).toBe(extraction.customers[0]);
    expect(readPlan(planOfExtraction(extraction))).toEqual(extraction);
    expect(planFor({ ...adapter, extract: () => null }, document, new URL('http://crm.test/x'))).toBeNull();
  });
});
