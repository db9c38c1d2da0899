import type { Page } from '@playwright/test';
import type { ExpectedCustomer, KitPage } from '@/tests/fixtures/kits/pages';

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
        if (kind === 'list' && ![...document.querySelectorAll(`a[href="${customer.href}"]`)].some((a) => a.textContent?.includes(customer.name)))
          wrong.push(`no link "${customer.name}" → ${customer.href}`);
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
 * Per expected customer: whether a scored badge is drawn for its id, and what
 * is wrong with where it is, measured on the page as a user sees it (null:
 * nothing). A badge is beside the name when its box has room of its own
 * (≥ 30 × 14 px), is on the name's line, ≤ 24 px from the name's text and
 * not over it, is not cut by any element that clips (overflow) while the
 * name is at least partly visible in that element, is not a stray child of a
 * <tr>/<tbody>/<table> (laid out as an extra cell), and, when on screen, is
 * what the pointer hits at its centre (nothing of the CRM's drawn over it).
 */
export function badgeReport(page: Page, customers: ExpectedCustomer[]): Promise<{ id: string; scored: boolean; misplaced: string | null }[]> {
  return page.evaluate((expected) => {
    const TOLERANCE = 1;
    const inside = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - TOLERANCE &&
      inner.right <= outer.right + TOLERANCE &&
      inner.top >= outer.top - TOLERANCE &&
      inner.bottom <= outer.bottom + TOLERANCE;
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - TOLERANCE && b.left < a.right - TOLERANCE && a.top < b.bottom - TOLERANCE && b.top < a.bottom - TOLERANCE;
    const describe = (el: Element) => `${el.localName}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}`;
    /** The rectangles of the name's text nearest above the host (the name's own line boxes). */
    function nameRects(host: Element, name: string): DOMRect[] {
      let scope: Element | null = host.parentElement;
      for (let level = 0; scope && level < 6; level++, scope = scope.parentElement) {
        if (!(scope.textContent ?? '').includes(name)) continue;
        const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.nodeValue ?? '').indexOf(name);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + name.length);
          return [...range.getClientRects()].filter((r) => r.width > 0);
        }
        return [];
      }
      return [];
    }
    function problem(host: Element, name: string): string | null {
      if (/^(tr|tbody|thead|table)$/.test(host.parentElement?.localName ?? '')) return `a stray child of <${host.parentElement!.localName}>`;
      const box = host.getBoundingClientRect();
      if (box.width < 30 || box.height < 14) return `no room of its own (${Math.round(box.width)}×${Math.round(box.height)})`;
      const rects = nameRects(host, name);
      if (!rects.length) return 'no name text near it';
      if (rects.some((r) => meet(r, box))) return 'drawn over the name';
      const middle = (box.top + box.bottom) / 2;
      const line = rects.find((r) => middle >= r.top - 2 && middle <= r.bottom + 2);
      if (!line) return 'not on the name’s line';
      const gap = Math.max(line.left - box.right, box.left - line.right);
      if (gap > 24) return `${Math.round(gap)} px from the name`;
      let shown = true;
      for (let el = host.parentElement; el && el !== document.documentElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = el.getBoundingClientRect();
        if (rects.some((r) => meet(r, clip)) && !inside(box, clip)) return `cut by ${describe(el)}`;
        shown &&= inside(box, clip);
      }
      // Rows a virtualised grid keeps out of its viewport are hidden with their names: only shown badges are hit-tested.
      const x = (box.left + box.right) / 2;
      const y = middle;
      if (shown && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const hit = document.elementFromPoint(x, y);
        if (hit !== host) return `covered by ${hit ? describe(hit) : 'nothing'}`;
      }
      return null;
    }
    return expected.map(({ id, name }) => {
      const mine = [...document.querySelectorAll(`[data-churn-radar-badge="${CSS.escape(id)}"]`)];
      const scored = mine.filter((host) => !!host.shadowRoot?.querySelector('button[data-tier]'));
      const problems = scored.map((host) => problem(host, name));
      return { id, scored: scored.length > 0, misplaced: !scored.length || problems.includes(null) ? null : problems[0]! };
    });
  }, customers);
}
