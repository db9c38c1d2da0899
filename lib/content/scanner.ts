import { withIsoDates } from '../adapters/dates';
import { planOfExtraction } from '../adapters/plan';
import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer, PagePlan } from '../adapters/types';
import type { BadgeScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer } from './badge';
import type { IdleQueue } from './idle-queue';
import { createVisibilityWatch, WATCH_PER_STEP, type VisibilityWatch } from './visibility';

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
 *   finds the list (the adapter's plan, cheap) and watches its rows; the
 *   browser says which are on screen (visibility.ts, no forced layout), and
 *   those are read, sent on their own and drawn when the scores come back.
 * - Every other row is read in idle slices (idle-queue.ts, ≤ 5 ms each),
 *   sent in batches of BATCH_SIZE (so history gets every row within a few
 *   seconds), and its badge is built in idle slices too. Rows that scroll
 *   into view before they were read go first.
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
  /** Tells which rows come on screen (visibility.ts: IntersectionObserver; tests give their own). */
  visibility?: (onVisible: (rows: Element[]) => void) => VisibilityWatch;
  /** For the fallback when the browser never says what is on screen (VISIBLE_WAIT_MS). */
  setTimeout?: (run: () => void, ms: number) => void;
  /** The first rows are on screen and asked for (their scores not yet back). */
  onScanned?: (stats: ScanStats) => void;
  /** Every row of the page is read, sent, answered and drawn. */
  onSettled?: (stats: ScanStats) => void;
  /** The background's scores arrived (before their badges are drawn). */
  onScores?: (count: number) => void;
  now?: () => number;
}

/**
 * The idle reading starts once the browser has said which rows are on
 * screen (they go first, in their own message), or after this long.
 */
export const VISIBLE_WAIT_MS = 100;
/** Rows watched for coming on screen; beyond them, rows wait for the idle reading (in page order). */
export const MAX_WATCHED = 2000;
/**
 * A customer whose row the CRM keeps rewriting (a "3 s ago" column) is asked
 * again at most this often; its row is re-read when the time is up.
 */
export const REASK_MS = 2000;

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
  /** The browser said which rows are on screen (or VISIBLE_WAIT_MS passed): idle reading may start. */
  looked: boolean;
  /** Rows whose customer was asked for less than REASK_MS ago, re-read when the timer fires. */
  cooling: Set<Element>;
  coolingTimer: boolean;
  readDirty: boolean;
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
  const later = deps.setTimeout ?? ((run: () => void, ms: number) => void setTimeout(run, ms));
  const visibility = (deps.visibility ?? createVisibilityWatch)((rows) => {
    const current = pass;
    if (!current) return;
    readVisible(current, rows);
    startReading(current);
  });
  const known = new Map<string, { key: string; score: BadgeScore }>();
  /** What was sent for a customer and is not answered yet: the same reading is not sent twice. */
  const asked = new Map<string, string>();
  const askedAt = new Map<string, number>();
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
    if (urgent) {
      for (const reply of replies) draw(reply, stats);
      return;
    }
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
    visibility.unwatch(row);
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
    const wait = (askedAt.get(crmId) ?? -Infinity) + REASK_MS - now();
    if (wait > 0 && cached) {
      cool(current, row, wait);
      return false;
    }
    asked.set(crmId, key);
    askedAt.set(crmId, now());
    current.pending.push({ customer, key });
    return true;
  }

  /** The next row to read in idle time: changed rows first, then the page's in order. */
  function nextUnread(current: Pass): Element | undefined {
    while (current.dirty.length > 0) {
      const row = current.dirty.pop()!;
      if (!current.unread.has(row)) continue;
      current.readDirty = true;
      return row;
    }
    // Changed and appended rows go as soon as they are read, not with the next full batch.
    if (current.readDirty) {
      current.readDirty = false;
      flush(current, false);
    }
    const rows = current.plan.rows;
    while (current.cursor < rows.length) {
      const row = rows[current.cursor++]!;
      if (current.unread.has(row)) return row;
    }
    return undefined;
  }

  /** Re-read `row` once its customer may be asked again (one timer for all such rows of the pass). */
  function cool(current: Pass, row: Element, wait: number) {
    current.cooling.add(row);
    if (current.coolingTimer) return;
    current.coolingTimer = true;
    later(() => {
      current.coolingTimer = false;
      if (current !== pass) return;
      const rows = [...current.cooling];
      current.cooling.clear();
      markDirty(current, rows);
    }, wait);
  }

  function markDirty(current: Pass, rows: readonly Element[]) {
    for (const row of rows) {
      if (current.unread.has(row)) continue;
      current.unread.add(row);
      current.dirty.push(row);
    }
    readIdle(current);
  }

  function startReading(current: Pass) {
    if (current.looked) return;
    current.looked = true;
    readIdle(current);
  }

  /** Read the pass's unread rows in idle slices, one row per step; a batch is sent each time BATCH_SIZE are read. */
  function readIdle(current: Pass) {
    if (current.reading || !current.looked) return;
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
    if (current !== pass) return;
    let asking = false;
    for (const row of rows) if (current.unread.has(row) && readRow(current, row, true)) asking = true;
    if (asking) flush(current, true);
  }

  /**
   * Watch the plan's rows: the first chunk now, the rest in idle steps
   * (10,000 rows are not one task), at most MAX_WATCHED: every watched row
   * costs the browser a little in every frame until it is read.
   */
  function watchRows(current: Pass) {
    const rows = current.plan.rows.slice(0, MAX_WATCHED);
    visibility.watch(rows.slice(0, WATCH_PER_STEP));
    let next = WATCH_PER_STEP;
    if (next < rows.length) {
      deps.idle.urgent(() => {
        if (current !== pass) return false;
        visibility.watch(rows.slice(next, next + WATCH_PER_STEP / 5));
        next += WATCH_PER_STEP / 5;
        return next < rows.length;
      });
    }
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
    visibility.reset();
    const previous = pass;
    if (!adapter || !plan) {
      pass = null;
      deps.onScanned?.({ kind: null, rows: 0, found: 0, sent: 0, drawn: 0, failed: 0, syncMs: now() - started });
      return;
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
      looked: false,
      cooling: new Set(),
      coolingTimer: false,
      readDirty: false,
      rowOf: new Map(),
      read: [],
      pending: [],
      stats: { kind: plan.kind, rows: plan.rows.length, found: 0, sent: 0, drawn: 0, failed: 0, syncMs: 0 },
      inFlight: 0,
    };
    // Rows the last reading did not have (a row the CRM appended) are read first.
    if (previous) for (let i = plan.rows.length - 1; i >= 0; i--) if (!previous.rowSet.has(plan.rows[i]!)) current.dirty.push(plan.rows[i]!);
    pass = current;
    if (plan.kind === 'detail') {
      // A detail page is one customer: read it at once.
      readVisible(current, plan.rows);
      startReading(current);
    } else {
      watchRows(current);
      later(() => startReading(current), VISIBLE_WAIT_MS);
    }
    current.stats.syncMs = now() - started;
    deps.onScanned?.(current.stats);
  }

  /**
   * The CRM changed the page (called from its mutation task, so nothing is
   * read here). True when every change is inside a row of the current plan,
   * or adds rows the plan can take (`adopt`: a row appended to the list):
   * those rows are read first in idle time and the list need not be found
   * again. False: the page changed otherwise, and the caller schedules a scan.
   */
  function rowsChanged(records: readonly Pick<MutationRecord, 'type' | 'target' | 'addedNodes'>[]): boolean {
    const current = pass;
    if (!current) return false;
    const rows: Element[] = [];
    for (const record of records) {
      const row = rowAround(record.target, current.rowSet);
      if (row) {
        rows.push(row);
        continue;
      }
      if (record.type !== 'childList' || !current.plan.adopt) return false;
      for (const node of record.addedNodes) {
        if (node.nodeType === 3 && !node.nodeValue?.trim()) continue;
        if (node.nodeType !== 1 || !current.plan.adopt(node as Element)) return false;
        current.rowSet.add(node as Element);
        rows.push(node as Element);
      }
    }
    markDirty(current, rows);
    return true;
  }

  /** Forget the scores this page was given (the site's field mapping changed): the next scan asks again. */
  function forget(): void {
    known.clear();
    asked.clear();
  }

  /** Stop watching the page (the content script ends). */
  function stop(): void {
    visibility.reset();
    deps.idle.clear();
    pass = null;
  }

  return { scan, rowsChanged, forget, stop, stats: () => pass?.stats ?? null };
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
