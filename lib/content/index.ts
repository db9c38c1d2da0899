import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/browser-client';
import { t } from '../i18n';
import { createBadgeRenderer } from './badge';
import { hasForeignChange } from './mutations';
import { createPopover } from './popover';
import { createScanner } from './scanner';

/**
 * Quiet time after the last CRM mutation before re-scanning (SPA renders come
 * in bursts), then the first idle moment, but never later than IDLE_TIMEOUT_MS:
 * badges should follow the CRM's own render within a frame or two.
 */
const DEBOUNCE_MS = 16;
const IDLE_TIMEOUT_MS = 50;

/** Wires the scanner, badges and popover to the page; everything is torn down with the context. */
export function startContentScript(ctx: ContentScriptContext): void {
  const doc = document;
  const popover = createPopover({
    doc,
    t,
    signal: ctx.signal,
    actions: {
      copy: (text) => navigator.clipboard.writeText(text),
      openSidePanel: (crmId) => void sendMessage('openSidePanel', { crmId }).catch(() => undefined),
    },
  });
  const renderer = createBadgeRenderer({
    doc,
    t,
    signal: ctx.signal,
    onActivate(host, crmId) {
      const score = renderer.scoreOf(host);
      if (!score) return;
      const name = host.previousElementSibling?.textContent?.trim() ?? crmId;
      popover.open(host, crmId, name, score, sendMessage('getBadgeDetails', { crmId }));
      void sendMessage('focusCustomer', { crmId }).catch(() => undefined);
    },
  });
  const scanner = createScanner({
    doc,
    currentUrl: () => new URL(location.href),
    send: sendMessage,
    renderer,
    nextFrame: () => new Promise((resolve) => ctx.requestAnimationFrame(() => ctx.setTimeout(() => resolve(), 0))),
    onScanned: (stats) => {
      if (stats.drawn + stats.failed > 0) performance.mark('churn-radar:badges-drawn', { detail: stats });
    },
  });

  let debounce: number | undefined;
  const schedule = () => {
    clearTimeout(debounce);
    debounce = ctx.setTimeout(() => ctx.requestIdleCallback(() => void scanner.scan(), { timeout: IDLE_TIMEOUT_MS }), DEBOUNCE_MS);
  };

  const observer = new MutationObserver((records) => {
    if (hasForeignChange(records)) schedule();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    popover.close();
    schedule();
  });
  void scanner.scan();
}
