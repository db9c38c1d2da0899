import type { Page } from '@playwright/test';
import type { ExpectedCustomer, KitPage } from '../../tests/fixtures/kits/pages';

/**
 * Opening a kit page and checking it shows its seeded ground truth, shared by
 * the snapshot script, the kits e2e spec and the bench.
 */
export async function openKitPage(page: Page, origin: string, kitPage: KitPage): Promise<void> {
  await page.goto(`${origin}${kitPage.path}`);
  await waitForKitPage(page, kitPage);
}

/** Resolves when the page's first expected customer is rendered (the kit app has mounted its data). */
export async function waitForKitPage(page: Page, kitPage: KitPage): Promise<void> {
  const first = kitPage.customers[0]!;
  if (kitPage.renderedRows) await page.locator(kitPage.renderedRows.selector).first().waitFor();
  else if (kitPage.kind === 'list') await page.locator(`a[href="${first.href}"]`).first().waitFor();
  else await page.getByText(first.name, { exact: true }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * The expected customers whose rows are in the DOM (all of them, except on a
 * virtualised grid, where the grid's own row ids say which rows it rendered).
 * Throws when the page does not show what its expectation says, so a kit and
 * its ground truth cannot drift apart silently.
 */
export async function renderedCustomers(page: Page, kitPage: KitPage): Promise<ExpectedCustomer[]> {
  let customers = kitPage.customers;
  if (kitPage.renderedRows) {
    const { selector, idAttribute } = kitPage.renderedRows;
    const ids = new Set(await page.locator(selector).evaluateAll((rows, attribute) => rows.map((row) => row.getAttribute(attribute)), idAttribute));
    customers = customers.filter((c) => ids.has(c.id));
  }
  const problems = await page.evaluate(
    ({ customers, kind }) => {
      const texts = `${document.body.innerText}\n${[...document.querySelectorAll('input')].map((input) => input.value).join('\n')}`;
      const wrong: string[] = [];
      for (const customer of customers) {
        if (kind === 'list' && ![...document.querySelectorAll(`a[href="${customer.href}"]`)].some((a) => a.textContent?.includes(customer.name))) wrong.push(`no link "${customer.name}" → ${customer.href}`);
        // A chip list's value is its chips joined by ", ": each chip must be shown.
        const shown = [customer.name, ...Object.values(customer.fields), ...(customer.values ?? [])].flatMap((value) => value.split(', '));
        for (const value of shown) if (!texts.includes(value)) wrong.push(`"${value}" not shown`);
      }
      return wrong;
    },
    { customers, kind: kitPage.kind },
  );
  if (problems.length) throw new Error(`${kitPage.kit}-${kitPage.page} does not show its ground truth:\n  ${problems.slice(0, 10).join('\n  ')}`);
  if (!customers.length) throw new Error(`${kitPage.kit}-${kitPage.page}: no expected customer rendered`);
  return customers;
}

/**
 * The rendered DOM as a saved page: scripts and external stylesheets dropped,
 * CSS-in-JS rules that live only in the CSSOM (emotion's insertRule) written
 * into their <style> elements, and form controls' current values as attributes.
 */
export function serializeDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    const liveStyles = [...document.querySelectorAll('style')];
    clone.querySelectorAll('style').forEach((style, index) => {
      const sheet = liveStyles[index]?.sheet;
      if (!style.textContent?.trim() && sheet) style.textContent = [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
    });
    const liveInputs = [...document.querySelectorAll('input')];
    clone.querySelectorAll('input').forEach((input, index) => input.setAttribute('value', liveInputs[index]?.value ?? ''));
    clone.querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"]').forEach((node) => node.remove());
    return `<!doctype html>\n${clone.outerHTML}\n`;
  });
}

/**
 * Per expected customer: a scored badge for its id, beside its name: right
 * after its name link (or an element inside or around it), or on a detail
 * page right after the element showing the name; never as a stray child of a
 * <tr>/<tbody>/<table> (the browser lays that out as an extra cell).
 */
export function badgeReport(page: Page, customers: ExpectedCustomer[]): Promise<{ id: string; scored: boolean; besideName: boolean }[]> {
  return page.evaluate((expected) => {
    const hosts = [...document.querySelectorAll('[data-churn-radar-badge]')];
    return expected.map(({ id, href, name }) => {
      const mine = hosts.filter((host) => host.getAttribute('data-churn-radar-badge') === id);
      const links = [...document.querySelectorAll(`a[href="${href}"]`)];
      const besideName = mine.some((host) => {
        const before = host.previousElementSibling;
        if (!before || /^(TR|TBODY|THEAD|TABLE)$/.test(host.parentElement?.tagName ?? '')) return false;
        return links.some((link) => link === before || link.contains(before) || before.contains(link)) || before.textContent?.trim() === name;
      });
      return { id, scored: mine.some((host) => !!host.shadowRoot?.querySelector('button[data-tier]')), besideName };
    });
  }, customers);
}
