/**
 * Every selector the generic adapter queries, with how many matches a page
 * is expected to have. Unlike a CRM-specific adapter, these do not name one
 * CRM's classes: they are the markup conventions lists and records share.
 * tests/unit/adapters/generic-selectors.test.ts checks the counts on each
 * saved page (tests/fixtures/crm), so a change of heuristics that makes a
 * selector reach more or less of a page shows up there first.
 */
export const GENERIC_SELECTORS = {
  /** list candidates, in every root: 0..n; of them, a list page has ≥ 1 customer list (find-lists.ts) */
  list: 'table, [role="grid"], [role="treegrid"], [role="table"]',
  /** ARIA rows: header rows + body row parts (AG-Grid: 2 per row when a column is pinned) + stub rows */
  ariaRow: '[role="row"]',
  /** ARIA cells, when a row wraps them instead of holding them as children */
  ariaCell: '[role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]',
  /** what a grid's rows belong to: the nearest of these above a row must be its grid */
  rowContainer: '[role="grid"], [role="treegrid"], [role="table"], table',
  /** detail pages: the title, exactly 1 usable one in the main content */
  title: 'h1',
  /** detail pages without a usable h1: lower headings, in order */
  subtitle: 'h2, h3, h4, h5, h6',
  /** an app bar's or page header's title (react-admin, Ant Design Pro, Element Plus): the record's name when it is in the site header */
  appTitle:
    '[id$="-title"], [class*="AppBar"] h6, [class*="AppBar"] h5, [class*="app-bar"] h6, [class*="page-header"] [class*="title"], [class*="PageHeader"] [class*="title"], [class*="page-title"]',
  /** breadcrumbs: their last item names the page's record */
  breadcrumb: 'nav[aria-label*="breadcrumb" i] li:last-child, [class*="breadcrumb"] [aria-current="page"], [class*="breadcrumb"] li:last-child',
  /** a page title's container: the title inside it wins over one outside */
  mainContent: 'main, article, section, [role="main"]',
  /** detail pairs, source 1: one per definition list */
  definitionList: 'dl',
  /** detail pairs, source 3: labels (for= or wrapping a control) */
  label: 'label',
  /** detail pairs, source 3: controls labelled by an attribute (a placeholder only when they hold a value) */
  labelledControl: 'input[aria-label], select[aria-label], textarea[aria-label], input[placeholder], textarea[placeholder]',
  /** detail pairs, source 4 */
  labelledBy: '[aria-labelledby]',
  /** detail pairs, source 5: label-like elements of card grids */
  cardLabel: '[class*="label"], [class*="Label"], [class*="title"], [class*="Title"], label:not([for])',
  /** headings and toggles: never a card label, nor inside one */
  headingLike: 'h1, h2, h3, h4, h5, h6, button, [role="heading"], [role="button"], [role="tab"]',
  /** not the record: a pair, title or heading in these is skipped */
  outsideRecord:
    'nav, footer, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], [role="dialog"], [role="alertdialog"], [role="menu"], [aria-hidden="true"], [hidden], template',
  /** form controls whose value is what they show */
  control: 'input:not([type="hidden"]), select, textarea',
  /** activity section headings (read-activities.ts); only those whose text is an activity heading count */
  activityHeading:
    'h1, h2, h3, h4, h5, h6, [role="heading"], caption, [class*="title"], [class*="Title"], [class*="header"], [class*="Header"], [role="tab"][aria-controls]',
  /** an activity section's lists: items are their li / listitem / article children or table rows */
  activityList: 'ul, ol, table, [role="list"], [role="feed"], [role="table"], [role="grid"]',
  /** a record link inside a list cell */
  link: 'a[href]',
} as const;
