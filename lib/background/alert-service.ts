/**
 * Alerts agents trust (lib/alerts holds the rules): a notification when a
 * worklist customer rises to tier ≥ 4 (after a page scan recorded the new
 * score) or passes its contact due time (checked on a timer), within the
 * agent's quiet hours and daily cap; every alert is logged for the popup's
 * digest, and a click opens the customer's CRM page. Control customers of a
 * running experiment are held from outreach, so they never alert. State
 * changes run one at a time (scans overlap).
 */
import { customerKey } from '../db/customer-key';
import type { CustomerRow, OverrideRow } from '../db/schema';
import type { SiteKey, Tier } from '../domain';
import type { Translate } from '../explain/reason-text';
import type { WorklistItem } from '@/lib/agent/agent-views';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../alerts/alert-settings';
import { appendEvents, EMPTY_ALERT_STATE, eventIdOfNotification, notificationIdOf, type AlertEvent, type AlertState } from '../alerts/alert-log';
import { deliver } from '../alerts/delivery';
import { digestOf } from '../alerts/digest';
import { notificationText } from '../alerts/notification-text';
import { localClock } from '../alerts/quiet-hours';
import { detectRises, passedDue, type TierChange } from '../alerts/rise';
import type { RecordedScore } from './customer-store';
import { ownerOf } from '@/lib/db/worklist-keys';

/** The browser's side: stored state and settings, the notifications permission and API, opening a tab. */
interface AlertPorts {
  state: { get: () => Promise<AlertState>; set: (value: AlertState) => Promise<void> };
  settings: { get: () => Promise<AlertSettings> };
  /** Whether the optional `notifications` permission is granted. */
  permitted: () => Promise<boolean>;
  show: (notificationId: string, text: { title: string; message: string }) => Promise<void>;
  clear: (notificationId: string) => Promise<void>;
  openTab: (url: string) => Promise<void>;
  /** The customer view in the extension (sidepanel.html?site=&crmId=), for customers never seen on a CRM detail page. */
  customerViewUrl: (site: SiteKey, crmId: string) => string;
}

/** The ports as the background is given them: the settings are also saved (Options), and the timer and clicks call back. */
export interface AlertBrowserPorts extends AlertPorts {
  settings: { get: () => Promise<AlertSettings>; set: (value: AlertSettings) => Promise<void> };
  /** Registered at the worker's start (MV3 wakes a stopped worker only for listeners added then). */
  listen: (on: { dueCheck: () => void; clicked: (notificationId: string) => void }) => void;
}

/** No browser: state and settings in memory, nothing shown (handler tests; their `shown` lists what would have been). */
export function memoryAlertPorts(settings: AlertSettings = DEFAULT_ALERT_SETTINGS, permitted = false) {
  let state = EMPTY_ALERT_STATE;
  let current = settings;
  const shown: { id: string; title: string; message: string }[] = [];
  const opened: string[] = [];
  return {
    shown,
    opened,
    state: { get: async () => state, set: async (value: AlertState) => void (state = value) },
    settings: { get: async () => current, set: async (value: AlertSettings) => void (current = value) },
    permitted: async () => permitted,
    show: async (id: string, text: { title: string; message: string }) => void shown.push({ id, ...text }),
    clear: async () => undefined,
    openTab: async (url: string) => void opened.push(url),
    customerViewUrl: (site: SiteKey, crmId: string) => `sidepanel.html?${new URLSearchParams({ site, crmId })}`,
    listen: () => undefined,
  } satisfies AlertBrowserPorts & { shown: unknown; opened: unknown };
}

export interface AlertDeps {
  ports: AlertPorts;
  /** Customers held out in experiments' control groups (no outreach, so no alerts). */
  heldKeys: () => Promise<Set<string>>;
  /** The worklist now, for the agent's owner filter (due-time checks). */
  worklist: (owner: string | null) => Promise<WorklistItem[]>;
  t: Translate;
  locale: () => string;
  now: () => number;
}

export function createAlertService(deps: AlertDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  /** One state change at a time; a failure is logged and does not stop the next. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch((error: unknown) => console.error('[churn-radar] alert failed', error));
    return run;
  };
  let sequence = 0;
  const formatTime = (at: number) => new Date(at).toLocaleString(deps.locale(), { weekday: 'short', hour: '2-digit', minute: '2-digit' });

  /** Deliver new alerts (notification, held back or digest only), log them, and store the state (`next`: ledger or due mark updated). */
  async function commit(next: AlertState, changed: boolean, drafts: Omit<AlertEvent, 'id' | 'delivery'>[]): Promise<void> {
    if (!drafts.length) {
      if (changed) await deps.ports.state.set(next);
      return;
    }
    const now = deps.now();
    const [settings, permitted] = await Promise.all([deps.ports.settings.get(), deps.ports.permitted().catch(() => false)]);
    const { deliveries, shown } = deliver(settings, permitted, next.shown, localClock(new Date(now)), drafts);
    const events = drafts.map((draft, i): AlertEvent => ({ ...draft, id: `${now.toString(36)}-${(sequence++).toString(36)}`, delivery: deliveries[i]! }));
    await deps.ports.state.set({ ...next, shown, events: appendEvents(next.events, events, now) });
    for (const event of events) {
      if (event.delivery !== 'shown') continue;
      await deps.ports
        .show(notificationIdOf(event), notificationText(event, deps.t, formatTime))
        .catch((error: unknown) => console.error('[churn-radar] notification failed', error));
    }
  }

  const effectiveTier = (tier: Tier | undefined, pinned: OverrideRow | undefined): Tier | null => pinned?.tier ?? tier ?? null;

  return {
    /** After a scan recorded new scores: rises of worklist customers (an agent's pinned tier wins, so a pinned customer never "rises"). */
    scored(site: SiteKey, recorded: readonly RecordedScore[], pinned: ReadonlyMap<string, OverrideRow>): Promise<void> {
      if (!recorded.length) return Promise.resolve();
      return serial(async () => {
        const [state, settings, held] = await Promise.all([deps.ports.state.get(), deps.ports.settings.get(), deps.heldKeys()]);
        const rows = new Map<string, CustomerRow>();
        const changes: TierChange[] = [];
        for (const { before, after } of recorded) {
          const key = customerKey(site, after.crmId);
          const to = effectiveTier(after.lastScore?.tier, pinned.get(after.crmId));
          if (to === null || held.has(key) || (settings.owner && ownerOf(after) !== settings.owner)) continue;
          rows.set(key, after);
          changes.push({ key, from: effectiveTier(before.lastScore?.tier, pinned.get(after.crmId)), to });
        }
        const { rises, ledger } = detectRises(state.ledger, changes);
        const now = deps.now();
        const drafts = rises.map(({ key, from, to }) => {
          const row = rows.get(key)!;
          return { kind: 'rise' as const, site, crmId: row.crmId, name: row.name, url: row.detailUrl ?? null, tier: to, from, dueAt: null, at: now };
        });
        await commit({ ...state, ledger }, ledger !== state.ledger, drafts);
      });
    },

    /** On the timer: worklist customers whose due time passed since the last check with no action logged. */
    checkDue(): Promise<void> {
      return serial(async () => {
        const [state, settings] = await Promise.all([deps.ports.state.get(), deps.ports.settings.get()]);
        const now = deps.now();
        const items = await deps.worklist(settings.owner);
        const drafts = passedDue(items, state.dueCheckedAt, now).map((item) => ({
          kind: 'due' as const,
          site: item.site,
          crmId: item.crmId,
          name: item.name,
          url: item.url,
          tier: item.tier,
          from: null,
          dueAt: item.dueAt,
          at: now,
        }));
        await commit({ ...state, dueCheckedAt: now }, true, drafts);
      });
    },

    /** A notification (or a digest entry) was clicked: open its customer's CRM page. False: not one of ours, or gone from the log. */
    async open(eventId: string): Promise<boolean> {
      const event = (await deps.ports.state.get()).events.find((e) => e.id === eventId);
      if (!event) return false;
      await deps.ports.openTab(event.url ?? deps.ports.customerViewUrl(event.site, event.crmId));
      return true;
    },

    async clicked(notificationId: string): Promise<void> {
      const eventId = eventIdOfNotification(notificationId);
      if (eventId === null) return;
      await deps.ports.clear(notificationId).catch(() => undefined);
      await this.open(eventId);
    },

    async digest() {
      return digestOf((await deps.ports.state.get()).events, deps.now());
    },
  };
}
