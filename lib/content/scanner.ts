import { withIsoDates } from '../adapters/dates';
import { createCustomerSet, planFor } from '../adapters/page-plan';
import { adapterFor } from '../adapters/registry';
import type { CrmAdapter, ExtractedCustomer, PageExtraction, PagePlan } from '../adapters/types';
import type { BadgeScore, PageKind } from '../domain';
import type { SendMessage } from '../messaging/client';
import type { BadgeRenderer, Placement } from './badge';
import { changedRows } from './changed-rows';
import { runInSlices } from './slices';
import { visibleRows } from './visible-rows';

/**
 * How a page is read without the CRM feeling it (issue 18 §1), measured on
 * the demo CRM's 1,000-row list (npm run bench -- --only pageload):
 *
 * - Never inside the CRM's own task: the content script scans after the
 *   frame that shows the CRM's change is painted (lib/content/index.ts), so
 *   styles and layout are clean and reading boxes costs nothing.
 * - The rows on screen first (visible-rows.ts, two binary searches): read
 *   and asked about in a message of their own.
 * - The other rows read in idle slices of SLICE_MS and sent BATCH_SIZE at a
 *   time, so all of them are recorded to history within seconds.
 * - Every customer's host is built, invisible, as its row is read, and the
 *   hosts go into the page together when the first scores arrive: every
 *   insertion into a big table lays the whole table out again (≈ as long as
 *   the CRM's own render), so one insertion, not one per slice or batch.
 *   Filling a host already in the page is paint-only (styles.ts), so the
 *   off-screen badges are filled in idle slices.
 * - A change inside rows already read (a live column) re-reads those rows
 *   only (changed-rows.ts); anything else reads the page again.
 * - A customer whose fields did not change since its last score is not sent
 *   again: its known score is drawn.
 */

/** Customers per scanPage message: sending serialises them in the page's task (≈ 10 µs each). */
export const BATCH_SIZE = 250;
/** A list this short is read and badged at once, as if all its rows were on screen. */
const READ_AT_ONCE = 100;
/** Main-thread time per idle slice (the bound). */
const SLICE_MS = 5;
/** Badges put into the page per frame: each frame with insertions lays the CRM's table out once. */
const PLACE_PER_FRAME = 1000;
/** More changed rows than this: the page is read again in slices instead. */
const MAX_ROWS_AT_ONCE = 200;
/** Changed nodes kept while a scan runs; more than this and the page is read again. */
const MAX_QUEUED_NODES = 2000;

export interface ScanStats {
  drawn: number;
  failed: number;
  /** Milliseconds of main-thread work the scan did in all (reading, sending, badges): its cost to the page. */
  syncMs: number;
}

export interface ScanOptions {
  /** Nodes the CRM changed since the last scan (lib/content/mutations.ts); absent: read the whole page. */
  changed?: readonly Node[];
}

export interface ScannerDeps {
  doc: Document;
  currentUrl: () => URL;
  send: SendMessage;
  renderer: BadgeRenderer;
  adapters?: readonly CrmAdapter[];
  /** Resolve after the browser has rendered a frame (between insertion batches). */
  nextFrame: () => Promise<void>;
  /** Resolve at the page's next idle moment (between slices). */
  nextIdle?: () => Promise<void>;
  onScanned?: (stats: ScanStats) => void;
  /** The background's scores arrived (before any badge is filled). */
  onScores?: (count: number) => void;
  /** What the page shows (health, page focus): after its rows on screen are read, and once all are. */
  onExtraction?: (extraction: PageExtraction | null) => void;
  /** The viewport's height in CSS pixels (rows below it are off screen). */
  viewportHeight?: () => number;
  now?: () => number;
}

const fieldsKey = (customer: ExtractedCustomer) => JSON.stringify([customer.snapshot.name, customer.snapshot.fields, customer.snapshot.activities]);

type Drawn = { customer: ExtractedCustomer; score: BadgeScore | null; error?: string };
type DateOrder = PageExtraction['dateOrder'];

/** The page as last read: its plan, and which row each element belongs to (for changes inside rows). */
interface PageRead {
  url: string;
  adapter: CrmAdapter;
  plan: PagePlan;
  rowOf: WeakMap<Element, number>;
  dateOrder: DateOrder;
}

/**
 * Finds customers on the page, asks the background for the scores it does not
 * have and draws each badge with its score. Scans never overlap: scans asked
 * for during one run once right after it, with the changes they brought merged;
 * a whole-page read in progress stops early when the page must be read again.
 */
export function createScanner(deps: ScannerDeps) {
  const now = deps.now ?? (() => performance.now());
  const nextIdle = deps.nextIdle ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const viewportHeight = deps.viewportHeight ?? (() => deps.doc.defaultView?.innerHeight ?? 0);
  const known = new Map<string, { key: string; score: BadgeScore }>();
  let page: PageRead | null = null;
  let running: Promise<void> | null = null;
  /** What the scans asked for while one ran: the changed nodes, or the whole page. */
  let queued: Node[] | 'page' | null = null;
  /** The next scan only re-scores (see forget): the background scores its customers without recording them. */
  let scoreOnly = false;
  /** Whether the scan in progress records what it reads (scans never overlap). */
  let recording = true;

  /** Main-thread time of the scan in progress (its slices and message tasks). */
  let busyMs = 0;
  function timed<T>(work: () => T): T {
    const started = now();
    try {
      return work();
    } finally {
      busyMs += now() - started;
    }
  }

  function drawNow(items: readonly Drawn[], stats: ScanStats): Placement[] {
    const placements: Placement[] = [];
    for (const item of items) {
      const placement = draw(item, stats);
      if (placement) placements.push(placement);
    }
    return placements;
  }

  function draw({ customer, score, error }: Drawn, stats: ScanStats): Placement | null {
    const { anchor, snapshot } = customer;
    if (!anchor.isConnected) return null; // the CRM re-rendered meanwhile; its mutation brings a new scan
    if (score) stats.drawn++;
    else stats.failed++;
    if (score) {
      const host = deps.renderer.existing(anchor, snapshot.crmId);
      if (host && deps.renderer.scoreOf(host) === score) return null;
      return deps.renderer.render(anchor, snapshot.crmId, score);
    }
    return deps.renderer.renderFailure(anchor, snapshot.crmId, error ?? 'unknown error');
  }

  /** The customers to ask about (new or changed), and those whose known score still holds. */
  function split(customers: readonly ExtractedCustomer[], kind: PageKind) {
    const ask: { customer: ExtractedCustomer; key: string }[] = [];
    const cached: Drawn[] = [];
    for (const customer of customers) {
      const key = fieldsKey(customer);
      const hit = known.get(customer.snapshot.crmId);
      // A detail page is always reported: it moves the side panel to this customer.
      if (hit && hit.key === key && kind === 'list') cached.push({ customer, score: hit.score });
      else ask.push({ customer, key });
    }
    return { ask, cached };
  }

  /** Asks the background about one batch; answers what to draw for each customer (failures with their reason). */
  async function ask(url: URL, read: PageRead, batch: readonly { customer: ExtractedCustomer; key: string }[]): Promise<Drawn[]> {
    try {
      const { scores, rejected } = await timed(() =>
        deps.send('scanPage', {
          url: url.href,
          pageKind: read.plan.kind,
          adapter: read.adapter.id,
          // Dates that read both ways ("12/6/2026") go as ISO days once the page's order is known (lib/adapters/dates.ts).
          customers: batch.map((c) => withIsoDates(c.customer.snapshot, read.dateOrder?.order)),
          ...(read.plan.today ? { today: read.plan.today } : {}),
          ...(recording ? {} : { record: false as const }),
        }),
      );
      deps.onScores?.(scores.length);
      const byId = new Map(scores.map((s) => [s.crmId, s]));
      // Only the rows the background left out as invalid fail, each with its own reason; the page's other rows are scored.
      const problems = new Map(rejected?.map((row) => [row.index, row.problem]));
      return batch.map(({ customer, key }, index) => {
        const score = byId.get(customer.snapshot.crmId) ?? null;
        if (score) known.set(customer.snapshot.crmId, { key, score });
        return { customer, score, error: score ? undefined : (problems.get(index) ?? 'no score returned') };
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return batch.map(({ customer }) => ({ customer, score: null, error: message }));
    }
  }

  /** The page's date order, settled by the first batch that proves it (never recomputed over rows read before). */
  function settleDateOrder(read: PageRead, customers: readonly ExtractedCustomer[]) {
    const source = read.dateOrder?.source;
    if (source === 'setting' || source === 'page' || customers.length === 0) return;
    read.dateOrder = read.plan.dateOrder(customers) ?? read.dateOrder;
  }

  /** Puts built badges into the page, PLACE_PER_FRAME per frame. */
  async function place(placements: readonly Placement[]) {
    for (let start = 0; start < placements.length; start += PLACE_PER_FRAME) {
      if (start > 0) await deps.nextFrame();
      timed(() => {
        for (const run of placements.slice(start, start + PLACE_PER_FRAME)) run();
      });
    }
  }

  const extractionOf = ({ plan, dateOrder }: PageRead, customers: ExtractedCustomer[]): PageExtraction => ({
    kind: plan.kind,
    customers,
    today: plan.today,
    recipe: plan.recipe,
    dateOrder,
  });

  function emptyPage(stats: ScanStats, extraction: PageExtraction | null) {
    page = null;
    deps.renderer.removeAllBut(new Set());
    deps.onExtraction?.(extraction);
    deps.onScanned?.({ ...stats, syncMs: busyMs });
  }

  async function readPage(): Promise<void> {
    const url = deps.currentUrl();
    const stats: ScanStats = { drawn: 0, failed: 0, syncMs: 0 };
    const found = createCustomerSet();
    const planned = timed(() => {
      const adapter = adapterFor(url, deps.doc, deps.adapters);
      const plan = adapter && planFor(adapter, deps.doc, url);
      return adapter && plan ? { adapter, plan } : null;
    });
    if (!planned) return emptyPage(stats, null);
    const { adapter, plan } = planned;
    const read: PageRead = { url: url.href, adapter, plan, rowOf: new WeakMap(), dateOrder: undefined };
    if (plan.size === 0) return emptyPage(stats, extractionOf(read, []));
    page = read;

    // The rows on screen: read, asked about and badged first.
    const [from, to] = timed(() => {
      for (let index = 0; index < plan.size; index++) for (const el of plan.elementsOf(index)) read.rowOf.set(el, index);
      if (plan.size <= READ_AT_ONCE) return [0, plan.size];
      const height = viewportHeight();
      return visibleRows(plan.size, (index) => plan.elementsOf(index)[0]!.getBoundingClientRect(), height);
    });
    // Every customer's host is built as its row is read (invisible until its score fills it) and put
    // into the page with the others: one layout of the CRM's table for all of them, not one per batch.
    const built: Placement[] = [];
    const reserve = (customer: ExtractedCustomer) => {
      const placement = deps.renderer.reserve(customer.anchor, customer.snapshot.crmId);
      if (placement) built.push(placement);
    };
    const placeBuilt = () => place(built.splice(0));
    const first = timed(() => {
      const customers: ExtractedCustomer[] = [];
      for (let index = from; index < to; index++) {
        const customer = plan.read(index);
        if (found.add(customer)) customers.push(customer);
      }
      settleDateOrder(read, customers);
      for (const customer of customers) reserve(customer);
      return split(customers, plan.kind);
    });
    // Messages go one after another, in the order the rows were read.
    let sending: Promise<unknown> = Promise.resolve();
    const queueAsk = (batch: { customer: ExtractedCustomer; key: string }[]) => {
      const answer = sending.then(() => ask(url, read, batch));
      sending = answer;
      return answer;
    };
    const firstDrawn = (first.ask.length > 0 ? queueAsk(first.ask) : Promise.resolve([])).then(async (answered) => {
      // The rows on screen are filled, and every host built so far goes in with them.
      timed(() => drawNow([...first.cached, ...answered], stats));
      await placeBuilt();
    });
    deps.onExtraction?.(extractionOf(read, found.customers));

    // The other rows: below the viewport first, then above it, in idle slices.
    const rest = [...range(to, plan.size), ...range(0, from)];
    const offScreen: Drawn[] = [];
    const asked: Promise<Drawn[]>[] = [];
    let cursor = 0;
    let batch: ExtractedCustomer[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      settleDateOrder(read, batch);
      const { ask: toAsk, cached } = split(batch, plan.kind);
      offScreen.push(...cached);
      for (let start = 0; start < toAsk.length; start += BATCH_SIZE) asked.push(queueAsk(toAsk.slice(start, start + BATCH_SIZE)));
      batch = [];
    };
    const wholePageAgain = () => queued === 'page';
    const readAll = await runInSlices(
      () =>
        timed(() => {
          if (cursor >= rest.length) return false;
          const customer = plan.read(rest[cursor++]!);
          if (found.add(customer)) {
            reserve(customer);
            batch.push(customer);
          }
          if (batch.length >= BATCH_SIZE) flush();
          return cursor < rest.length;
        }),
      { budgetMs: SLICE_MS, now, nextSlice: nextIdle, stop: wholePageAgain },
    );
    timed(flush);
    await firstDrawn;
    // Rows read after the first answer: their hosts go in together too (a stopped read's as well: none is left unplaced).
    await placeBuilt();
    for (const answered of await Promise.all(asked)) offScreen.push(...answered);
    if (!readAll || wholePageAgain()) return deps.onScanned?.({ ...stats, syncMs: busyMs });

    // Off-screen badges filled in slices: paint-only, their hosts are in the page already.
    let filled = 0;
    await runInSlices(
      () =>
        timed(() => {
          if (filled >= offScreen.length) return false;
          const placement = draw(offScreen[filled++]!, stats);
          if (placement) built.push(placement);
          return filled < offScreen.length;
        }),
      { budgetMs: SLICE_MS, now, nextSlice: nextIdle },
    );
    await placeBuilt();
    // Badges of anchors that are no longer a customer's (in-app navigation kept the element, not its customer).
    timed(() => deps.renderer.removeAllBut(new Set(found.customers.map((customer) => customer.anchor))));
    deps.onExtraction?.(extractionOf(read, found.customers));
    deps.onScanned?.({ ...stats, syncMs: busyMs });
  }

  /** Re-reads the rows a change touched (a live column): the rest of the page stays as read. */
  async function readRows(read: PageRead, rows: ReadonlySet<number>): Promise<void> {
    const url = deps.currentUrl();
    const stats: ScanStats = { drawn: 0, failed: 0, syncMs: 0 };
    const { ask: toAsk, cached } = timed(() => {
      const found = createCustomerSet();
      for (const index of rows) found.add(read.plan.read(index));
      return split(found.customers, read.plan.kind);
    });
    const answered = toAsk.length > 0 ? await ask(url, read, toAsk) : [];
    await place(timed(() => drawNow([...cached, ...answered], stats)));
    deps.onScanned?.({ ...stats, syncMs: busyMs });
  }

  async function scanOnce(changed: readonly Node[] | 'page'): Promise<void> {
    busyMs = 0;
    recording = !scoreOnly;
    scoreOnly = false;
    const read = page;
    const rows = changed !== 'page' && read && read.url === deps.currentUrl().href ? timed(() => changedRows(changed, (el) => read.rowOf.get(el))) : null;
    if (read && rows && rows.size <= MAX_ROWS_AT_ONCE) return rows.size > 0 ? readRows(read, rows) : undefined;
    return readPage();
  }

  function scan(options: ScanOptions = {}): Promise<void> {
    const asked = options.changed ?? 'page';
    if (running) {
      // Past MAX_QUEUED_NODES changes, reading the page again is cheaper than mapping each.
      queued = queued === 'page' || asked === 'page' || (queued?.length ?? 0) + asked.length > MAX_QUEUED_NODES ? 'page' : [...(queued ?? []), ...asked];
      return running;
    }
    running = (async () => {
      try {
        let next: readonly Node[] | 'page' | null = asked;
        while (next) {
          queued = null;
          await scanOnce(next);
          next = queued;
        }
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

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
