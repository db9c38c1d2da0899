import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer } from '../adapters/types';
import type { BadgeScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer, Placement } from './badge';

/** Customers per scanPage message: bounded so one message never holds the background long. */
export const BATCH_SIZE = 1000;
/**
 * Badges drawn per frame. Building them is cheap; placing them makes the
 * browser re-style and re-lay-out the CRM's rows. Measured on a 1,000-row
 * table: 250 per frame ≈ 30–35 ms frames, 500 ≈ 60 ms, 1,000 at once ≈ 80 ms.
 */
export const PLACE_PER_FRAME = 250;

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
  /** Resolve after the browser has rendered a frame (between placement chunks). */
  nextFrame: () => Promise<void>;
  onScanned?: (stats: ScanStats) => void;
}

const fieldsKey = (customer: ExtractedCustomer) => JSON.stringify([customer.snapshot.name, customer.snapshot.fields]);

/**
 * Finds customers on the page, asks the background for scores of the ones it
 * has not scored yet (or whose fields changed), and draws badges a frame's worth at a time.
 * Scans never overlap: a scan requested during one runs once right after it.
 */
export function createScanner(deps: ScannerDeps) {
  const known = new Map<string, { key: string; score: BadgeScore }>();
  let running: Promise<void> | null = null;
  let rerun = false;

  /**
   * Draw a frame's worth of badges at a time, in page order: build them
   * detached, place them together, let the browser render, go on. Updates of
   * existing badges happen in place.
   */
  async function drawAll(items: { customer: ExtractedCustomer; score: BadgeScore | null; error?: string }[], stats: ScanStats) {
    for (let start = 0; start < items.length; start += PLACE_PER_FRAME) {
      if (start > 0) await deps.nextFrame();
      const placements: Placement[] = [];
      for (const { customer, score, error } of items.slice(start, start + PLACE_PER_FRAME)) {
        const { anchor, snapshot } = customer;
        if (!anchor.isConnected) continue; // the CRM re-rendered meanwhile; the mutation brings a new scan
        let placement: Placement | null = null;
        if (score) {
          const host = deps.renderer.existing(anchor, snapshot.crmId);
          if (!host || deps.renderer.scoreOf(host) !== score) placement = deps.renderer.render(anchor, snapshot.crmId, score);
          stats.drawn++;
        } else {
          placement = deps.renderer.renderFailure(anchor, snapshot.crmId, error ?? 'unknown error');
          stats.failed++;
        }
        if (placement) placements.push(placement);
      }
      for (const place of placements) place();
    }
  }

  async function scanOnce(): Promise<void> {
    const url = deps.currentUrl();
    const adapter = adapterFor(url, deps.doc, deps.adapters);
    const extraction = adapter?.extract(deps.doc, url) ?? null;
    const stats: ScanStats = { kind: extraction?.kind ?? null, found: extraction?.customers.length ?? 0, sent: 0, drawn: 0, failed: 0 };
    if (!adapter || !extraction) return deps.onScanned?.(stats);

    const ready: { customer: ExtractedCustomer; score: BadgeScore | null; error?: string }[] = [];
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
          ...(extraction.today ? { today: extraction.today } : {}),
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
