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
