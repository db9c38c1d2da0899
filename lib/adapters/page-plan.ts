import type { CrmAdapter, ExtractedCustomer, PageExtraction, PagePlan } from './types';

/**
 * Pages as plans (CrmAdapter.plan): rows found at once, read one by one. The
 * content script reads the rows on screen first and the others in idle
 * slices (lib/content/scanner.ts); everything else (tests, benches, the
 * element picker) reads the whole plan at once with `readPlan`, which gives
 * what `extract` always gave.
 */

/** A plan over customers already read (an adapter without `plan`: its rows are its customers' anchors). */
export function planOfExtraction(extraction: PageExtraction): PagePlan {
  const { customers } = extraction;
  return {
    kind: extraction.kind,
    size: customers.length,
    elementsOf: (index) => [customers[index]!.anchor],
    read: (index) => customers[index] ?? null,
    today: extraction.today,
    recipe: extraction.recipe,
    dateOrder: () => extraction.dateOrder,
  };
}

/** The adapter's plan of this page: its own, or its whole extraction as one. */
export function planFor(adapter: CrmAdapter, doc: Document, url: URL): PagePlan | null {
  if (adapter.plan) return adapter.plan(doc, url);
  const extraction = adapter.extract(doc, url);
  return extraction && planOfExtraction(extraction);
}

/**
 * Collects customers as rows are read: the first row of a customer id wins
 * (pinned duplicate rows, or two rows joined into one customer by e-mail).
 */
export function createCustomerSet() {
  const ids = new Set<string>();
  const customers: ExtractedCustomer[] = [];
  return {
    customers,
    /** True when the customer is new to the page (and kept). */
    add(customer: ExtractedCustomer | null): customer is ExtractedCustomer {
      if (!customer || ids.has(customer.snapshot.crmId)) return false;
      ids.add(customer.snapshot.crmId);
      customers.push(customer);
      return true;
    },
  };
}

/** Every row of the plan read now: the page as `extract` gives it. */
export function readPlan(plan: PagePlan | null): PageExtraction | null {
  if (!plan) return null;
  const found = createCustomerSet();
  for (let index = 0; index < plan.size; index++) found.add(plan.read(index));
  const page: PageExtraction = { kind: plan.kind, customers: found.customers };
  if (plan.today) page.today = plan.today;
  if (plan.recipe) page.recipe = plan.recipe;
  const dateOrder = plan.dateOrder(found.customers);
  if (dateOrder) page.dateOrder = dateOrder;
  return page;
}
