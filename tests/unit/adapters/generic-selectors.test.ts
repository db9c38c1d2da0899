// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GENERIC_SELECTORS } from '../../../lib/adapters/generic';
import { collectRoots, queryAll } from '../../../lib/adapters/generic/roots';
import { loadCrmPage } from '../../fixtures/crm/load';

/**
 * How often each selector of GENERIC_SELECTORS matches on each saved page,
 * counted in every root (document, open shadow roots, same-origin frames).
 * A heuristic or fixture change that moves one of these is visible here.
 * Hand-checked: Dynamics has 27 rows (2 header parts + 12 pinned + 12 centre
 * + 1 loading stub); SuiteCRM 3 tables (the list and its two pagination
 * tables); Lightning 10 roots (document, list header, grid wrapper,
 * datatable, one force-lookup per row) and 54 gridcells (9 per row: row
 * number, checkbox, 7 data cells; the name is a row header); vtiger 2 roots
 * and 2 tables (floating header and body); Zoho 3 definition lists.
 */
type Counts = Record<keyof typeof GENERIC_SELECTORS | 'roots', number>;

describe('GENERIC_SELECTORS on the saved CRM pages', () => {
  const expected: Record<string, Counts> = {
    'suitecrm-accounts-list': { roots: 1, list: 3, ariaRow: 0, ariaCell: 0, rowContainer: 3, subtitle: 1, appTitle: 0, breadcrumb: 0, title: 0, mainContent: 0, definitionList: 0, label: 2, labelledControl: 0, labelledBy: 0, cardLabel: 4, headingLike: 9, outsideRecord: 2, control: 10, activityHeading: 3, activityList: 8, link: 56 },
    'dynamics-accounts-grid': { roots: 1, list: 1, ariaRow: 27, ariaCell: 105, rowContainer: 1, subtitle: 0, appTitle: 0, breadcrumb: 0, title: 1, mainContent: 1, definitionList: 0, label: 0, labelledControl: 14, labelledBy: 0, cardLabel: 18, headingLike: 1, outsideRecord: 12, control: 14, activityHeading: 57, activityList: 2, link: 28 },
    'hubspot-companies-divgrid': { roots: 1, list: 0, ariaRow: 0, ariaCell: 0, rowContainer: 0, subtitle: 0, appTitle: 1, breadcrumb: 0, title: 1, mainContent: 1, definitionList: 0, label: 0, labelledControl: 10, labelledBy: 0, cardLabel: 4, headingLike: 30, outsideRecord: 21, control: 10, activityHeading: 24, activityList: 0, link: 12 },
    'zoho-account-detail': { roots: 1, list: 2, ariaRow: 0, ariaCell: 0, rowContainer: 2, subtitle: 6, appTitle: 0, breadcrumb: 0, title: 1, mainContent: 7, definitionList: 3, label: 0, labelledControl: 0, labelledBy: 0, cardLabel: 38, headingLike: 10, outsideRecord: 2, control: 0, activityHeading: 13, activityList: 3, link: 18 },
    'salesforce-account-record': { roots: 1, list: 3, ariaRow: 0, ariaCell: 0, rowContainer: 3, subtitle: 12, appTitle: 6, breadcrumb: 0, title: 1, mainContent: 4, definitionList: 0, label: 0, labelledControl: 2, labelledBy: 3, cardLabel: 55, headingLike: 40, outsideRecord: 2, control: 2, activityHeading: 52, activityList: 13, link: 22 },
    'odoo-partner-form': { roots: 1, list: 0, ariaRow: 0, ariaCell: 0, rowContainer: 0, subtitle: 0, appTitle: 0, breadcrumb: 1, title: 1, mainContent: 0, definitionList: 0, label: 17, labelledControl: 13, labelledBy: 0, cardLabel: 33, headingLike: 9, outsideRecord: 4, control: 23, activityHeading: 3, activityList: 2, link: 8 },
    'fxiaoke-customers-zh': { roots: 1, list: 2, ariaRow: 0, ariaCell: 0, rowContainer: 2, subtitle: 0, appTitle: 0, breadcrumb: 0, title: 1, mainContent: 1, definitionList: 0, label: 12, labelledControl: 3, labelledBy: 0, cardLabel: 22, headingLike: 6, outsideRecord: 12, control: 13, activityHeading: 14, activityList: 4, link: 12 },
    'xiaoshouyi-account-detail-zh': { roots: 1, list: 1, ariaRow: 0, ariaCell: 0, rowContainer: 1, subtitle: 4, appTitle: 0, breadcrumb: 0, title: 1, mainContent: 5, definitionList: 0, label: 0, labelledControl: 0, labelledBy: 0, cardLabel: 26, headingLike: 8, outsideRecord: 2, control: 0, activityHeading: 11, activityList: 3, link: 6 },
    'lightning-accounts-shadow': { roots: 10, list: 1, ariaRow: 0, ariaCell: 54, rowContainer: 1, subtitle: 0, appTitle: 1, breadcrumb: 1, title: 1, mainContent: 1, definitionList: 0, label: 7, labelledControl: 0, labelledBy: 0, cardLabel: 15, headingLike: 17, outsideRecord: 2, control: 7, activityHeading: 7, activityList: 2, link: 6 },
    'vtiger-organizations-iframe': { roots: 2, list: 2, ariaRow: 0, ariaCell: 0, rowContainer: 2, subtitle: 1, appTitle: 0, breadcrumb: 0, title: 1, mainContent: 1, definitionList: 0, label: 0, labelledControl: 0, labelledBy: 0, cardLabel: 1, headingLike: 3, outsideRecord: 2, control: 13, activityHeading: 11, activityList: 2, link: 19 },
    'dashboard': { roots: 1, list: 2, ariaRow: 0, ariaCell: 0, rowContainer: 2, subtitle: 3, appTitle: 1, breadcrumb: 0, title: 1, mainContent: 5, definitionList: 0, label: 0, labelledControl: 0, labelledBy: 0, cardLabel: 10, headingLike: 4, outsideRecord: 3, control: 0, activityHeading: 6, activityList: 3, link: 12 },
    'settings-profile': { roots: 1, list: 0, ariaRow: 0, ariaCell: 0, rowContainer: 0, subtitle: 0, appTitle: 1, breadcrumb: 0, title: 1, mainContent: 1, definitionList: 0, label: 9, labelledControl: 0, labelledBy: 0, cardLabel: 2, headingLike: 2, outsideRecord: 3, control: 9, activityHeading: 2, activityList: 0, link: 8 },
  };

  it('matches each selector as often as expected on each page', async () => {
    for (const [fixture, counts] of Object.entries(expected)) {
      const doc = loadCrmPage(fixture);
      const frame = doc.querySelector('iframe');
      if (frame && !frame.contentDocument?.querySelector('table')) await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const roots = collectRoots(doc);
      expect(Object.keys(counts).sort(), fixture).toEqual(['roots', ...Object.keys(GENERIC_SELECTORS)].sort());
      expect(roots.length, `${fixture}: roots`).toBe(counts.roots);
      for (const [key, selector] of Object.entries(GENERIC_SELECTORS)) {
        expect(queryAll(roots, selector).length, `${fixture}: ${key} (${selector})`).toBe(counts[key as keyof typeof GENERIC_SELECTORS]);
      }
    }
  });
});
