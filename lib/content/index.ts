import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/browser-client';
import { t } from '../i18n';
import { createBadgeRenderer } from './badge';
import { foreignRecords } from './mutations';
import { createIdleQueue } from './idle-queue';
import { createPopover } from './popover';
import { createScanner } from './scanner';
import { healthReportingAdapters } from './health-report';
import { createPageReporter } from './page-report';
import { nextScanDelay } from './time-budget';
import { watchTierThresholds } from '../risk/thresholds-watch';
import { configurePageAdapters, configurePageRecipes } from '../adapters/registry';
import { createRowCache } from '../adapters/generic/row-cache';
import { watchJoinBy } from './join-setting';
import { watchRecipes } from './recipes-setting';
import { listenForPageCommands, readByTopFrame } from './page-commands';
import { aliveOnly, endedCheck, endWhenExtensionGone, endWhenRefused, isOwnLocationChange } from './lifecycle';

/**
 * The CRM must not feel us (issue 18): a CRM mutation is never answered in
 * the CRM's own task. A change inside rows already known only marks them for
 * re-reading in idle time (scanner.rowsChanged); any other change asks for a
 * scan in its own task right after the CRM's frame is painted (a frame, then
 * a task: the CRM's rows are on screen, and reading their boxes costs no
 * layout), debounced to one per frame and spaced by the last scan's cost
 * (time-budget.ts). The scan reads the rows on screen; the rest are read in
 * idle slices (scanner.ts, idle-queue.ts). A hidden tab gets no frames:
 * AFTER_PAINT_FALLBACK_MS runs the scan anyway.
 */
const AFTER_PAINT_FALLBACK_MS = 100;
/** How long the pointer rests on a badge before its customer becomes the side panel's. */
const HOVER_PICK_MS = 600;

/** Wires the scanner, badges and popover to the page; everything is torn down with the context. */
export function startContentScript(ctx: ContentScriptContext): void {
  if (readByTopFrame(window)) return;
  const doc = document;
  let lastScan = { endedAt: -Infinity, blockedMs: 0 };
  // An extension update or removal, or a refusal from the background (not an enabled site: Firefox's
  // patterns cover every port of a host), ends this copy and its badges; nothing it asked is acted on after.
  const ended = endedCheck(ctx, () => browser.runtime?.id);
  endWhenExtensionGone(ctx, ended);
  const send = aliveOnly(endWhenRefused(sendMessage, ctx), ended);
  // Re-scans re-read only the rows that changed (lib/adapters/generic/row-cache.ts).
  configurePageAdapters({ rowCache: createRowCache() });
  const popover = createPopover({
    doc,
    t,
    signal: ctx.signal,
    focusBadge: (host) => renderer.focus(host),
    actions: {
      copy: (text) => navigator.clipboard.writeText(text),
      openSidePanel: (crmId) => void send('openSidePanel', { crmId }).catch(() => undefined),
    },
  });
  let hoverTimer: number | undefined;
  const renderer = createBadgeRenderer({
    doc,
    t,
    signal: ctx.signal,
    onActivate(host, crmId) {
      const score = renderer.scoreOf(host);
      if (!score) return;
      const name = host.previousElementSibling?.textContent?.trim() ?? crmId;
      popover.open(host, crmId, name, score, send('getBadgeDetails', { crmId }));
      void send('focusCustomer', { crmId }).catch(() => undefined);
    },
    // Resting on a badge picks that customer for the side panel too; passing over badges does not.
    onHover(crmId) {
      clearTimeout(hoverTimer);
      if (crmId !== null) hoverTimer = ctx.setTimeout(() => void send('focusCustomer', { crmId }).catch(() => undefined), HOVER_PICK_MS);
    },
  });
  // Plain requestIdleCallback: ctx's wrapper adds an abort listener per call, and a page never done changing makes thousands.
  const idle = createIdleQueue({ requestIdle: (run, options) => requestIdleCallback((deadline) => ended() || run(deadline), options), now: () => performance.now() });
  const scanner = createScanner({
    doc,
    currentUrl: () => new URL(location.href),
    send,
    renderer,
    idle,
    adapters: healthReportingAdapters(send, ctx, window === window.top ? createPageReporter({ send, currentUrl: () => location.href, setTimeout: (task, ms) => ctx.setTimeout(task, ms), clearTimeout: (id) => clearTimeout(id) }) : undefined),
    onScores: (count) => performance.mark('churn-radar:scores-received', { detail: { count } }),
    onScanned: (stats) => {
      lastScan = { endedAt: performance.now(), blockedMs: stats.syncMs };
      performance.mark('churn-radar:scanned', { detail: stats });
      observeFrames();
    },
    onSettled: (stats) => {
      if (stats.drawn + stats.failed > 0) performance.mark('churn-radar:badges-drawn', { detail: stats });
    },
  });

  let scheduled = false;
  /** One scan, in its own task after the CRM's next painted frame (or the fallback), spaced by the last one's cost. */
  const schedule = () => {
    if (scheduled || ended()) return;
    scheduled = true;
    ctx.setTimeout(() => {
      let ran = false;
      const run = () => {
        if (ran || ended()) return;
        ran = true;
        scheduled = false;
        scanner.scan();
      };
      ctx.requestAnimationFrame(() => ctx.setTimeout(run, 0));
      ctx.setTimeout(run, AFTER_PAINT_FALLBACK_MS);
    }, Math.max(0, nextScanDelay(performance.now(), lastScan, 0)));
  };

  const observer = new MutationObserver((records) => {
    if (ended()) return;
    const changes = foreignRecords(records);
    if (changes.length > 0 && !scanner.rowsChanged(changes)) schedule();
  });
  // The script runs at document_start, so it sees the CRM's first render too.
  const watching = { childList: true, subtree: true, characterData: true };
  observer.observe(doc.documentElement, watching);
  // Same-origin frames' lists are read from here (roots.ts): their changes and reloads must bring a scan too.
  const observed = new WeakSet<Document>();
  function observeFrames() {
    for (const frame of doc.querySelectorAll('iframe, frame')) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        inner = null;
      }
      if (!inner?.documentElement || observed.has(inner)) continue;
      observed.add(inner);
      observer.observe(inner.documentElement, watching);
    }
  }
  ctx.addEventListener(doc, 'load', (event) => {
    if ((event.target as Element | null)?.localName === 'iframe') schedule();
  }, { capture: true });
  watchJoinBy(location.origin, (joinBy) => {
    configurePageAdapters({ joinBy });
    scanner.forget();
    schedule();
  }, ctx.signal);
  // Taught recipes are read before automatic detection (lib/recipes); a new one re-reads the page at once.
  watchRecipes(location.origin, (recipes) => {
    configurePageRecipes(recipes);
    scanner.forget();
    schedule();
  }, ctx.signal);
  listenForPageCommands(() => {
    scanner.forget();
    schedule();
  }, ctx.signal);
  ctx.onInvalidated(() => {
    observer.disconnect();
    scanner.stop();
    // Site disabled (STOP) or the extension reloaded: dead badges must not stay. A newer copy draws its own.
    popover.close();
    renderer.removeAll();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    if (!isOwnLocationChange(event)) return; // the page replaying the event's name
    popover.close();
    schedule();
  });
  // Tier thresholds saved in options: the scores are asked for again, so badges re-tier without a reload.
  watchTierThresholds(() => {
    scanner.forget();
    schedule();
  }, ctx.signal);
  schedule();
}
