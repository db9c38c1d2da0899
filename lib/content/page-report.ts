import type { PageExtraction } from '../adapters/types';
import type { SendMessage } from '../messaging/client';
import { EMPTY_SETTLE_MS } from './health-report';

export interface PageReporterDeps {
  send: SendMessage;
  currentUrl: () => string;
  setTimeout: (task: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

/**
 * Tells the background what this page shows, so the side panel follows the
 * page exactly (lib/focus/page-focus.ts): a detail page's customer at once, a
 * list at once, and "nothing read" only once an empty page has stayed empty
 * for EMPTY_SETTLE_MS (a CRM renders in steps). Sent only when that outcome
 * changes — a new URL, a list becoming a detail page — never per scroll.
 * Wired in the top frame only: it is the page the agent is looking at.
 */
export function createPageReporter(deps: PageReporterDeps) {
  let lastKey = '';
  let timer: number | undefined;

  function send(report: { url: string; kind: PageExtraction['kind'] | null; customers: number; detailId: string | null; settled: boolean }) {
    const key = JSON.stringify([report.url, report.kind, report.customers > 0, report.detailId, report.settled]);
    if (key === lastKey) return;
    lastKey = key;
    void deps.send('reportPage', report).catch(() => undefined);
  }

  return function observe(extraction: PageExtraction | null): void {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
    const customers = extraction?.customers.length ?? 0;
    const kind = extraction?.kind ?? null;
    const only = customers === 1 ? extraction!.customers[0]!.snapshot.crmId : null;
    const report = { url: deps.currentUrl(), kind, customers, detailId: kind === 'detail' ? only : null, settled: false };
    send(report);
    if (customers === 0) {
      timer = deps.setTimeout(() => {
        timer = undefined;
        send({ ...report, settled: true });
      }, EMPTY_SETTLE_MS);
    }
  };
}
