import { withIsoDates } from '../adapters/dates';
import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer } from '../adapters/types';
import type { BadgeScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer, Placement } from './badge';

/** Customers per scanPage message: bounded so one message never holds the background long. */
export const BATCH_SIZE = 1000;
/**
 * Hosts placed per frame when a scan runs on its own, after the CRM's render
 * (placing them makes the browser re-lay-out the CRM's rows). Measured on a
 * 1,000-row table: 250 per frame ≈ 30–35 ms frames, 1,000 at once ≈ 80 ms.
 * Inside the CRM's own render task they are placed all at once: the CRM's
 * rows are laid out anyway, and ours are laid out with them.
 */
const PLACE_PER_FRAME = 250;
/**
 * Placeholders filled per task when scores arrive: filling is paint-only but
 * still ≈ 40–80 µs of script per badge here (attributes, labels), so 1,000 at
 * once was a 60–85 ms task; 500 keeps each under ≈ 40 ms in two tasks (250
 * per task added two more frames, ≈ 60 ms, before the last badge).
 */
const FILL_PER_TASK = 500;

export interface ScanStats {
  kind: PageKind | null;
  found: number;
  sent: number;
  drawn: number;
  failed: number;
  /** Milliseconds of the scan's synchronous part (extraction + placing), the part a CRM task waits for. */
  syncMs: number;
  /** Of which extraction by the adapter. */
  extractMs: number;
}

export interface ScanOptions {
  /**
   * True when called from the mutation callback of the CRM's own render, in
   * the CRM's task: hosts are placed right away so the page is laid out once.
   */
  inRender?: boolean;
}

export interface ScannerDeps {
  doc: Document;
  currentUrl: () => URL;
  send: SendMessage;
  renderer: BadgeRenderer;
  adapters?: readonly CrmAdapter[];
  /** Resolve after the browser has rendered a frame (between placement chunks). */
  nextFrame: () => Promise<void>;
  /** Resolve on a later task, so the page's own events run between fill chunks. */
  nextTask?: () => Promise<void>;
  onScanned?: (stats: ScanStats) => void;
  /** The background's scores arrived (before any badge is filled). */
  onScores?: (count: number) => void;
  now?: () => number;
}

const fieldsKey = (customer: ExtractedCustomer) => JSON.stringify([customer.snapshot.name, customer.snapshot.fields, customer.snapshot.activities]);

/**
 * Finds customers on the page and gives each a badge host at once (its known
 * score, or an invisible placeholder), then asks the background for the scores
 * it does not have and fills the placeholders in place when they arrive.
 * Filling never inserts into the CRM's DOM, so it never re-lays-out the CRM.
 * Scans never overlap: a scan requested during one runs once right after it.
 */
export function createScanner(deps: ScannerDeps) {
  const now = deps.now ?? (() => performance.now());
  const nextTask = deps.nextTask ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const known = new Map<string, { key: string; score: BadgeScore }>();
  let running: Promise<void> | null = null;
  let rerun = false;
  /** The next scan only re-scores (see forget): the background scores the page's customers without recording them. */
  let scoreOnly = false;

  /** Run placements: all now, or the first frame's worth now and the rest frame by frame. */
  async function place(placements: Placement[], allAtOnce: boolean) {
    const chunk = allAtOnce ? placements.length : PLACE_PER_FRAME;
    for (let start = 0; start < placements.length; start += chunk) {
      if (start > 0) await deps.nextFrame();
      for (const run of placements.slice(start, start + chunk)) run();
    }
  }

  function fill(items: { customer: ExtractedCustomer; score: BadgeScore | null; error?: string }[], stats: ScanStats): Placement[] {
    const late: Placement[] = [];
    for (const { customer, score, error } of items) {
      const { anchor, snapshot } = customer;
      if (!anchor.isConnected) continue; // the CRM re-rendered meanwhile; its mutation brings a new scan
      const placement = score
        ? deps.renderer.render(anchor, snapshot.crmId, score)
        : deps.renderer.renderFailure(anchor, snapshot.crmId, error ?? 'unknown error');
      if (score) stats.drawn++;
      else stats.failed++;
      if (placement) late.push(placement);
    }
    return late;
  }

  async function scanOnce(options: ScanOptions): Promise<void> {
    const started = now();
    const url = deps.currentUrl();
    const adapter = adapterFor(url, deps.doc, deps.adapters);
    const extraction = adapter?.extract(deps.doc, url) ?? null;
    const extractMs = now() - started;
    const stats: ScanStats = { kind: extraction?.kind ?? null, found: extraction?.customers.length ?? 0, sent: 0, drawn: 0, failed: 0, syncMs: 0, extractMs };
    // Badges of anchors that are no longer a customer's (in-app navigation kept the element, not its customer).
    deps.renderer.removeAllBut(new Set(extraction?.customers.map((customer) => customer.anchor)));
    if (!adapter || !extraction) return deps.onScanned?.({ ...stats, syncMs: now() - started });

    // Synchronous part: every customer gets its host now.
    const pending: { customer: ExtractedCustomer; key: string }[] = [];
    const placements: Placement[] = [];
    for (const customer of extraction.customers) {
      const { anchor, snapshot } = customer;
      const cached = known.get(snapshot.crmId);
      const key = fieldsKey(customer);
      // A detail page is always reported: it moves the side panel to this customer.
      let placement: Placement | null;
      if (cached && cached.key === key && extraction.kind === 'list') {
        const host = deps.renderer.existing(anchor, snapshot.crmId);
        placement = host && deps.renderer.scoreOf(host) === cached.score ? null : deps.renderer.render(anchor, snapshot.crmId, cached.score);
        stats.drawn++;
      } else {
        pending.push({ customer, key });
        placement = deps.renderer.reserve(anchor, snapshot.crmId);
      }
      if (placement) placements.push(placement);
    }
    const placed = place(placements, options.inRender === true);
    stats.syncMs = now() - started;

    const record = !scoreOnly;
    scoreOnly = false;
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      stats.sent += batch.length;
      let items: { customer: ExtractedCustomer; score: BadgeScore | null; error?: string }[];
      try {
        const { scores, rejected } = await deps.send('scanPage', {
          url: url.href,
          pageKind: extraction.kind,
          adapter: adapter.id,
          // Dates that read both ways ("12/6/2026") go as ISO days once the page's order is known (lib/adapters/dates.ts).
          customers: batch.map((c) => withIsoDates(c.customer.snapshot, extraction.dateOrder?.order)),
          ...(extraction.today ? { today: extraction.today } : {}),
          ...(record ? {} : { record: false as const }),
        });
        deps.onScores?.(scores.length);
        const byId = new Map(scores.map((s) => [s.crmId, s]));
        // Only the rows the background left out as invalid fail, each with its own reason; the page's other rows are scored.
        const problems = new Map(rejected?.map((row) => [row.index, row.problem]));
        items = batch.map(({ customer, key }, index) => {
          const score = byId.get(customer.snapshot.crmId) ?? null;
          if (score) known.set(customer.snapshot.crmId, { key, score });
          return { customer, score, error: score ? undefined : (problems.get(index) ?? 'no score returned') };
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        items = batch.map(({ customer }) => ({ customer, score: null, error: message }));
      }
      await placed; // fill hosts only once they are in the page, or fill would build duplicates
      for (let from = 0; from < items.length; from += FILL_PER_TASK) {
        if (from > 0) await nextTask();
        await place(fill(items.slice(from, from + FILL_PER_TASK), stats), false);
      }
    }
    await placed;
    deps.onScanned?.(stats);
  }

  function scan(options: ScanOptions = {}): Promise<void> {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      try {
        let first = true;
        do {
          rerun = false;
          await scanOnce(first ? options : {});
          first = false;
        } while (rerun);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  /**
   * Forget the scores this page was given (a setting changed): the next scan
   * asks again. `record: false` when only scoring changed (tier thresholds, the
   * field mapping, a setting removed — as "Erase everything" removes them all):
   * that scan's customers are scored, not recorded again, so an erase cannot
   * bring the open page's customers back. Later scans record as usual.
   */
  function forget(options: { record?: boolean } = {}): void {
    known.clear();
    if (options.record === false) scoreOnly = true;
  }

  return { scan, forget, busy: () => running !== null };
}
