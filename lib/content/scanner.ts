import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer } from '../adapters/types';
import type { CustomerScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer, Placement } from './badge';

/** Work in slices this long, then yield, so the CRM page never sees a long task from us. */
export const SLICE_MS = 8;
/** Customers per scanPage message: bounded so one message never holds the background long. */
export const BATCH_SIZE = 1000;

export interface ScanStats {
  kind: PageKind | null;
  found: number;
  sent: number;
  drawn: number;
  failed: number;
}

export interface ScannerDeps {
  doc: Document;
  currentUrl: () => URL;
  send: SendMessage;
  renderer: BadgeRenderer;
  adapters?: readonly CrmAdapter[];
  /** Let the page breathe between slices (scheduler.yield or a macrotask). */
  yieldToMain: () => Promise<void>;
  now: () => number;
  onScanned?: (stats: ScanStats) => void;
}

const fieldsKey = (customer: ExtractedCustomer) => JSON.stringify([customer.snapshot.name, customer.snapshot.fields]);

/**
 * Finds customers on the page, asks the background for scores of the ones it
 * has not scored yet (or whose fields changed), and draws badges in time slices.
 * Scans never overlap: a scan requested during one runs once right after it.
 */
export function createScanner(deps: ScannerDeps) {
  const known = new Map<string, { key: string; score: CustomerScore }>();
  let running: Promise<void> | null = null;
  let rerun = false;

  /** Build badges in time slices, then place all new ones in one go (one layout of the CRM's table). */
  async function drawAll(items: { customer: ExtractedCustomer; score: CustomerScore | null; error?: string }[], stats: ScanStats) {
    const placements: Placement[] = [];
    let sliceStart = deps.now();
    for (const { customer, score, error } of items) {
      if (deps.now() - sliceStart > SLICE_MS) {
        await deps.yieldToMain();
        sliceStart = deps.now();
      }
      const { anchor, snapshot } = customer;
      if (!anchor.isConnected) continue; // the CRM re-rendered meanwhile; the mutation brings a new scan
      if (score) {
        const host = deps.renderer.existing(anchor, snapshot.crmId);
        if (!host || deps.renderer.scoreOf(host) !== score) {
          const placement = deps.renderer.render(anchor, snapshot.crmId, score);
          if (placement) placements.push(placement);
        }
        stats.drawn++;
      } else {
        const placement = deps.renderer.renderFailure(anchor, snapshot.crmId, error ?? 'unknown error');
        if (placement) placements.push(placement);
        stats.failed++;
      }
    }
    for (const place of placements) place();
  }

  async function scanOnce(): Promise<void> {
    const url = deps.currentUrl();
    const adapter = adapterFor(url, deps.doc, deps.adapters);
    const extraction = adapter?.extract(deps.doc, url) ?? null;
    const stats: ScanStats = { kind: extraction?.kind ?? null, found: extraction?.customers.length ?? 0, sent: 0, drawn: 0, failed: 0 };
    if (!adapter || !extraction) return deps.onScanned?.(stats);

    const ready: { customer: ExtractedCustomer; score: CustomerScore | null; error?: string }[] = [];
    const pending: ExtractedCustomer[] = [];
    for (const customer of extraction.customers) {
      const cached = known.get(customer.snapshot.crmId);
      // A detail page is always reported: it moves the side panel to this customer.
      if (cached && cached.key === fieldsKey(customer) && extraction.kind === 'list') ready.push({ customer, score: cached.score });
      else pending.push(customer);
    }
    await drawAll(ready, stats);

    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      stats.sent += batch.length;
      try {
        const { scores } = await deps.send('scanPage', {
          url: url.href,
          pageKind: extraction.kind,
          adapter: adapter.id,
          customers: batch.map((c) => c.snapshot),
        });
        const byId = new Map(scores.map((s) => [s.crmId, s]));
        const items = batch.map((customer) => {
          const score = byId.get(customer.snapshot.crmId) ?? null;
          if (score) known.set(customer.snapshot.crmId, { key: fieldsKey(customer), score });
          return { customer, score, error: score ? undefined : 'no score returned' };
        });
        await drawAll(items, stats);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await drawAll(batch.map((customer) => ({ customer, score: null, error: message })), stats);
      }
    }
    deps.onScanned?.(stats);
  }

  function scan(): Promise<void> {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          rerun = false;
          await scanOnce();
        } while (rerun);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return { scan };
}
