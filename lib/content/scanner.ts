import { withIsoDates } from '../adapters/dates';
import { planOfExtraction } from '../adapters/plan';
import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer, PagePlan } from '../adapters/types';
import type { BadgeScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer } from './badge';
import type { IdleQueue } from './idle-queue';
import { visibleRows } from './visible-rows';

/**
 * Customers per scanPage message: bounded so one message never holds the
 * background long, and far below the message schema's cap
 * (SNAPSHOT_LIMITS.customers), so a page of any size goes in several.
 */
export const BATCH_SIZE = 500;

/**
 * How a page is read without the CRM feeling it (issue 18):
 *
 * - Nothing is read inside the CRM's own tasks. The content script asks for
 *   a scan after the CRM's frame is painted (lib/content/index.ts); a scan
 *   finds the list (the adapter's plan, cheap) and reads only the rows on
 *   screen, sends them, and draws their badges when the scores come back.
 * - Every other row is read in idle slices (idle-queue.ts, ≤ 5 ms each),
 *   sent in batches of BATCH_SIZE (so history gets every row within a few
 *   seconds), and its badge is built in idle slices too. Rows that scroll
 *   into view go first (`showVisible`).
 * - Rows the CRM changes in place (a live column) are re-read alone
 *   (`rowsChanged`), without finding the list again.
 * - A badge is built once its score is known and filled in place after
 *   that: colours and attributes only, no layout inside it (badge.ts).
 * - A customer is asked for again only when what the page shows of it
 *   changed; a detail page is always reported (it moves the side panel).
 */
export interface ScanStats {
  kind: PageKind | null;
  /** Rows of the plan, customers read so far, sent, drawn and failed. */
  rows: number;
  found: number;
  sent: number;
  drawn: number;
  failed: number;
  /** Milliseconds of the scan's synchronous part (plan + rows on screen), one task after the CRM's frame. */
  syncMs: number;
}

export interface ScannerDeps {
  doc: Document;
  currentUrl: () => URL;
  send: SendMessage;
  renderer: BadgeRenderer;
  adapters?: readonly CrmAdapter[];
  idle: IdleQueue;
  /** The rows on screen among these (visible-rows.ts; tests give their own). */
  visible?: (rows: readonly Element[]) => Element[];
  /** The first rows are on screen and asked for (their scores not yet back). */
  onScanned?: (stats: ScanStats) => void;
  /** Every row of the page is read, sent, answered and drawn. */
  onSettled?: (stats: ScanStats) => void;
  /** The background's scores arrived (before their badges are drawn). */
  onScores?: (count: number) => void;
  now?: () => number;
}

type Reply = { customer: ExtractedCustomer; score: BadgeScore | null; error?: string };

const fieldsKey = (customer: ExtractedCustomer) => JSON.stringify([customer.snapshot.name, customer.snapshot.fields, customer.snapshot.activities]);

/** One reading of one page: its plan, the rows still to read, and the customers read. */
interface Pass {
  plan: PagePlan;
  url: URL;
  adapter: string;
  unread: Set<Element>;
  rowSet: Set<Element>;
  /** Rows the CRM changed in place, read before the rest; and where the idle reading is in `plan.rows`. */
  dirty: Element[];
  cursor: number;
  reading: boolean;
  /** The row each customer was read from (the same customer in two rows is read once). */
  rowOf: Map<string, Element>;
  read: ExtractedCustomer[];
  /** Read, to be sent with the next batch. */
  pending: { customer: ExtractedCustomer; key: string }[];
  stats: ScanStats;
  inFlight: number;
}

export function createScanner(deps: ScannerDeps) {
  const now = deps.now ?? (() => performance.now());
  const findVisible = deps.visible ?? ((rows: readonly Element[]) => visibleRows(rows));
  const known = new Map<string, { key: string; score: BadgeScore }>();
  /** What was sent for a customer and is not answered yet: the same reading is not sent twice. */
  const asked = new Map<string, string>();
  /** The latest reading of each customer on the page: scores are drawn beside its anchor. */
  const latest = new Map<string, ExtractedCustomer>();
  let pass: Pass | null = null;
  /** Messages go one after another, so the background sees the page's batches in order. */
  let sending: Promise<void> = Promise.resolve();

  function draw({ customer, score, error }: Reply, stats: ScanStats) {
    const { anchor, snapshot } = customer;
    if (!anchor.isConnected) return; // the CRM re-rendered meanwhile; its mutation brings a new reading
    const placement = score ? deps.renderer.render(anchor, snapshot.crmId, score) : deps.renderer.renderFailure(anchor, snapshot.crmId, error ?? 'unknown error');
    placement?.();
    if (score) stats.drawn++;
    else stats.failed++;
  }

  /** Draw now (rows on screen) or in idle slices, one badge per step. */
  function drawAll(replies: Reply[], stats: ScanStats, urgent: boolean) {
    if (urgent) return replies.forEach((reply) => draw(reply, stats));
    let next = 0;
    deps.idle.push(() => {
      if (next < replies.length) draw(replies[next++]!, stats);
      return next < replies.length;
    });
  }

  function settleIfDone(current: Pass) {
    if (current === pass && current.unread.size === 0 && current.pending.length === 0 && current.inFlight === 0) {
      deps.idle.push(() => {
        if (current === pass) deps.onSettled?.(current.stats);
        return false;
      });
    }
  }

  /** Send what was read (urgent: rows on screen, drawn as soon as the scores are back). */
  function flush(current: Pass, urgent: boolean) {
    while (current.pending.length > 0) {
      const batch = current.pending.splice(0, BATCH_SIZE);
      current.stats.sent += batch.length;
      current.inFlight++;
      const dateOrder = current.plan.dateOrder?.(current.read)?.order;
      const request = {
        url: current.url.href,
        pageKind: current.plan.kind,
        adapter: current.adapter,
        // Dates that read both ways ("12/6/2026") go as ISO days once the page's order is known (lib/adapters/dates.ts).
        customers: batch.map(({ customer }) => withIsoDates(customer.snapshot, dateOrder)),
        ...(current.plan.today ? { today: current.plan.today } : {}),
      };
      sending = sending.then(async () => {
        let replies: Reply[];
        try {
          const { scores, rejected } = await deps.send('scanPage', request);
          deps.onScores?.(scores.length);
          const byId = new Map(scores.map((score) => [score.crmId, score]));
          // Only the rows the background left out are failed (an over-long value, a bad id); the batch is drawn.
          const missing = rejected ? 'rejected by the background (invalid row)' : 'no score returned';
          replies = batch.map(({ customer, key }) => {
            const score = byId.get(customer.snapshot.crmId) ?? null;
            if (score) known.set(customer.snapshot.crmId, { key, score });
            return { customer: latest.get(customer.snapshot.crmId) ?? customer, score, ...(score ? {} : { error: missing }) };
          });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          replies = batch.map(({ customer }) => ({ customer: latest.get(customer.snapshot.crmId) ?? customer, score: null, error: message }));
        } finally {
          for (const { customer, key } of batch) if (asked.get(customer.snapshot.crmId) === key) asked.delete(customer.snapshot.crmId);
          current.inFlight--;
        }
        drawAll(replies, current.stats, urgent);
        settleIfDone(current);
      });
    }
  }

  /** Read one row: draw what is already known, queue what must be asked. Returns true when something was queued to send. */
  function readRow(current: Pass, row: Element, drawNow: boolean): boolean {
    current.unread.delete(row);
    const customer = current.plan.read(row);
    if (!customer) return false;
    const { crmId } = customer.snapshot;
    const other = current.rowOf.get(crmId);
    if (other && other !== row && other.isConnected) return false; // a pinned duplicate row: one customer
    if (!other) {
      current.read.push(customer);
      current.stats.found++;
    }
    current.rowOf.set(crmId, row);
    latest.set(crmId, customer);
    const key = fieldsKey(customer);
    const cached = known.get(crmId);
    if (cached && cached.key === key && current.plan.kind === 'list') {
      const host = deps.renderer.existing(customer.anchor, crmId);
      if (!host || deps.renderer.scoreOf(host) !== cached.score) drawAll([{ customer, score: cached.score }], current.stats, drawNow);
      else current.stats.drawn++;
      return false;
    }
    if (asked.get(crmId) === key) return false; // its answer is on the way and is drawn beside this anchor
    asked.set(crmId, key);
    current.pending.push({ customer, key });
    return true;
  }

  /** The next row to read in idle time: changed rows first, then the page's in order. */
  function nextUnread(current: Pass): Element | undefined {
    while (current.dirty.length > 0) {
      const row = current.dirty.pop()!;
      if (current.unread.has(row)) return row;
    }
    const rows = current.plan.rows;
    while (current.cursor < rows.length) {
      const row = rows[current.cursor++]!;
      if (current.unread.has(row)) return row;
    }
    return undefined;
  }

  /** Read the pass's unread rows in idle slices, one row per step; a batch is sent each time BATCH_SIZE are read. */
  function readIdle(current: Pass) {
    if (current.reading) return;
    current.reading = true;
    deps.idle.push(() => {
      if (current !== pass) return false;
      const row = nextUnread(current);
      if (row) readRow(current, row, false);
      if (current.pending.length >= BATCH_SIZE) flush(current, false);
      if (row) return true;
      current.reading = false;
      flush(current, false);
      settleIfDone(current);
      return false;
    });
  }

  /** Read and send the rows on screen now, and draw those already known. */
  function readVisible(current: Pass, rows: readonly Element[]) {
    let asking = false;
    for (const row of rows) if (current.unread.has(row) && readRow(current, row, true)) asking = true;
    if (asking) flush(current, true);
  }

  /**
   * Find the page's customers (a new plan), read and send the rows on
   * screen now, and everything else in idle slices. Work queued for the
   * previous plan is dropped: its rows are read again from this one.
   */
  function scan(): void {
    const started = now();
    const url = deps.currentUrl();
    const adapter = adapterFor(url, deps.doc, deps.adapters);
    let plan: PagePlan | null = null;
    if (adapter?.plan) plan = adapter.plan(deps.doc, url);
    if (adapter && !plan) {
      const extraction = adapter.extract(deps.doc, url);
      plan = extraction && planOfExtraction(extraction);
    }
    deps.idle.clear();
    if (!adapter || !plan) {
      pass = null;
      return deps.onScanned?.({ kind: null, rows: 0, found: 0, sent: 0, drawn: 0, failed: 0, syncMs: now() - started });
    }
    const current: Pass = {
      plan,
      url,
      adapter: adapter.id,
      unread: new Set(plan.rows),
      rowSet: new Set(plan.rows),
      dirty: [],
      cursor: 0,
      reading: false,
      rowOf: new Map(),
      read: [],
      pending: [],
      stats: { kind: plan.kind, rows: plan.rows.length, found: 0, sent: 0, drawn: 0, failed: 0, syncMs: 0 },
      inFlight: 0,
    };
    pass = current;
    // A detail page is one customer: read it at once.
    readVisible(current, plan.kind === 'detail' ? plan.rows : findVisible(plan.rows));
    current.stats.syncMs = now() - started;
    deps.onScanned?.(current.stats);
    readIdle(current);
  }

  /** Rows that scrolled into view: read (and drawn) ahead of the idle reading. */
  function showVisible(): void {
    const current = pass;
    if (!current || current.unread.size === 0) return;
    readVisible(current, findVisible(current.plan.rows).filter((row) => current.unread.has(row)));
  }

  /**
   * The CRM changed these nodes (called from its mutation task, so nothing
   * is read here). True when every change is inside a row of the current
   * plan: those rows are read again first in idle time, and the list need
   * not be found again. False: the page changed otherwise, and the caller
   * schedules a new scan.
   */
  function rowsChanged(targets: Iterable<Node>): boolean {
    const current = pass;
    if (!current) return false;
    const rows: Element[] = [];
    for (const target of targets) {
      const row = rowAround(target, current.rowSet);
      if (!row) return false;
      rows.push(row);
    }
    for (const row of rows) {
      if (current.unread.has(row)) continue;
      current.unread.add(row);
      current.dirty.push(row);
    }
    readIdle(current);
    return true;
  }

  /** Forget the scores this page was given (the site's field mapping changed): the next scan asks again. */
  function forget(): void {
    known.clear();
    asked.clear();
  }

  return { scan, showVisible, rowsChanged, forget, stats: () => pass?.stats ?? null };
}

/** How far up from a changed node a row is looked for (cell → span → link → …). */
const ROW_DEPTH = 12;

function rowAround(node: Node, rows: ReadonlySet<Element>): Element | null {
  let at: Node | null = node;
  for (let depth = 0; at && depth < ROW_DEPTH; depth++, at = at.parentNode) {
    if (rows.has(at as Element)) return at as Element;
  }
  return null;
}
