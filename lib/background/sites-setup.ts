import { browser } from 'wxt/browser';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import type { SiteKey } from '../domain';
import { t } from '../i18n';
import { fieldMappingsItem } from '../mapping/mapping-item';
import type { BackgroundEvent } from '../messaging/protocol';
import { disabledDefaultSitesItem, enabledSitesItem } from '../sites/enabled-sites-item';
import { mappedLabelsOf, type HealthSummary } from '../sites/health';
import { needsAttention } from '../sites/health-state';
import { healthItem } from '../sites/health-item';
import { finishPendingEnables } from '../sites/pending-enable';
import { createHealthService } from './health-service';
import { assertUnlocked, type PolicyService } from './policy-service';
import { actionIconStateFor } from '../sites/action-icon';
import { browserSitesApi, resetToolbarIconOnNavigation, setHealthBadge } from './sites-browser';
import { createSiteService } from './sites-service';

/** The content script file as WXT builds it (entrypoints/crm.content.ts). */
const CONTENT_SCRIPT = 'content-scripts/crm.js';
/** Adapter health is written at most this often. */
const HEALTH_SAVE_MS = 2000;

const badgeTitle = (summary: HealthSummary) => (needsAttention(summary.status) ? `${t('extName')} — ${t('popup.badgeWarning')}` : t('extName'));

/**
 * Opt-in sites and adapter health for the service worker: the services, and
 * the browser events that keep registrations in step with permissions
 * (granted or removed in chrome://extensions) and with the IT policy.
 */
export function startSites(emit: (event: BackgroundEvent) => void, policy: PolicyService) {
  const isFirefox = import.meta.env.BROWSER === 'firefox';
  const sites = createSiteService({
    api: browserSitesApi(() => policy.current()),
    userSites: { get: () => enabledSitesItem.getValue(), set: (value) => enabledSitesItem.setValue(value) },
    builtin: [DEMO_CRM_ORIGIN],
    disabledBuiltin: { get: () => disabledDefaultSitesItem.getValue(), set: (value) => disabledDefaultSitesItem.setValue(value) },
    contentScript: CONTENT_SCRIPT,
    portInPattern: !isFirefox,
    emit,
    now: () => Date.now(),
    assertUnlocked: () => assertUnlocked('enabledSites'),
  });
  const health = createHealthService({
    load: () => healthItem.getValue(),
    save: (value) => healthItem.setValue(value),
    mappedLabels: async (site: SiteKey) => mappedLabelsOf((await fieldMappingsItem.getValue())[site]),
    badge: (tabId, summary) => setHealthBadge(tabId, actionIconStateFor(summary.status), badgeTitle(summary)),
    emit,
    now: () => Date.now(),
    saveDelayMs: HEALTH_SAVE_MS,
    setTimer: (task, ms) => setTimeout(task, ms),
  });

  /** Reconciles and starts the open tabs of newly registered sites; resolves to those origins. */
  const reconcile = (): Promise<string[]> =>
    sites
      .reconcile()
      .then(async (registered) => {
        await Promise.all(registered.map((origin) => sites.injectOpenTabs(origin)));
        return registered;
      })
      .catch((error: unknown) => {
        console.error('[churn-radar] could not update site registrations', error);
        return [];
      });
  browser.permissions.onAdded.addListener((added) => {
    void finishPendingEnables(added.origins ?? [], !isFirefox, (origin) => sites.enable(origin))
      .catch((error: unknown) => console.error('[churn-radar] could not enable a newly granted site', error))
      .then(reconcile);
  });
  browser.permissions.onRemoved.addListener(() => void reconcile());
  // The policy service re-reads the admin's policy on the same event; its next view is the one to use.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed')
      void policy
        .reapply()
        .then(() => sites.policyChanged())
        .catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => health.forgetTab(tabId));
  resetToolbarIconOnNavigation();
  const started = reconcile();
  // Installed or updated: tabs opened before have no content script (an update leaves the old copies
  // without their extension; they remove their own badges, lib/content/lifecycle.ts). Start them now,
  // once: the sites the start-up reconcile just registered were started by it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void started
      .then((registered) => sites.injectAllOpenTabs(new Set(registered)))
      .catch((error: unknown) => console.error('[churn-radar] could not start Churn Radar in open tabs', error));
  });

  return { sites, health };
}
