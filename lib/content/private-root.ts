/**
 * Shadow roots for what Churn Radar draws on a CRM page (badges, popover).
 * Closed: the page's own scripts and session-replay recorders see a host
 * whose `shadowRoot` is null, so they cannot read tiers, probabilities,
 * reasons or retention scripts. The references live here, in this module's
 * private WeakMap. Assistive technology still reads inside (the
 * accessibility tree does not depend on the mode), so every accessible name
 * stays inside the root.
 *
 * The e2e flavour (`wxt build --mode e2e`) opens them, because Playwright's
 * locators pierce open roots only; a test page asks for the production
 * behaviour with E2E_CLOSED_ROOTS_ATTR on <html> (tests/e2e/hostile.spec.ts).
 * In every other build the condition is the constant `false` and the bundler
 * drops it: no attribute, no open root (tests/unit/content/private-root.test.ts
 * bundles this file as production does and checks).
 */
export const E2E_CLOSED_ROOTS_ATTR = 'data-churn-radar-e2e-closed-roots';

/** The e2e flavour's mode: open, unless the test page asks for production's. */
export function e2eShadowMode(doc: Document): ShadowRootMode {
  return doc.documentElement.hasAttribute(E2E_CLOSED_ROOTS_ATTR) ? 'closed' : 'open';
}

const roots = new WeakMap<Element, ShadowRoot>();

export function attachPrivateRoot(host: HTMLElement): ShadowRoot {
  // A literal comparison the bundler folds: production keeps only `{ mode: 'closed' }`.
  const root = host.attachShadow({ mode: import.meta.env.MODE === 'e2e' ? e2eShadowMode(host.ownerDocument) : 'closed' });
  roots.set(host, root);
  return root;
}

/** The root this copy of the content script attached to `host`; undefined for anyone else's host. */
export function privateRootOf(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}
