import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import type { ModelProvider } from '@/lib/background/model-provider';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import type { Translate } from '@/lib/explain/reason-text';
import type { BackgroundEvent } from '@/lib/messaging/protocol';
import type { ModelArtifact, RawRow, Scorer } from '@/lib/model/types';
import type { FocusedCustomer } from '@/lib/settings';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { createTabPages } from '@/lib/background/tab-pages';
import { EMPTY_TAB_PAGES, type TabPages } from '@/lib/focus/tab-pages-item';

const SITE = 'http://crm.test';

/** A stand-in model: month-to-month contracts are risky, everything else is not. */
function fakeScorer(): Scorer {
  const risk = (row: RawRow) => (row.Contract === 'Month-to-month' ? 0.7 : 0.05);
  return {
    artifact: { id: 'model-1', name: 'Test model', kind: 'logistic', preprocessor: { featureSource: ['Contract'] } } as unknown as ModelArtifact,
    predict: (rows) => Float32Array.from(rows.map(risk)),
    explain: (row) =>
      row.Contract === undefined ? [] : [{ field: 'Contract', value: String(row.Contract), contribution: row.Contract === 'Month-to-month' ? 1.2 : -0.8 }],
    scoreAndExplain(rows) {
      return rows.map((row) => ({ probability: risk(row), reasons: this.explain(row) }));
    },
    dispose: () => undefined,
  };
}

const t: Translate = (key, subs = []) => `${key}(${subs.join('|')})`;
let db: ChurnRadarDb;
let events: BackgroundEvent[];
let focus: FocusedCustomer | null;
let deps: BackgroundDeps;
let counter = 0;

beforeEach(() => {
  db = openDatabase({ name: `handlers-${counter++}` });
  events = [];
  focus = null;
  const scorer = fakeScorer();
  deps = {
    db,
    customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
    models: {
      actives: async () => [scorer],
      scoringFor: async () => ({ scorers: [scorer], thresholds: null, ranking: false }),
      observe: async () => null,
      active: async () => scorer,
      scorerFor: (scorers: Scorer[]) => scorers[0],
      info: async () => null,
    } as unknown as ModelProvider,
    thresholds: async () => [0.1, 0.25, 0.45, 0.65],
    indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
    retentionDays: async () => 365,
    storageProblem: async () => null,
    dueHours: async () => ({ '5': 24, '4': 72, '3': 168 }),
    focus: { get: async () => focus, set: async (value) => void (focus = value) },
    openSidePanel: vi.fn(async () => undefined),
    emit: (event) => events.push(event),
    locale: () => 'en',
    defer: (task) => task(),
    t,
    now: () => 1_000,
    tabPages: createTabPages({
      load: async (): Promise<TabPages> => EMPTY_TAB_PAGES,
      save: async () => undefined,
      emit: (event) => events.push(event),
      now: () => clock++,
    }),
  };
});

let clock = 1;
/** The CRM tab `tabId` shows this customer's detail page (what the content script reports). */
async function showDetail(handlers: ReturnType<typeof createHandlers>, tabId: number, crmId: string) {
  await handlers.reportPage({ url: `${SITE}/customers/${crmId}`, kind: 'detail', customers: 1, detailId: crmId, settled: false }, { site: SITE, tabId });
}
afterEach(async () => {
  await db.delete();
});

const list = (customers: { crmId: string; name: string; fields: Record<string, string> }[]) => ({
  url: `${SITE}/customers`,
  pageKind: 'list' as const,
  adapter: 'test',
  customers,
});
const ann = { crmId: 'a', name: 'Ann', fields: { Contract: 'Month-to-month', tenure: '2 months' } };
const bob = { crmId: 'b', name: 'Bob', fields: { Contract: 'Two year' } };

describe('background handlers', () => {
  it('scores a list page with tiers from the thresholds and stores history', async () => {
    const handlers = createHandlers(deps);
    const { scores } = await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
    expect(scores.map((s) => [s.crmId, s.tier, s.model.name])).toEqual([
      ['a', 5, 'Test model'],
      ['b', 1, 'Test model'],
    ]);
    await deps.customers.settled();
    expect(await db.customers.count()).toBe(2);
    expect(await db.scores.count()).toBe(2);
    expect((await db.scores.toArray())[0]!.reasons).toEqual([{ field: 'Contract', value: 'Month-to-month', contribution: 1.2 }]);
    expect(events).toEqual([]); // a list page moves no focus
  });

  it('re-scores a page without recording it (a setting changed), so an erased customer is not written back', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    await deps.customers.settled();
    await deps.customers.erase({}, () => db.customers.clear());
    const { scores } = await handlers.scanPage({ ...list([ann, bob]), pageKind: 'list', record: false }, { site: SITE, tabId: 3 });
    expect(scores.map((s) => [s.crmId, s.tier])).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
    await deps.customers.settled();
    expect(await db.customers.count()).toBe(0);
    expect(await db.observationBatches.count()).toBe(1); // the first page's sighting only (the erase cleared customers alone)
    // The next page view records as usual.
    await handlers.scanPage(list([bob]), { site: SITE, tabId: 3 });
    await deps.customers.settled();
    expect((await db.customers.toArray()).map((row) => row.crmId)).toEqual(['b']);
  });

  it('focuses the customer of a detail page and tells the side panel', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage({ ...list([ann]), pageKind: 'detail' }, { site: SITE, tabId: 3 });
    expect(focus).toMatchObject({ site: SITE, crmId: 'a', tabId: 3 });
    expect(events).toContainEqual({ channel: 'churn-radar-event', type: 'focus-changed', site: SITE, crmId: 'a' });
    expect(events).toContainEqual({ channel: 'churn-radar-event', type: 'customer-updated', site: SITE, crmId: 'a' });
  });

  it('refuses to score without a model, with a message saying what to do', async () => {
    const handlers = createHandlers({
      ...deps,
      models: {
        actives: async () => [],
        scoringFor: async () => ({ scorers: [], thresholds: null, ranking: false }),
        active: async () => null,
        info: async () => null,
      } as unknown as ModelProvider,
    });
    await expect(handlers.scanPage(list([ann]), { site: SITE, tabId: 3 })).rejects.toMatchObject({ code: 'not-found', message: /Options/ });
  });

  it('gives a badge its top reasons and a script filled with the customer', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    const details = await handlers.getBadgeDetails({ crmId: 'a' }, { site: SITE, tabId: 3 });
    // The Contract column stands for the contract indicator: the reason carries its meaning.
    expect(details!.reasons).toEqual([
      {
        field: 'Contract',
        value: 'Month-to-month',
        contribution: 1.2,
        indicator: {
          id: 'contract',
          label: { en: 'Contract', zh: '合同' },
          meaning: expect.objectContaining({ en: expect.stringMatching(/month-to-month/i) }),
        },
      },
    ]);
    expect(details!.script).toMatchObject({ id: 'account-manager-visit', strategy: 'account-manager', ruleId: 'critical-visit' });
    expect(details!.script.call).toContain('24 hours');
    expect(details!.script.text).toContain('Ann');
    expect(await handlers.getBadgeDetails({ crmId: 'nobody' }, { site: SITE, tabId: 3 })).toBeNull();
  });

  it('keeps sites apart: another site cannot read this site’s customer', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    expect(await handlers.getBadgeDetails({ crmId: 'a' }, { site: 'https://other.test', tabId: 4 })).toBeNull();
  });

  it('shows a customer in depth: merged fields, score, history and all six indicator categories', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    await handlers.focusCustomer({ crmId: 'a' }, { site: SITE, tabId: 3 });
    const view = (await handlers.getCustomerView({}, { site: null, tabId: null }))!;
    expect(view).toMatchObject({ site: SITE, crmId: 'a', name: 'Ann', observations: 1, fields: ann.fields });
    expect(view.score).toMatchObject({ tier: 5 });
    expect(view.score!.probability).toBeCloseTo(0.7, 6);
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({ at: 1_000, tier: 5 });
    expect(view.history[0]!.probability).toBeCloseTo(0.7, 6);
    expect(new Set(view.indicators.map((i) => i.category)).size).toBe(6);
    expect(await handlers.getCustomerView({ site: SITE, crmId: 'nobody' }, { site: null, tabId: null })).toBeNull();
  });

  it('opens the side panel on the sender tab and focuses that customer', async () => {
    const handlers = createHandlers(deps);
    await handlers.openSidePanel({ crmId: 'b' }, { site: SITE, tabId: 9 });
    expect(deps.openSidePanel).toHaveBeenCalledWith(9);
    expect(focus).toMatchObject({ crmId: 'b', tabId: 9 });
  });

  it('stores the orders a detail page lists and computes indicators from them as of the page’s today', async () => {
    const handlers = createHandlers(deps);
    const detail = {
      url: `${SITE}/shoppers/7`,
      pageKind: 'detail' as const,
      adapter: 'test',
      today: '1997-09-30',
      customers: [
        {
          crmId: 'cdnow-7',
          name: 'Sam',
          fields: { orders: '3' },
          activities: [
            { kind: 'order' as const, date: 'Sep 20, 1997', amount: '$10.00', quantity: '1' },
            { kind: 'order' as const, date: '1997-05-01', amount: '$20.00', quantity: '2' },
            { kind: 'order' as const, date: '40 days ago', amount: '$5.50', quantity: '1' },
            { kind: 'order' as const, date: 'not a date', amount: '$1.00' },
          ],
        },
      ],
    };
    await handlers.scanPage(detail, { site: SITE, tabId: 3 });
    await deps.customers.settled();
    // The unreadable date is left out; "40 days ago" is read relative to the page's today (1997-08-21).
    const stored = await db.activities.where('[site+crmId+at]').between([SITE, 'cdnow-7', -Infinity], [SITE, 'cdnow-7', Infinity]).toArray();
    expect(stored.map((a) => [new Date(a.at).toISOString().slice(0, 10), a.amount])).toEqual([
      ['1997-05-01', 20],
      ['1997-08-21', 5.5],
      ['1997-09-20', 10],
    ]);
    expect(await db.indicators.where('site').equals(SITE).count()).toBe(1);

    const view = (await handlers.getCustomerView({ site: SITE, crmId: 'cdnow-7' }, { site: null, tabId: null }))!;
    const byId = new Map(view.indicators.map((i) => [i.id, i]));
    expect(byId.get('order_count')?.value).toBe(3);
    expect(byId.get('recency_days')?.value).toBe(10);
    expect(view.asOf).toBe(Date.UTC(1997, 8, 30));
    expect(view.activities.map((a) => a.amount)).toEqual([10, 5.5, 20]);
    expect(view.lifecycle.value).not.toBeNull();
    expect(view.sinceLastVisit).toBeNull();

    // A later visit compares with this one.
    deps.now = () => 1_000 + 60 * 60 * 1000;
    const again = (await handlers.getCustomerView({ site: SITE, crmId: 'cdnow-7' }, { site: null, tabId: null }))!;
    expect(again.sinceLastVisit).toMatchObject({ at: 1_000, indicators: [] });
  });

  it('tells the pages about storage problems', async () => {
    const problem = { kind: 'quota' as const, message: 'QuotaExceededError: full', at: 5, pending: 12, discarded: 0 };
    const handlers = createHandlers({ ...deps, storageProblem: async () => problem });
    expect(await handlers.getStatus({}, { site: null, tabId: null })).toEqual({ storageProblem: problem, lostRows: null, retentionDays: 365 });
  });

  it('logs an action and its outcome, refuses an outcome for another site’s action, and shows both on the customer', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    await showDetail(handlers, 3, 'a');
    const { id } = await handlers.logAction(
      { site: SITE, crmId: 'a', tabId: 3, kind: 'called', scriptId: 'care-call', ruleId: 'moderate-care' },
      { site: null, tabId: null },
    );
    await expect(
      handlers.setOutcome({ site: 'https://other.test', tabId: 3, actionId: id, outcome: 'retained' }, { site: null, tabId: null }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await handlers.setOutcome({ site: SITE, tabId: 3, actionId: id, outcome: 'retained' }, { site: null, tabId: null });
    await showDetail(handlers, 4, 'nobody');
    await expect(handlers.logAction({ site: SITE, crmId: 'nobody', tabId: 4, kind: 'called' }, { site: null, tabId: null })).rejects.toMatchObject({
      code: 'not-found',
    });
    const view = (await handlers.getCustomerView({ site: SITE, crmId: 'a' }, { site: null, tabId: null }))!;
    expect(view.actions).toEqual([
      { id, at: 1_000, kind: 'called', scriptId: 'care-call', ruleId: 'moderate-care', note: undefined, outcome: { kind: 'retained', at: 1_000 } },
    ]);
    expect(events.some((e) => e.type === 'customer-updated' && e.crmId === 'a')).toBe(true);
    const exported = await handlers.exportActions({}, { site: null, tabId: null });
    expect(exported.rows).toBe(1);
    expect(exported.csv.split('\r\n')[1]).toMatch(/^http:\/\/crm\.test,a,Ann,called,.*,care-call,moderate-care,,retained,/);
  });

  it('stores "score looks wrong" with the score the agent saw', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann]), { site: SITE, tabId: 3 });
    await deps.customers.settled();
    await showDetail(handlers, 3, 'a');
    await handlers.flagScore({ site: SITE, crmId: 'a', tabId: 3, verdict: 'too_high', reason: 'Renewed yesterday' }, { site: null, tabId: null });
    expect(await db.feedback.toArray()).toEqual([
      expect.objectContaining({ crmId: 'a', verdict: 'too_high', reason: 'Renewed yesterday', tier: 5, modelId: 'model-1' }),
    ]);
    // Managers see it, with the customer's name.
    const { items } = await handlers.listFeedback({}, { site: null, tabId: null });
    expect(items).toEqual([expect.objectContaining({ name: 'Ann', verdict: 'too_high', reason: 'Renewed yesterday' })]);
  });

  it('pins a tier until it expires: badges show the pinned tier and say so, the model’s tier stays in history', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
    await showDetail(handlers, 3, 'b');
    await handlers.setOverride({ site: SITE, crmId: 'b', tabId: 3, tier: 4, reason: 'Competitor offer', expiresAt: 5_000 }, { site: null, tabId: null });
    const { scores } = await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
    expect(scores.find((s) => s.crmId === 'b')).toMatchObject({ tier: 4, pinned: { modelTier: 1, reason: 'Competitor offer', expiresAt: 5_000 } });
    expect(scores.find((s) => s.crmId === 'a')!.pinned).toBeUndefined();
    const view = (await handlers.getCustomerView({ site: SITE, crmId: 'b' }, { site: null, tabId: null }))!;
    expect(view.override).toMatchObject({ tier: 4, reason: 'Competitor offer' });
    expect(view.score!.tier).toBe(1);
    // After the expiry the model's tier is back.
    deps.now = () => 6_000;
    const later = await handlers.scanPage(list([bob]), { site: SITE, tabId: 3 });
    expect(later.scores[0]).toMatchObject({ tier: 1 });
    expect(later.scores[0]!.pinned).toBeUndefined();
    await handlers.clearOverride({ site: SITE, crmId: 'b', tabId: 3 }, { site: null, tabId: null });
    expect(await db.overrides.count()).toBe(0);
  });

  it('builds the worklist from stored at-risk customers', async () => {
    const handlers = createHandlers(deps);
    await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
    const { items, dueHours } = await handlers.getWorklist({}, { site: null, tabId: null });
    expect(items.map((i) => [i.crmId, i.tier])).toEqual([['a', 5]]);
    expect(items[0]!.dueAt).toBe(1_000 + 24 * 3_600_000);
    expect(dueHours['5']).toBe(24);
  });

  describe('actions only for the customer whose page is open (issue 14: a call logged against the wrong person)', () => {
    const none = { site: null, tabId: null };
    it('refuses an action on a customer the panel’s tab does not show, and stores nothing', async () => {
      const handlers = createHandlers(deps);
      await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
      await showDetail(handlers, 3, 'a');
      await showDetail(handlers, 3, 'b'); // the tab moved on to Bob (SPA navigation); a stale panel still shows Ann
      const stale = { site: SITE, crmId: 'a', tabId: 3 };
      await expect(handlers.logAction({ ...stale, kind: 'called' }, none)).rejects.toMatchObject({
        code: 'wrong-customer',
        message: /customer a is not the one whose page is open/,
      });
      await expect(handlers.flagScore({ ...stale, verdict: 'too_low', reason: 'x' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      await expect(handlers.setOverride({ ...stale, tier: 5, reason: 'x', expiresAt: 5_000 }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      await expect(handlers.clearOverride(stale, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      await expect(handlers.logAction({ site: SITE, crmId: 'b', tabId: null, kind: 'called' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      expect([await db.actions.count(), await db.feedback.count(), await db.overrides.count()]).toEqual([0, 0, 0]);
      await handlers.logAction({ site: SITE, crmId: 'b', tabId: 3, kind: 'called' }, none);
      expect((await db.actions.toArray()).map((a) => a.crmId)).toEqual(['b']);
    });

    it('refuses an outcome for an action of a customer other than the tab’s', async () => {
      const handlers = createHandlers(deps);
      await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
      await showDetail(handlers, 3, 'a');
      const { id } = await handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'called' }, none);
      await showDetail(handlers, 3, 'b');
      await expect(handlers.setOutcome({ site: SITE, tabId: 3, actionId: id, outcome: 'retained' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      expect((await db.actions.get(id))!.outcome).toBeUndefined();
    });

    it('on a list page, only the customer picked on that page; a new page forgets the pick', async () => {
      const handlers = createHandlers(deps);
      await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
      await handlers.reportPage({ url: `${SITE}/customers`, kind: 'list', customers: 2, detailId: null, settled: false }, { site: SITE, tabId: 3 });
      await expect(handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'called' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      await handlers.focusCustomer({ crmId: 'a' }, { site: SITE, tabId: 3 });
      await handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'called' }, none);
      await handlers.reportPage({ url: `${SITE}/customers?page=2`, kind: 'list', customers: 2, detailId: null, settled: false }, { site: SITE, tabId: 3 });
      await expect(handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'called' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
    });

    it('accepts a customer the agent chose in the worklist, while the tab’s page stays', async () => {
      const handlers = createHandlers(deps);
      await handlers.scanPage(list([ann, bob]), { site: SITE, tabId: 3 });
      await showDetail(handlers, 3, 'b');
      await handlers.chooseCustomer({ site: SITE, crmId: 'a', tabId: 3 }, none);
      await handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'emailed' }, none);
      await handlers.logAction({ site: SITE, crmId: 'b', tabId: 3, kind: 'called' }, none); // the page's own customer still
      await expect(handlers.logAction({ site: SITE, crmId: 'a', tabId: 5, kind: 'called' }, none)).rejects.toMatchObject({ code: 'wrong-customer' }); // another tab
      await showDetail(handlers, 3, 'a');
      await showDetail(handlers, 3, 'b'); // the page changed: the choice is over
      await expect(handlers.logAction({ site: SITE, crmId: 'a', tabId: 3, kind: 'called' }, none)).rejects.toMatchObject({ code: 'wrong-customer' });
      expect(await db.actions.count()).toBe(2);
    });

    it('tells the side panel when a tab’s page changes', async () => {
      const handlers = createHandlers(deps);
      await showDetail(handlers, 7, 'a');
      expect(events).toContainEqual({ channel: 'churn-radar-event', type: 'page-focus-changed', tabId: 7 });
      expect((await handlers.getPageFocus({ tabId: 7 }, none)).focus).toMatchObject({ state: 'customer', crmId: 'a', how: 'detail' });
      const settings = { url: `${SITE}/settings`, kind: null, customers: 0, detailId: null };
      await handlers.reportPage({ ...settings, settled: false }, { site: SITE, tabId: 7 });
      expect((await handlers.getPageFocus({ tabId: 7 }, none)).focus).toMatchObject({ state: 'reading', url: `${SITE}/settings` });
      await handlers.reportPage({ ...settings, settled: true }, { site: SITE, tabId: 7 });
      expect((await handlers.getPageFocus({ tabId: 7 }, none)).focus).toMatchObject({ state: 'unreadable', url: `${SITE}/settings` });
    });
  });
});
