import type { CDPSession, Page } from '@playwright/test';

/**
 * Reads and clicks inside a closed shadow root, which Playwright's locators
 * cannot enter (by design: no page script can either). Chromium's DevTools
 * protocol can: DOM.describeNode with pierce lists a host's closed root, and
 * the root's JS object answers queries. Clicks are real mouse clicks at the
 * element's box, as a user's would be.
 */
export async function closedRoot(page: Page, hostSelector: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);

  async function root(): Promise<string | null> {
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: hostSelector });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  }

  async function call<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    const objectId = await root();
    if (!objectId) return null;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    });
    return (result.value ?? null) as T | null;
  }

  return {
    /** The shadow root's mode, or null without a host: proves the root is closed. */
    mode: () => call<string>('function () { return this.mode; }'),
    text: (selector: string) => call<string>('function (s) { const el = this.querySelector(s); return el ? el.textContent : null; }', selector),
    visible: (selector: string) =>
      call<boolean>('function (s) { const el = this.querySelector(s); return !!el && !el.hidden && el.getClientRects().length > 0; }', selector),
    async click(selector: string): Promise<void> {
      const box = await call<{ x: number; y: number }>(
        'function (s) { const r = this.querySelector(s).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }',
        selector,
      );
      if (!box) throw new Error(`no ${selector} in the closed root of ${hostSelector}`);
      await page.mouse.click(box.x, box.y);
    },
    /** Chooses an option of a <select> as the keyboard would (value set, change fired). */
    select: (selector: string, value: string) =>
      call<boolean>(
        "function (s, v) { const el = this.querySelector(s); el.value = v; el.dispatchEvent(new Event('change', { bubbles: true })); return el.value === v; }",
        selector,
        value,
      ),
  };
}
