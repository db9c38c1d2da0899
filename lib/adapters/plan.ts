import type { ExtractedCustomer, PageExtraction, PagePlan } from './types';

/**
 * Every row of a plan read at once, as an extraction: what `extract` gives
 * for a list page. The same customer twice (a pinned duplicate row) is one.
 */
export function readPlan(plan: PagePlan): PageExtraction {
  const customers: ExtractedCustomer[] = [];
  const seen = new Set<string>();
  for (const row of plan.rows) {
    const customer = plan.read(row);
    if (!customer || seen.has(customer.snapshot.crmId)) continue;
    seen.add(customer.snapshot.crmId);
    customers.push(customer);
  }
  const page: PageExtraction = { kind: plan.kind, customers };
  const dateOrder = plan.dateOrder?.(customers);
  if (dateOrder) page.dateOrder = dateOrder;
  if (plan.today) page.today = plan.today;
  if (plan.recipe) page.recipe = plan.recipe;
  return page;
}

/**
 * An extraction already read (an adapter without `plan`, a detail page) as a
 * plan: its rows are the customers' anchors, read from memory.
 */
export function planOfExtraction(page: PageExtraction): PagePlan {
  const byAnchor = new Map(page.customers.map((customer) => [customer.anchor, customer]));
  const { dateOrder, today, recipe } = page;
  return {
    kind: page.kind,
    rows: [...byAnchor.keys()],
    read: (row) => byAnchor.get(row) ?? null,
    ...(dateOrder ? { dateOrder: () => dateOrder } : {}),
    ...(today ? { today } : {}),
    ...(recipe ? { recipe } : {}),
  };
}
