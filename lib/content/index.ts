import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/browser-client';
import { t } from '../i18n';
import { createBadgeRenderer } from './badge';
import { foreignTargets } from './mutations';
import { createPopover } from './popover';
import { createScanner } from './scanner';
import { pageObserver } from './health-report';
import { createPageReporter } from './page-report';
import { nextScanDelay } from './time-budget';
import { watchTierThresholds } from '../risk/thresholds-watch';
import { configurePageAdapters, configurePageRecipes } from '../adapters/registry';
import { createRowCache } from '../adapters/generic/row-cache';
import { nameText } from '../adapters/generic/text';
import { DATE_ORDER_KEY, JOIN_BY_KEY } from '../mapping/site-setting-keys';
import { SITE_RECIPES_KEY } from '../recipes/recipes-key';
import { localReader } from '../storage-reader';
import { watchSiteSetting } from './site-setting';
import { listenForPageCommands, readByTopFrame } from './page-commands';
import { aliveOnly, endedCheck, endWhenExtensionGone, endWhenRefused, isOwnLocationChange } from './lifecycle';

/**
 * A CRM change is never answered inside the CRM's own task: the scan runs
 * after the frame that shows it is painted (a rAF, then a task), with the
 * nodes the CRM changed, so a live cell costs its row only and a new list is
 * read rows-on-screen first (lib/content/scanner.ts). A hidden tab paints no
 * frames: AFTER_PAINT_FALLBACK_MS runs the scan anyway. After a costly scan
 * the next one waits in proportion (time-budget.ts: a 10,000-row list must
 * not starve its page). Slices of a scan wait for idle time, at most IDLE_TIMEOUT_MS.
 */
const AFTER_PAINT_FALLBACK_MS = 100;
const IDLE_TIMEOUT_MS = 100;
/** Changed nodes remembered between scans; past this the page is read again as a whole. */
const MAX_CHANGED_NODES = 2000;
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
      // The name as the adapters read it: no avatar initials or hidden text glued to it ("TTobias Hughes").
      const anchor = renderer.anchorOf(host);
      const name = (anchor ? nameText(anchor) : '') || crmId;
      popover.open(host, crmId, name, score, send('getBadgeDetails', { crmId }));
      void send('focusCustomer', { crmId }).catch(() => undefined);
    },
    // Resting on a badge picks that customer for the side panel too; passing over badges does not.
    onHover(crmId) {
      clearTimeout(hoverTimer);
      if (crmId !== null) hoverTimer = ctx.setTimeout(() => void send('focusCustomer', { crmId }).catch(() => undefined), HOVER_PICK_MS);
    },
  });
  const scanner = createScanner({
    doc,
    currentUrl: () => new URL(location.href),
    send,
    renderer,
    onExtraction: pageObserver(
      send,
      ctx,
      window === window.top
        ? createPageReporter({
            send,
            currentUrl: () => location.href,
            setTimeout: (task, ms) => ctx.setTimeout(task, ms),
            clearTimeout: (id) => clearTimeout(id),
          })
        : undefined,
    ),
    nextFrame: () => new Promise((resolve) => afterPaint(resolve)),
    nextIdle: () => new Promise((resolve) => ctx.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS })),
    onScores: (count) => performance.mark('churn-radar:scores-received', { detail: { count } }),
    onScanned: (stats) => {
      lastScan = { endedAt: performance.now(), blockedMs: stats.syncMs };
      if (stats.drawn + stats.failed > 0) performance.mark('churn-radar:badges-drawn', { detail: stats });
      observeFrames();
    },
  });

  /** Runs `task` once the next frame is painted (or soon, in a hidden tab that paints none). */
  function afterPaint(task: () => void) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      task();
    };
    ctx.requestAnimationFrame(() => ctx.setTimeout(once, 0));
    ctx.setTimeout(once, AFTER_PAINT_FALLBACK_MS);
  }

  // What the CRM changed since the last scan: nodes, or 'page' (read it all).
  let changes: Node[] | 'page' = 'page';
  let waiting = false;
  const schedule = (nodes?: readonly Node[]) => {
    if (!nodes || changes === 'page' || changes.length + nodes.length > MAX_CHANGED_NODES) changes = 'page';
    else changes.push(...nodes);
    if (waiting) return;
    waiting = true;
    ctx.setTimeout(
      () =>
        afterPaint(() => {
          waiting = false;
          const asked = changes;
          changes = [];
          void scanner.scan(asked === 'page' ? {} : { changed: asked });
        }),
      nextScanDelay(performance.now(), lastScan, 0),
    );
  };

  const observer = new MutationObserver((records) => {
    if (ended()) return;
    const targets = foreignTargets(records);
    if (targets.length > 0) schedule(targets);
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
  ctx.addEventListener(
    doc,
    'load',
    (event) => {
      if ((event.target as Element | null)?.localName === 'iframe') schedule();
    },
    { capture: true },
  );
  // The site's settings from Options → Sites (join customers by, date order, taught recipes): a change re-reads the page at once.
  // Read with lib/storage-reader.ts, not the items: @wxt-dev/storage alone is ≈ 3 KB of the content script's 30 KB gzipped budget.
  // A setting set re-reads and records the page as read now; a setting removed (and every one is on "Erase everything")
  // re-reads and re-scores only: recording then would write the erased customers of this open page back.
  const reread = (record: boolean) => {
    scanner.forget({ record });
    schedule();
  };
  watchSiteSetting(
    localReader(JOIN_BY_KEY),
    location.origin,
    (joinBy) => {
      configurePageAdapters({ joinBy });
      reread(joinBy !== undefined);
    },
    ctx.signal,
  );
  watchSiteSetting(
    localReader(DATE_ORDER_KEY),
    location.origin,
    (dateOrder) => {
      configurePageAdapters({ dateOrder });
      reread(dateOrder !== undefined);
    },
    ctx.signal,
  );
  // Taught recipes are read before automatic detection (lib/recipes).
  watchSiteSetting(
    localReader(SITE_RECIPES_KEY),
    location.origin,
    (recipes) => {
      configurePageRecipes(recipes ?? []);
      reread(recipes !== undefined);
    },
    ctx.signal,
    (recipes) => JSON.stringify(recipes ?? []),
  );
  // The site's field mapping changed (the background's command): only scoring reads it.
  listenForPageCommands(() => reread(false), ctx.signal);
  ctx.onInvalidated(() => {
    observer.disconnect();
    // Site disabled (STOP) or the extension reloaded: dead badges must not stay. A newer copy draws its own.
    popover.close();
    renderer.removeAll();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    if (!isOwnLocationChange(event)) return; // the page replaying the event's name
    popover.close();
    schedule();
  });
  // Tier thresholds saved (or removed) in options: the scores are asked for again, so badges re-tier without a reload.
  watchTierThresholds(() => reread(false), ctx.signal);
  schedule();
}
