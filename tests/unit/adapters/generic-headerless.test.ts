// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '@/lib/adapters/generic';
import { iconLabel } from '@/lib/adapters/generic/icon-label';
import { firstDateIn, splitSentence } from '@/lib/adapters/generic/value-patterns';

function page(body: string, href: string, title = 'CRM') {
  document.documentElement.innerHTML = `<head><title>${title}</title></head><body>${body}</body>`;
  return genericAdapter.extract(document, new URL(href));
}

const row = (id: number, name: string, company: string, chip: string, days: number) =>
  `<div class="row flex"><button role="checkbox" aria-label="Select ${name}"></button><span data-slot="avatar"><span>${name[0]}</span></span>
   <div class="col"><a href="/contacts/${id}">${name}</a><div class="line"><span>${company}</span><span data-slot="badge">${chip}</span><span>last activity ${days} days ago</span></div></div></div>`;

describe('lists without a header', () => {
  it('reads rows of record links by their repeated shape: name, sentence-labelled values, a chip column as Status, "column N" for the rest', () => {
    const result = page(
      `<header><h1>Atomic</h1><a href="/contacts">Contacts</a></header><main><div class="card">${row(1, 'Ada Lovelace', 'Initech', 'Lead', 3)}${row(2, 'Luis Ortega', 'Globex', 'Active', 40)}</div></main>`,
      'https://crm.example.com/contacts',
    );
    expect(result?.kind).toBe('list');
    expect(result?.customers.map((c) => c.snapshot)).toEqual([
      { crmId: '1', name: 'Ada Lovelace', fields: { 'column 2': 'Initech', Status: 'Lead', 'last activity': '3 days ago' } },
      { crmId: '2', name: 'Luis Ortega', fields: { 'column 2': 'Globex', Status: 'Active', 'last activity': '40 days ago' } },
    ]);
    expect(result!.customers[0]!.anchor.getAttribute('href')).toBe('/contacts/1');
  });

  it('not lists of other things, nor one row’s two links', () => {
    const deals = (id: number) => `<div class="deal"><a href="/deals/${id}">Deal ${id}</a><span>$5</span></div>`;
    expect(page(`<main>${deals(1)}${deals(2)}</main>`, 'https://crm.example.com/board')).toBeNull();
    expect(
      page(`<main><div class="r"><a href="/contacts/1">Ada</a> <a href="/companies/4">Initech</a></div></main>`, 'https://crm.example.com/home'),
    ).toBeNull();
  });
});

describe('labels from icons and sentences', () => {
  const el = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  };
  it('icons say their accessible name, else their own name', () => {
    expect(iconLabel(el('<svg aria-label="Email" role="img"></svg>'))).toBe('Email');
    expect(iconLabel(el('<span role="img" aria-label="phone" class="anticon anticon-phone"></span>'))).toBe('Phone');
    expect(iconLabel(el('<svg data-testid="AccessTimeIcon"></svg>'))).toBe('Access time');
    expect(iconLabel(el('<svg class="lucide lucide-building-2"></svg>'))).toBe('Company');
    expect(iconLabel(el('<i class="fa fa-fw fa-envelope"></i>'))).toBe('Email');
    expect(iconLabel(el('<svg></svg>'))).toBeNull();
  });

  it('a sentence ending in a date, relative time or amount is label + value', () => {
    expect(splitSentence('Added on Jun 7, 2026')).toEqual({ label: 'Added on', value: 'Jun 7, 2026' });
    expect(splitSentence('Last activity 2 days ago')).toEqual({ label: 'Last activity', value: '2 days ago' });
    expect(splitSentence('Lifetime value: $1,200')).toEqual({ label: 'Lifetime value', value: '$1,200' });
    expect(splitSentence('3 days ago')).toBeNull();
    expect(splitSentence('Met on Jun 7, 2026 to talk about pricing')).toBeNull();
  });

  it('searches long text only at its start (no quadratic regex time on a 100 KB cell)', () => {
    expect(firstDateIn(`${'9'.repeat(100_000)} 3 days ago`)).toBeUndefined();
    expect(firstDateIn('paid 3 days ago')).toBe('3 days ago');
  });
});

describe('detail pages beyond tables', () => {
  it('the name in an h5 under a logo h1, icon rows, sentences, several "Label: value" spans on one line', () => {
    const result = page(
      `<header><h1>Atomic CRM</h1></header><main><div><h5>Olga Satterfield</h5></div>
      <div><svg aria-label="Email" role="img"></svg><a href="mailto:olga@example.com">olga@example.com</a></div>
      <div><svg aria-label="Phone" role="img"></svg><span>+1 555-0193</span></div>
      <p>Added on Jun 7, 2026</p><p>Last activity 21 days ago</p>
      <div><span>Sector: Health Care</span><span>Size: 50-249 employees</span></div></main>`,
      'https://crm.example.com/contacts/3',
    );
    expect(result?.kind).toBe('detail');
    expect(result!.customers[0]!.snapshot).toEqual({
      crmId: '3',
      name: 'Olga Satterfield',
      fields: {
        Email: 'olga@example.com',
        Phone: '+1 555-0193',
        'Added on': 'Jun 7, 2026',
        'Last activity': '21 days ago',
        Sector: 'Health Care',
        Size: '50-249 employees',
      },
    });
  });

  it('an edit form: First + Last name, the app bar title as anchor, a history panel of stacked label/value boxes', () => {
    const box = (label: string, value: string) => `<div class="MuiBox-root css-1"><p class="a">${label}</p><p class="b">${value}</p></div>`;
    const result = page(
      `<header class="MuiAppBar-root"><h6 id="react-admin-title">Fiona Lindqvist</h6></header>
      <div><label for="f">First name</label><input id="f" value="Fiona"><label for="l">Last name</label><input id="l" value="Lindqvist">
      <div><h6>History</h6>${box('First seen', '10/21/2026')}${box('Orders', '17')}${box('Total spent', '$1,544.21')}</div></div>`,
      'https://crm.example.com/customers/17',
    );
    const customer = result!.customers[0]!;
    expect(customer.snapshot).toEqual({
      crmId: '17',
      name: 'Fiona Lindqvist',
      fields: { 'First name': 'Fiona', 'Last name': 'Lindqvist', 'First seen': '10/21/2026', Orders: '17', 'Total spent': '$1,544.21' },
    });
    expect(customer.anchor.id).toBe('react-admin-title');
    expect(result!.dateOrder).toEqual({ order: 'mdy', source: 'page' });
  });
});
