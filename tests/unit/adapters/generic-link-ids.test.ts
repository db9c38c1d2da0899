// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGenericAdapter } from '@/lib/adapters/generic';
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

function listPage(): Document {
  document.documentElement.innerHTML = `<head><title>Contacts</title></head><body><main><table>
    <thead><tr><th>Name</th><th>Email</th><th>Phone</th><th>Status</th><th>Plan</th></tr></thead>
    <tbody>
      <tr data-row-key="c-101"><td><a href="/contacts/acme-corp">Ana Lima</a></td><td>ana@acme.example</td><td>+1 555 0101</td><td>Active</td><td>Gold</td></tr>
      <tr data-row-key="c-102"><td><a href="/contacts/globex">Bo Chen</a></td><td>bo@globex.example</td><td>+1 555 0102</td><td>Lead</td><td>Silver</td></tr>
    </tbody></table></main></body>`;
  return document;
}

function detailPage(): Document {
  document.documentElement.innerHTML = `<head><title>Ana Lima</title></head><body><main>
    <h1>Ana Lima</h1>
    <dl><dt>Plan</dt><dd>Gold</dd><dt>Email</dt><dd>ana@acme.example</dd><dt>Phone</dt><dd>+1 555 0101</dd><dt>Status</dt><dd>Active</dd></dl>
  </main></body>`;
  return document;
}

describe('a detail page opened from a list of slug links', () => {
  it('is the customer the list read, by the id the list gave its link', () => {
    const adapter = createGenericAdapter();
    const list = adapter.extract(listPage(), new URL(`${ORIGIN}/contacts`))!;
    expect(list.customers.map((c) => [c.snapshot.crmId, c.snapshot.name])).toEqual([['c-101', 'Ana Lima'], ['c-102', 'Bo Chen']]);
    const detail = adapter.extract(detailPage(), new URL(`${ORIGIN}/contacts/acme-corp`))!;
    expect(detail.kind).toBe('detail');
    expect(detail.customers[0]!.snapshot).toMatchObject({ crmId: 'c-101', name: 'Ana Lima' });
  });

  it('without the list seen first, the page is read by its own fields (the e-mail), as before', () => {
    const detail = createGenericAdapter().extract(detailPage(), new URL(`${ORIGIN}/contacts/acme-corp`))!;
    expect(detail.customers[0]!.snapshot.crmId).toBe('ana@acme.example');
  });
});
