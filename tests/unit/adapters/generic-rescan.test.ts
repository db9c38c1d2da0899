// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGenericAdapter, createRowCache, genericAdapter, rowSignature } from '@/lib/adapters/generic';
import type { GridRow } from '@/lib/adapters/generic/structure';
import { loadCrmPage } from '@/tests/fixtures/crm/load';
import { countQueries } from './count-queries';

const SUITE = new URL('https://crm.northwind-demo.com/index.php?module=Accounts&action=index');
const DYNAMICS = new URL('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=account');

function cached(fixture: string, url: URL) {
  const cache = createRowCache();
  const adapter = createGenericAdapter({ rowCache: cache });
  const doc = loadCrmPage(fixture);
  return { cache, doc, scan: () => adapter.extract(doc, url)! };
}

const delta = (cache: ReturnType<typeof createRowCache>, run: () => void) => {
  const before = { ...cache.stats };
  run();
  return { hits: cache.stats.hits - before.hits, misses: cache.stats.misses - before.misses };
};

describe('rowSignature', () => {
  it('is the row’s text, over every part of a split row', () => {
    document.body.innerHTML = '<div id="a"><span>Acme</span> <span>$10</span></div><div id="b">Pro</div>';
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const one: GridRow = { element: a, parts: [a], cells: [] };
    const two: GridRow = { element: a, parts: [a, b], cells: [] };
    expect(rowSignature(one)).toBe('Acme $10');
    expect(rowSignature(two)).toBe('Acme $10\u241ePro\u241e');
  });
});

describe('a re-scan reads only the rows that changed', () => {
  it('reads every row once, then none while nothing changes, with the same result', () => {
    const { cache, scan } = cached('suitecrm-accounts-list', SUITE);
    let first = scan();
    // 10 accounts + the totals row (read once, skipped, remembered as skipped).
    expect(cache.stats).toEqual({ hits: 0, misses: 11 });
    const again = delta(cache, () => {
      const second = scan();
      expect(second.customers).toEqual(first.customers);
      first = second;
    });
    expect(again).toEqual({ hits: 11, misses: 0 });
  });

  it('re-reads a row whose text changed, and only that one', () => {
    const { cache, doc, scan } = cached('suitecrm-accounts-list', SUITE);
    scan();
    const fee = doc.querySelectorAll('table.list > tbody > tr')[2]!.querySelector('[field="monthly_fee_c"]')!;
    fee.textContent = '$2,990.00';
    let page = scan();
    expect(delta(cache, () => (page = scan()))).toEqual({ hits: 11, misses: 0 });
    fee.textContent = '$3,000.00';
    const changed = delta(cache, () => (page = scan()));
    expect(changed).toEqual({ hits: 10, misses: 1 });
    expect(page.customers[2]!.snapshot.fields['Monthly Fee']).toBe('$3,000.00');
    expect(page.customers[2]!.snapshot.name).toBe('Meridian Health Partners');
  });

  it('re-reads a row whose name link was re-created or re-pointed with the same text', () => {
    const { cache, doc, scan } = cached('suitecrm-accounts-list', SUITE);
    const first = scan();
    const link = first.customers[0]!.anchor;
    const fresh = link.cloneNode(true) as Element;
    link.replaceWith(fresh);
    const recreated = delta(cache, () => expect(scan().customers[0]!.anchor).toBe(fresh));
    expect(recreated).toEqual({ hits: 10, misses: 1 });
    fresh.setAttribute('href', 'index.php?module=Accounts&action=DetailView&record=moved-0001');
    const page = scan();
    expect(page.customers[0]!.snapshot.crmId).toBe('moved-0001');
    expect(doc.contains(page.customers[0]!.anchor)).toBe(true);
  });

  it('follows a virtualised grid recycling a row element for another customer', () => {
    const { cache, doc, scan } = cached('dynamics-accounts-grid', DYNAMICS);
    scan();
    // AG-Grid reuses the pinned and centre elements of row 41 (Fourth Coffee) for row 54.
    const parts = doc.querySelectorAll('[role="row"][aria-rowindex="41"]');
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      part.setAttribute('aria-rowindex', '54');
      part.setAttribute('row-id', 'aa11bb22-0000-4000-8000-000000000054');
    }
    const link = parts[0]!.querySelector('a')!;
    link.textContent = 'Alpine Ski House';
    link.setAttribute('href', 'main.aspx?pagetype=entityrecord&etn=account&id=aa11bb22-0000-4000-8000-000000000054');
    parts[1]!.querySelector('[col-id="telephone1"] span')!.textContent = '+1 970-555-0154';
    let page = scan();
    expect(page.customers.map((c) => c.snapshot.name).slice(-2)).toEqual(['Wide World Importers', 'Alpine Ski House']);
    expect(page.customers.at(-1)!.snapshot.crmId).toBe('aa11bb22-0000-4000-8000-000000000054');
    expect(page.customers.at(-1)!.snapshot.fields['Main Phone']).toBe('+1 970-555-0154');
    expect(page.customers.map((c) => c.snapshot.name)).not.toContain('Fourth Coffee');
    expect(delta(cache, () => (page = scan()))).toEqual({ hits: 12, misses: 0 });
  });

  it('re-reads every row when the columns change (a column added or moved)', () => {
    const { cache, doc, scan } = cached('suitecrm-accounts-list', SUITE);
    scan();
    doc.querySelectorAll('table.list > thead > tr')[1]!.querySelectorAll('th')[3]!.querySelector('a')!.textContent = 'Town';
    const page = scan();
    expect(page.customers[0]!.snapshot.fields.Town).toBe('Portland');
    expect(cache.stats).toEqual({ hits: 0, misses: 22 });
  });

  it('gives the uncached adapter’s result, scan after scan', () => {
    const { scan, doc } = cached('hubspot-companies-divgrid', new URL('https://app.hubspot.com/contacts/2456789/objects/0-2/views/all/list'));
    scan();
    const withCache = scan();
    const without = genericAdapter.extract(doc, new URL('https://app.hubspot.com/contacts/2456789/objects/0-2/views/all/list'))!;
    expect(withCache.customers.map((c) => c.snapshot)).toEqual(without.customers.map((c) => c.snapshot));
  });
});

describe('work per row on a long page', () => {
  // happy-dom is ~100× slower than Chromium here; scripts/bench/extraction.ts measures 1,000 rows there.
  const ROWS = 300;

  it('a table list: a few whole-page queries, one link lookup per row, none per row when cached', () => {
    const doc = loadCrmPage('suitecrm-accounts-list');
    const tbody = doc.querySelector('table.list > tbody')!;
    const template = tbody.querySelector('tr')!;
    tbody.replaceChildren();
    for (let i = 0; i < ROWS; i++) {
      const row = template.cloneNode(true) as Element;
      row.querySelector('[field="name"] a')!.setAttribute('href', `index.php?module=Accounts&action=DetailView&record=acc-${i}`);
      tbody.append(row);
    }
    let found = 0;
    const plain = countQueries(doc, () => {
      found = genericAdapter.extract(doc, SUITE)!.customers.length;
    });
    expect(found).toBe(ROWS);
    // All: the list candidates (the walk for shadow roots skips the list found). One: the header-less
    // pagination table looking for a header table before it (2 levels), the first row's name link (the named
    // column holds the record links: read-list.ts nameColumnOf), then the name link of each row.
    expect(plain).toEqual({ all: 1, one: ROWS + 3 });

    const cache = createRowCache();
    const adapter = createGenericAdapter({ rowCache: cache });
    adapter.extract(doc, SUITE);
    const rescan = countQueries(doc, () => {
      found = adapter.extract(doc, SUITE)!.customers.length;
    });
    expect(found).toBe(ROWS);
    expect(rescan).toEqual({ all: 1, one: 3 });
  });
});
