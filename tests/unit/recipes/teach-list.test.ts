// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractGeneric } from '@/lib/adapters/generic';
import { applyListRecipe, applyRecipes, nameId } from '@/lib/recipes/apply';
import { findRepeatingRows } from '@/lib/recipes/find-rows';
import { siteRecipeSchema, type ListRecipe } from '@/lib/recipes/recipe-schema';
import { listRecipe, valueLabel, withField } from '@/lib/recipes/teach';
import { loadCrmPage } from '@/tests/fixtures/crm/load';

const URL_ = new URL('http://localhost:4000/people');
const NAMES = [
  'Ada Whitlock',
  'Bruno Salgado',
  'Chen Yu',
  'Dana Okafor',
  'Elif Demir',
  'Farid Haddad',
  'Greta Lind',
  'Hiro Tanaka',
  'Inès Moreau',
  'Jonas Berg',
  'Kofi Mensah',
  'Lucía Vega',
];

const byText = (text: string, selector = '*') => [...document.querySelectorAll(selector)].find((el) => el.textContent === text && el.children.length === 0)!;

describe('teaching a list of cards without links, ids or headers', () => {
  beforeEach(() => void loadCrmPage('orbit-people-cards'));

  it('is a page automatic detection cannot read (the reason to teach it)', () => {
    expect(extractGeneric(document, URL_)?.customers ?? []).toEqual([]);
  });

  it('finds every card from one clicked name, and the recipe reads each name exactly', () => {
    const found = findRepeatingRows(byText('Chen Yu'), URL_)!;
    expect(found.rows).toHaveLength(12);
    expect(found.rowSelector).toBe('#people > div.card');
    const recipe = listRecipe(found, URL_, 1000);
    expect(siteRecipeSchema.parse(recipe)).toEqual(recipe);
    expect(recipe).toMatchObject({ id: 'list:/people', kind: 'list', pageKey: '/people', expected: 12 });
    const customers = applyListRecipe(recipe, document, URL_);
    expect(customers.map((c) => c.snapshot.name)).toEqual(NAMES);
    // No link and no id on the page: the name is the id, said as such.
    expect(customers[2]!.snapshot.crmId).toBe(nameId('Chen Yu'));
    expect(customers[2]!.anchor.textContent).toBe('Chen Yu');
  });

  it('a clicked value becomes a labelled field read on every row', () => {
    const found = findRepeatingRows(byText('Chen Yu'), URL_)!;
    const row = found.rows[2]!;
    const seen = row.querySelector('.seen')!;
    expect(valueLabel(seen, row)).toEqual({ label: 'Seen', prefix: 'Seen' });
    let { recipe, label } = withField(listRecipe(found, URL_, 1), seen, row);
    expect(label).toBe('Seen');
    ({ recipe } = withField(recipe, row.querySelector('.spent')!, row));
    ({ recipe, label } = withField(recipe, row.querySelector('.co')!, row));
    // The third text of the card (avatar initial, name, company …).
    expect(label).toBe('Column 3');
    // The same value clicked again keeps its label and adds nothing.
    expect(withField(recipe, row.querySelector('.co')!, row).recipe.fields).toHaveLength(3);
    const customers = applyListRecipe(recipe as never, document, URL_);
    expect(customers[0]!.snapshot.fields).toEqual({ Seen: '3 days ago', 'Column 5': '$1,240', 'Column 3': 'Northwind' });
    expect(customers[11]!.snapshot.fields).toEqual({ Seen: '5 days ago', 'Column 5': '$1,510', 'Column 3': 'Alpine Ski' });
  });

  it('after a redesign the recipe finds nothing, and says so', () => {
    const recipe = listRecipe(findRepeatingRows(byText('Ada Whitlock'), URL_)!, URL_, 1);
    loadCrmPage('orbit-people-redesigned');
    const { extraction, outcome } = applyRecipes([recipe], document, URL_);
    expect(extraction).toBeNull();
    expect(outcome).toEqual({ id: 'list:/people', kind: 'list', expected: 12, found: 0 });
    // A recipe of another kind of page is not tried here.
    expect(applyRecipes([recipe], document, new URL('http://localhost:4000/deals')).outcome).toBeNull();
  });
});

describe('teaching on hand-written lists', () => {
  it('a table row: the name link is the record, its id from the link; a header names the column', () => {
    document.body.innerHTML = `<table><thead><tr><th>Name</th><th>Last order</th></tr></thead><tbody>
      ${[1, 2, 3].map((n) => `<tr><td><span class="av">X</span><a href="/c/${n}00">Client ${n}</a></td><td>2026-0${n}-01</td></tr>`).join('')}
    </tbody></table>`;
    const found = findRepeatingRows(document.querySelectorAll('a')[1]!, URL_)!;
    expect(found.rows).toHaveLength(3);
    const { recipe, label } = withField(listRecipe(found, URL_, 1), found.rows[1]!.children[1]!, found.rows[1]!);
    expect(label).toBe('Last order');
    const customers = applyListRecipe(recipe as never, document, URL_);
    expect(customers.map((c) => [c.snapshot.crmId, c.snapshot.name, c.snapshot.fields['Last order']])).toEqual([
      ['100', 'Client 1', '2026-01-01'],
      ['200', 'Client 2', '2026-02-01'],
      ['300', 'Client 3', '2026-03-01'],
    ]);
  });

  it('the record link elsewhere in the row gives the id; an icon’s title names a value', () => {
    document.body.innerHTML = `<ul id="deals">${[7, 8]
      .map(
        (n) => `<li class="item selected-${n}"><b class="nm">Person ${n}</b><span title="Orders">${n}</span><a class="go" href="/people/${n}42">Open</a></li>`,
      )
      .join('')}</ul>`;
    const found = findRepeatingRows(document.querySelector('b')!, URL_)!;
    expect(found.rows).toHaveLength(2);
    expect(found.linkSelector).toBe(':scope > a.go');
    const row = found.rows[0]!;
    const { recipe, label } = withField(listRecipe(found, URL_, 1), row.querySelector('span')!, row);
    expect(label).toBe('Orders');
    expect(applyListRecipe(recipe as never, document, URL_).map((c) => [c.snapshot.crmId, c.snapshot.name, c.snapshot.fields])).toEqual([
      ['742', 'Person 7', { Orders: '7' }],
      ['842', 'Person 8', { Orders: '8' }],
    ]);
  });

  it('a name with nothing repeating around it is not a list', () => {
    document.body.innerHTML = '<main><h5>Ada Whitlock</h5><p>Added on 3 May</p></main>';
    expect(findRepeatingRows(document.querySelector('h5')!, URL_)).toBeNull();
  });

  it('a bad selector in a hand-edited recipe reads nothing instead of throwing', () => {
    document.body.innerHTML = '<div>x</div>';
    const recipe = {
      id: 'list:/people',
      format: 1,
      version: 1,
      kind: 'list',
      pageKey: '/people',
      row: 'div[[',
      name: ':scope',
      fields: [],
      expected: 3,
      taughtAt: 0,
    } satisfies ListRecipe;
    expect(applyListRecipe(recipe, document, URL_)).toEqual([]);
  });
});

describe('navigation is not a list', () => {
  it('a name clicked in a breadcrumb is a record page’s name, not a row', () => {
    document.body.innerHTML =
      '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/people">People</a></li><li>Ada Whitlock</li></ol></nav>';
    expect(findRepeatingRows(document.querySelectorAll('li')[2]!, URL_)).toBeNull();
  });
});
