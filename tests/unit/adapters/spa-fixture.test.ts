// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

/**
 * The hand-written single-page CRM the side panel's e2e test navigates
 * (tests/fixtures/crm/spa-pushstate.html): each route, rendered as its
 * router does, is read as the test expects — two customers' detail pages,
 * a list, and a page with no customer at all.
 */
function route(path: string) {
  const doc = loadCrmPage('spa-pushstate');
  const template = doc.querySelector<HTMLTemplateElement>(`template[data-path="${path}"]`)!;
  doc.getElementById('app')!.replaceChildren(template.content.cloneNode(true));
  return genericAdapter.extract(doc, new URL(`http://localhost${path}`));
}

describe('the pushState fixture CRM', () => {
  it('reads each customer’s page as that one customer', () => {
    for (const [id, name] of [
      ['1001', 'Ada Lovelace'],
      ['1002', 'Grace Hopper'],
    ]) {
      const page = route(`/spa/customers/${id}`)!;
      expect(page.kind).toBe('detail');
      expect(page.customers.map((c) => [c.snapshot.crmId, c.snapshot.name])).toEqual([[id, name]]);
    }
  });
  it('reads the list', () => {
    const page = route('/spa/customers')!;
    expect(page.kind).toBe('list');
    expect(page.customers.map((c) => c.snapshot.crmId)).toEqual(['1001', '1002', '1003']);
  });
  it('finds no customer on the reports page', () => {
    expect(route('/spa/reports')?.customers.length ?? 0).toBe(0);
  });
});
