import { DEMO_CRM_ORIGIN } from '../demo-origin';
import type { CustomerSnapshot } from '../domain';
import type { CrmAdapter, ExtractedCustomer } from './types';

/**
 * Every selector this adapter depends on, with how many matches it expects.
 * When the demo CRM's markup changes, this table is the one place to update,
 * and tests/unit/adapters checks each count against saved pages.
 */
export const DEMO_CRM_SELECTORS = {
  /** exactly 1 on a list page */
  listTable: 'table[data-crm="customer-list"]',
  /** one per customer shown, 0..1000 */
  listRow: 'tbody tr[data-customer-id]',
  /** exactly 1 on a detail page */
  detail: 'article[data-crm="customer-detail"][data-customer-id]',
  /** one per field on a detail page (list rows: one cell per field, read via row.cells) */
  field: '[data-field]',
  /** exactly 1 per customer: the name cell (list) or the heading's name (detail) */
  name: '[data-field="name"]',
  /** inside the name cell of a list row: the link to the detail page */
  nameLink: 'a',
} as const;

const NAME_KEY = 'name';

/**
 * Field cells → fields, plus the name cell. A list row's cells are its direct
 * children (`row.cells`, no selector query per row: 1,000 rows in a few ms).
 */
function readFields(cells: Iterable<Element>): { fields: CustomerSnapshot['fields']; name: Element | null } {
  const fields: CustomerSnapshot['fields'] = {};
  let name: Element | null = null;
  for (const cell of cells) {
    const key = cell.getAttribute('data-field');
    if (!key) continue;
    if (key === NAME_KEY) name = cell;
    else fields[key] = (cell.textContent ?? '').trim();
  }
  return { fields, name };
}

function customerFrom(cells: Iterable<Element>, crmId: string | null, anchorIn: (name: Element) => Element): ExtractedCustomer | null {
  const { fields, name } = readFields(cells);
  if (!crmId || !name) return null;
  return { snapshot: { crmId, name: (name.textContent ?? '').trim(), fields }, anchor: anchorIn(name) };
}

export const demoCrmAdapter: CrmAdapter = {
  id: 'demo-crm',

  matches(url) {
    return url.origin === DEMO_CRM_ORIGIN;
  },

  extract(doc) {
    const detail = doc.querySelector(DEMO_CRM_SELECTORS.detail);
    if (detail) {
      const customer = customerFrom(detail.querySelectorAll(DEMO_CRM_SELECTORS.field), detail.getAttribute('data-customer-id'), (name) => name);
      return { kind: 'detail', customers: customer ? [customer] : [] };
    }
    const table = doc.querySelector(DEMO_CRM_SELECTORS.listTable);
    if (!table) return null;
    const customers: ExtractedCustomer[] = [];
    for (const row of table.querySelectorAll<HTMLTableRowElement>(DEMO_CRM_SELECTORS.listRow)) {
      const customer = customerFrom(
        row.cells,
        row.getAttribute('data-customer-id'),
        (name) => name.querySelector(DEMO_CRM_SELECTORS.nameLink) ?? name,
      );
      if (customer) customers.push(customer);
    }
    return { kind: 'list', customers };
  },
};
