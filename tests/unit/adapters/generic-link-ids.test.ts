// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLinkIds, linkKey } from '@/lib/adapters/generic/link-ids';

/**
 * Issue 14: a list whose links are slugs (/contacts/acme-corp: no digit, so
 * the URL alone names no record) reads each row's id elsewhere (a row key);
 * the detail page opened from that list is the same customer.
 */
const ORIGIN = 'https://crm.example';
const base = new URL(`${ORIGIN}/contacts`);

describe('link ids', () => {
  it('keys a link by the page it opens: this site only, no trailing slash, hash routes kept, query dropped', () => {
    expect(linkKey('/contacts/acme-corp/', base)).toBe(`${ORIGIN}/contacts/acme-corp`);
    expect(linkKey('acme-corp?tab=notes', new URL(`${ORIGIN}/contacts/`))).toBe(`${ORIGIN}/contacts/acme-corp`);
    expect(linkKey('#/contacts/acme-corp?tab=1', base)).toBe(`${ORIGIN}/contacts#/contacts/acme-corp`);
    expect(linkKey('https://acme.example/about', base)).toBeNull();
    expect(linkKey('mailto:ana@acme.example', base)).toBeNull();
  });

  it('remembers only what the URL does not say by itself, and forgets the oldest past its bound', () => {
    const links = createLinkIds(2);
    links.remember('/contacts/42', base, '42'); // the URL says 42: nothing to remember
    links.remember('/contacts/acme-corp', base, 'row-1');
    links.remember('/contacts/globex', base, 'row-2');
    expect(links.idOf(new URL(`${ORIGIN}/contacts/acme-corp/`))).toBe('row-1');
    links.remember('/contacts/initech', base, 'row-3');
    expect(links.idOf(new URL(`${ORIGIN}/contacts/acme-corp`))).toBeNull();
    expect(links.idOf(new URL(`${ORIGIN}/contacts/initech`))).toBe('row-3');
    expect(links.idOf(new URL(`${ORIGIN}/contacts/42`))).toBeNull();
  });
});

describe('the generic adapter remembers slug links across in-app navigation', () => {
  it('a detail page opened from a slug link is the customer the list read, not a new one', async () => {
    const { createGenericAdapter } = await import('@/lib/adapters/generic');
    const adapter = createGenericAdapter();
    document.documentElement.innerHTML = `<head></head><body><table>
      <thead><tr><th>Name</th><th>Customer ID</th><th>Plan</th><th>Monthly spend</th></tr></thead>
      <tbody>
        <tr><td><a href="/contacts/acme-corp">Acme Corp</a></td><td>C-1001</td><td>Pro</td><td>$120</td></tr>
        <tr><td><a href="/contacts/globex">Globex</a></td><td>C-1002</td><td>Basic</td><td>$40</td></tr>
      </tbody></table></body>`;
    const list = adapter.extract(document, new URL(`${ORIGIN}/contacts`));
    expect(list?.kind).toBe('list');
    const listed = list!.customers.find((c) => c.snapshot.name === 'Acme Corp')!.snapshot.crmId;

    document.documentElement.innerHTML = `<head></head><body><h1>Acme Corp</h1>
      <dl><dt>Status</dt><dd>Active</dd><dt>Phone</dt><dd>+1 555 0100</dd><dt>Owner</dt><dd>Ana Ruiz</dd>
      <dt>Plan</dt><dd>Pro</dd><dt>Last activity</dt><dd>2026-11-30</dd></dl></body>`;
    const detail = adapter.extract(document, new URL(`${ORIGIN}/contacts/acme-corp`));
    expect(detail?.kind).toBe('detail');
    expect(detail!.customers[0]!.snapshot.crmId).toBe(listed);
    // A fresh adapter (a full page load: a new content script) has no memory of the list.
    const fresh = createGenericAdapter().extract(document, new URL(`${ORIGIN}/contacts/acme-corp`));
    expect(fresh?.customers[0]?.snapshot.crmId ?? null).not.toBe(listed);
  });
});

describe('a slug-link list of people with their company beside their name', () => {
  // Reliability helper's observation (issue 14): "Company" (a name label that ranks first) was read as the
  // customer's name, and its link remembered for the detail page, though the rows' own pages are the name's.
  const rows = (company: (slug: string, name: string) => string) => `<head></head><body><table>
    <thead><tr><th>Name</th><th>Company</th><th>Customer ID</th><th>Plan</th><th>Last activity</th></tr></thead>
    <tbody>
      <tr><td><a href="/contacts/ana-ruiz">Ana Ruiz</a></td><td>${company('acme-corp', 'Acme Corp')}</td><td>C-1001</td><td>Pro</td><td>2026-11-30</td></tr>
      <tr><td><a href="/contacts/bo-chen">Bo Chen</a></td><td>${company('globex', 'Globex')}</td><td>C-1002</td><td>Basic</td><td>2026-10-02</td></tr>
    </tbody></table></body>`;

  it.each([
    ['as text', (_: string, name: string) => name],
    ['linked to its own page', (slug: string, name: string) => `<a href="/companies/${slug}">${name}</a>`],
  ])('reads the person’s name, not the company (company %s)', async (_, company) => {
    const { createGenericAdapter } = await import('@/lib/adapters/generic');
    document.documentElement.innerHTML = rows(company);
    const list = createGenericAdapter().extract(document, new URL(`${ORIGIN}/contacts`));
    expect(list?.customers.map((c) => [c.snapshot.name, c.snapshot.fields.Company])).toEqual([
      ['Ana Ruiz', 'Acme Corp'],
      ['Bo Chen', 'Globex'],
    ]);
    expect(list?.customers[0]?.anchor.getAttribute('href')).toBe('/contacts/ana-ruiz');
  });
});
