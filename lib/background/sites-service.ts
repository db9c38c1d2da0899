import type { SitesView, SiteStatusView } from '@/lib/sites/sites-commands';
import type { BackgroundEvent } from '../messaging/protocol';
import {
  activeOrigins,
  addSite,
  canDisable,
  registrationPlan,
  removeSite,
  siteEntries,
  siteState,
  withoutRevoked,
  type EnabledSite,
  type SiteEntry,
  type SiteSources,
} from '../sites/enabled-sites';
import { matchPatternFor, SCRIPT_ID_PREFIX, scriptIdFor, siteLabel } from '../sites/origins';
import { policySitesOf, type PolicyRead, type PolicySites } from '../sites/policy-sites';
import { HandlerError } from './router';

/** The browser calls the site service makes (lib/background/sites-browser.ts binds them; tests fake them). */
export interface SitesApi {
  hasOrigin(pattern: string): Promise<boolean>;
  removeOrigin(pattern: string): Promise<void>;
  registeredIds(): Promise<string[]>;
  register(scripts: RegisteredScript[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  tabsMatching(pattern: string): Promise<number[]>;
  inject(tabId: number, file: string): Promise<void>;
  /** Tell the content script in a tab to stop (a disabled site's open tabs). */
  stop(tabId: number): Promise<void>;
  /** The validated policy, from the policy service (one reader of chrome.storage.managed). */
  readPolicy(): Promise<PolicyRead>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: true;
  persistAcrossSessions: true;
}

export interface SiteServiceDeps {
  api: SitesApi;
  userSites: { get: () => Promise<EnabledSite[]>; set: (sites: EnabledSite[]) => Promise<void> };
  /** Origins the manifest grants and that are read out of the box until the user turns them off (the demo CRM). */
  builtin: readonly string[];
  /** The builtin origins the user turned off. */
  disabledBuiltin: { get: () => Promise<string[]>; set: (origins: string[]) => Promise<void> };
  /** The built content script, as the manifest names it ("content-scripts/crm.js"). */
  contentScript: string;
  portInPattern: boolean;
  emit: (event: BackgroundEvent) => void;
  now: () => number;
  /** Throws when the IT policy locks the site list (`locked: ['enabledSites']`); users then cannot add or remove sites. */
  assertUnlocked?: () => Promise<void>;
}

/**
 * Which sites the extension reads: the list (user + policy) intersected with
 * the host permissions the browser holds, with one dynamic content script per
 * site. Every change goes through reconcile(), which makes the registrations
 * match, so a permission removed in chrome://extensions disables the site too.
 */
export function createSiteService(deps: SiteServiceDeps) {
  const pattern = (origin: string) => matchPatternFor(origin, { portInPattern: deps.portInPattern });
  let policy: Promise<PolicySites> | null = null;
  let active: Promise<Set<string>> | null = null;

  const readPolicy = () => (policy ??= deps.api.readPolicy().then(policySitesOf, () => policySitesOf({ policy: {}, problems: [] })));

  async function sources(): Promise<SiteSources> {
    const off = await deps.disabledBuiltin.get();
    return { builtin: deps.builtin.filter((origin) => !off.includes(origin)), user: await deps.userSites.get(), policy: (await readPolicy()).sites };
  }

  async function grantedMap(origins: readonly string[]): Promise<Map<string, boolean>> {
    const checks = await Promise.all(origins.map(async (origin) => [origin, await deps.api.hasOrigin(pattern(origin)).catch(() => false)] as const));
    return new Map(checks);
  }

  async function entries(): Promise<SiteEntry[]> {
    const current = await sources();
    const granted = await grantedMap([...current.policy, ...current.user.map((site) => site.origin)]);
    return siteEntries(current, (origin) => granted.get(origin) ?? false);
  }

  async function view(): Promise<SitesView> {
    const read = await readPolicy();
    return { sites: await entries(), lockReason: read.lockReason ?? null, policyProblems: read.problems };
  }

  function changed() {
    active = null;
    deps.emit({ channel: 'churn-radar-event', type: 'sites-changed' });
  }

  /**
   * Changes run one at a time: permissions.onAdded fires while the page that
   * asked is already sending enableSite, and two overlapping reconciles would
   * register the same script twice (Chrome rejects the duplicate id).
   */
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Registrations = listed and granted sites; returns the origins newly registered. */
  async function reconcileNow(): Promise<string[]> {
    const user = await deps.userSites.get();
    const granted = await grantedMap(user.map((site) => site.origin));
    const kept = withoutRevoked(user, (origin) => granted.get(origin) ?? false);
    if (kept.length !== user.length) await deps.userSites.set(kept);
    const wanted = activeOrigins(await entries());
    const plan = registrationPlan(wanted, await deps.api.registeredIds(), (id) => id.startsWith(SCRIPT_ID_PREFIX));
    if (plan.unregister.length) await deps.api.unregister(plan.unregister);
    if (plan.register.length) {
      await deps.api.register(
        plan.register.map((origin) => ({
          id: scriptIdFor(origin),
          matches: [pattern(origin)],
          js: [deps.contentScript],
          runAt: 'document_start',
          allFrames: true,
          persistAcrossSessions: true,
        })),
      );
    }
    if (plan.register.length || plan.unregister.length || kept.length !== user.length) changed();
    else active = null;
    return plan.register;
  }

  /** Start reading already-open tabs of a site without a reload (the script ignores a second injection). */
  async function injectOpenTabs(origin: string) {
    const tabs = await deps.api.tabsMatching(pattern(origin)).catch(() => [] as number[]);
    await Promise.all(tabs.map((tabId) => deps.api.inject(tabId, deps.contentScript).catch(() => undefined)));
  }

  return {
    view,
    entries,
    reconcile: () => serial(reconcileNow),
    injectOpenTabs,

    /**
     * After an install or update: the browser runs no content script in tabs
     * opened before, and the old copies there have lost their extension.
     * Starts every active site's open tabs, except origins already started.
     */
    async injectAllOpenTabs(except: ReadonlySet<string> = new Set()): Promise<void> {
      const origins = activeOrigins(await entries()).filter((origin) => !except.has(origin));
      await Promise.all(origins.map(injectOpenTabs));
    },

    /** The router's check: a listed site (the demo CRM unless turned off) whose permission the browser holds. */
    async isEnabled(origin: string): Promise<boolean> {
      active ??= entries().then((list) => new Set(activeOrigins(list)));
      return (await active).has(origin);
    },

    async status(origin: string | null): Promise<Omit<SiteStatusView, 'health'>> {
      const current = await sources();
      const list = await entries();
      return {
        origin,
        state: siteState(origin, list),
        canDisable: origin !== null && canDisable(origin, current),
        lockReason: (await readPolicy()).lockReason ?? null,
      };
    },

    /**
     * Called by the page that just got the permission from the user's click
     * (only a page with a user gesture may ask): verify it, list the site,
     * register the script and start it in open tabs.
     */
    enable: (origin: string): Promise<SitesView> => serial(() => enableNow(origin)),
    disable: (origin: string): Promise<SitesView> => serial(() => disableNow(origin)),

    /** The policy changed (storage.managed onChanged). */
    policyChanged() {
      policy = null;
      return serial(reconcileNow);
    },
  };

  async function enableNow(origin: string): Promise<SitesView> {
    if (deps.builtin.includes(origin)) {
      // The manifest grants it: turning it back on only takes it off the "turned off" list.
      await deps.assertUnlocked?.();
      await deps.disabledBuiltin.set((await deps.disabledBuiltin.get()).filter((off) => off !== origin));
    } else {
      if (!(await deps.api.hasOrigin(pattern(origin)))) {
        throw new HandlerError('forbidden', `Churn Radar has no access to ${siteLabel(origin)}: allow it when the browser asks.`);
      }
      const current = await sources();
      if (!current.policy.includes(origin)) {
        await deps.assertUnlocked?.();
        await deps.userSites.set(addSite(current.user, origin, deps.now()));
      }
    }
    await reconcileNow();
    await injectOpenTabs(origin);
    changed();
    return view();
  }

  /** Unregister, stop the open tabs, give the permission back, drop it from the list. Stored history stays. */
  async function disableNow(origin: string): Promise<SitesView> {
    const current = await sources();
    if (!canDisable(origin, current)) {
      const why = current.policy.includes(origin) ? 'it is enabled by your IT policy' : 'it is not a site you enabled';
      throw new HandlerError('forbidden', `${siteLabel(origin)} cannot be disabled: ${why}.`);
    }
    await deps.assertUnlocked?.();
    if (deps.builtin.includes(origin)) await deps.disabledBuiltin.set([...new Set([...(await deps.disabledBuiltin.get()), origin])]);
    await deps.userSites.set(removeSite(current.user, origin));
    await reconcileNow();
    const tabs = await deps.api.tabsMatching(pattern(origin)).catch(() => [] as number[]);
    await Promise.all(tabs.map((tabId) => deps.api.stop(tabId).catch(() => undefined)));
    // A permission the manifest requires (the e2e flavour's localhost) cannot be removed; the list decides then.
    await deps.api.removeOrigin(pattern(origin)).catch(() => undefined);
    changed();
    return view();
  }
}

export type SiteService = ReturnType<typeof createSiteService>;
