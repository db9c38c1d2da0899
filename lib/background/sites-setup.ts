import { browser } from 'wxt/browser';
import { DEMO_CRM_ORIGIN } from '../demo-origin';
import type { SiteKey } from '../domain';
import { t } from '../i18n';
import { fieldMappingsItem } from '../mapping/mapping-item';
import type { BackgroundEvent } from '../messaging/protocol';
import { enabledSitesItem } from '../sites/enabled-sites-item';
import { mappedLabelsOf, type HealthSummary } from '../sites/health';
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

const badgeTitle = (summary: HealthSummary) =>
  summary.status === 'warning' ? `${t('extName')} — ${t('popup.badgeWarning')}` : t('extName');

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

  const reconcile = () =>
    sites
      .reconcile()
      .then((registered) => Promise.all(registered.map((origin) => sites.injectOpenTabs(origin))))
      .catch((error: unknown) => console.error('[churn-radar] could not update site registrations', error));
  browser.permissions.onAdded.addListener((added) => {
    void finishPendingEnables(added.origins ?? [], !isFirefox, (origin) => sites.enable(origin))
      .catch((error: unknown) => console.error('[churn-radar] could not enable a newly granted site', error))
      .then(reconcile);
  });
  browser.permissions.onRemoved.addListener(() => void reconcile());
  // The policy service re-reads the admin's policy on the same event; its next view is the one to use.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void policy.reapply().then(() => sites.policyChanged()).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => health.forgetTab(tabId));
  resetToolbarIconOnNavigation();
  void reconcile();

  return { sites, health };
}
