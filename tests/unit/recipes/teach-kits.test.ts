// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textOf } from '@/lib/adapters/generic/text';
import { applyDetailRecipe, applyListRecipe } from '@/lib/recipes/apply';
import { findRepeatingRows } from '@/lib/recipes/find-rows';
import { detailRecipe, listRecipe } from '@/lib/recipes/teach';
import { kitSnapshotNames, loadKitPage, readKitExpectation } from '@/tests/fixtures/kits/load';

/**
 * Teaching on DOM the UI kits render (tests/fixtures/kits/snapshots): the
 * user clicks the first customer's name as the page shows it (the innermost
 * element with that exact text); the recipe must then read every customer
 * of the snapshot with the exact name and the detail page's id.
 */
const LISTS = kitSnapshotNames().filter((name) => readKitExpectation(name).kind === 'list');
const DETAILS = kitSnapshotNames().filter((name) => readKitExpectation(name).kind === 'detail');

/** What a user clicks: the innermost visible element whose whole text is the name. */
function nameElement(doc: Document, name: string): Element {
  const hits = [...doc.body.querySelectorAll('*')].filter((el) => textOf(el) === name && el.closest('[aria-hidden="true"], [hidden]') === null);
  const innermost = hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
  expect(innermost.length, `an element showing “${name}”`).toBeGreaterThan(0);
  return innermost[0]!;
}

describe('teaching a kit list by one click', () => {
  it.each(LISTS)('%s: every customer, exact names and ids', (name) => {
    const { doc, url, expected } = loadKitPage(name);
    const first = expected.customers[0]!;
    const found = findRepeatingRows(nameElement(doc, first.name), url);
    expect(found, 'rows around the clicked name').not.toBeNull();
    const customers = applyListRecipe(listRecipe(found!, url, 0), doc, url);
    expect(customers.map((c) => c.snapshot.name)).toEqual(expected.customers.map((c) => c.name));
    expect(customers.map((c) => c.snapshot.crmId)).toEqual(expected.customers.map((c) => c.id));
  });
});

describe('teaching a kit detail page by one click', () => {
  it.each(DETAILS)('%s: the name, and the id from the URL', (name) => {
    const { doc, url, expected } = loadKitPage(name);
    const customer = expected.customers[0]!;
    const clicked = nameElement(doc, customer.name);
    // Nothing repeats around a record's title: a detail recipe, not a list.
    expect(findRepeatingRows(clicked, url)).toBeNull();
    const [read] = applyDetailRecipe(detailRecipe(clicked, url, 0), doc, url);
    expect(read?.snapshot).toMatchObject({ crmId: customer.id, name: customer.name });
  });
});
