import type { PageExtraction } from '../adapters/types';
import type { SendMessage } from '../messaging/client';
import { fieldLabels } from '../sites/health';

/**
 * Adapter health from the page: what each page yielded, including nothing.
 * The report waits for the page to settle (a CRM renders in steps, and the
 * first scans at document_start see an empty page), waits longer before
 * saying "nothing", and is sent again only when the outcome changes.
 */
export const SETTLE_MS = 1000;
export const EMPTY_SETTLE_MS = 3000;

export interface HealthReporterDeps {
  send: SendMessage;
  currentUrl: () => string;
  setTimeout: (task: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export function createHealthReporter(deps: HealthReporterDeps) {
  let timer: number | undefined;
  let lastSent = '';

  return function observe(extraction: PageExtraction | null): void {
    if (timer !== undefined) deps.clearTimeout(timer);
    const customers = extraction?.customers.length ?? 0;
    timer = deps.setTimeout(
      () => {
        timer = undefined;
        // Labels are collected here, off the scan's hot path.
        const recipe = extraction?.recipe;
        const report = {
          url: deps.currentUrl(),
          kind: extraction?.kind ?? null,
          customers,
          fields: fieldLabels(extraction?.customers.map((c) => c.snapshot) ?? []),
          ...(recipe ? { recipe: { id: recipe.id, expected: recipe.expected, found: recipe.found } } : {}),
          ...(extraction?.dateOrder ? { dateOrder: { order: extraction.dateOrder.order, source: extraction.dateOrder.source } } : {}),
        };
        const key = JSON.stringify(report);
        if (key === lastSent) return;
        lastSent = key;
        void deps.send('reportPageHealth', report).catch(() => undefined);
      },
      customers > 0 ? SETTLE_MS : EMPTY_SETTLE_MS,
    );
  };
}

/** Health reporting wired to this page, and any other observer of what each scan found. */
export function pageObserver(
  send: SendMessage,
  ctx: { setTimeout: (task: () => void, ms: number) => number },
  also?: (extraction: PageExtraction | null) => void,
): (extraction: PageExtraction | null) => void {
  const health = createHealthReporter({
    send,
    currentUrl: () => location.href,
    setTimeout: (task, ms) => ctx.setTimeout(task, ms),
    clearTimeout: (id) => clearTimeout(id),
  });
  return (extraction) => {
    health(extraction);
    also?.(extraction);
  };
}
