import { browser } from 'wxt/browser';
import { openDatabase } from '../db/db';
import { t } from '../i18n';
import { emitBackgroundEvent } from '../messaging/events';
import { parseModelArtifact } from '../model/artifact';
import { createScorer } from '../model/scorer';
import { localeOf } from '../playbooks/default-playbook';
import { playbookItem } from '../playbooks/playbook-item';
import { experimentsItem } from '../experiments/experiments-item';
import { retrainScheduleItem } from '../monitoring/retrain-schedule-item';
import { createTabPages } from './tab-pages';
import { focusedCustomerOf } from '../focus/page-focus';
import { parseTabPages, tabPagesItem } from '../focus/tab-pages-item';
import { siteOriginOf } from '../sites/origins';
import {
  dueHoursItem,
  focusedCustomerItem,
  indicatorSettingsItem,
  lostRowsItem,
  retentionDaysItem,
  storageProblemItem,
  tierThresholdsItem,
  unsavedRowsItem,
} from '../settings';
import { pruneHistory } from '../db/retention';
import { cachedItem } from './cached-item';
import { createCustomerStore } from './customer-store';
import { createHandlers } from './handlers';
import { browserPrivacyPorts, startPolicyService } from './privacy-ports';
import { browserMappingPorts, watchMappings } from './mapping-ports';
import { browserPageTools } from './inject-page-tools';
import { siteRecipesItem } from '../recipes/recipes-item';
import { fieldMappingsItem } from '../mapping/mapping-item';
import { createSiteResolvers } from '../mapping/cached-site-resolvers';
import { createModelProvider } from './model-provider';
import { storedScorecardScorer } from './stored-scorecard';
import { createSiteStarter } from './site-starter';
import { createRouter, messageListener } from './router';
import { createStorageHealth, RETRY_ALARM, RETRY_ALARM_MINUTES } from './storage-health';
import { parkedRowsStore } from './parked-rows-item';
import { sizeOf } from './write-queue';
import { chromeSidePanel, openSidePanel } from '../side-panel';
import { OPEN_SIDE_PANEL_COMMAND } from '../side-panel-command';
import { startSites } from './sites-setup';
import { openWelcomeOnInstall } from './welcome';
import { browserAlertPorts } from './alert-ports';

/** Models trained on the demo CRM's history at build time (public/model/), listed by scripts/build-demo-model.ts. */
const BUNDLED_MODELS_INDEX = '/model/index.json';
/** How often the retention window is applied while the worker lives (it is also applied at every start). */
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`The bundled model file ${path} is missing (${response.status}). Rebuild the extension with npm run build.`);
  return response.json();
}

/** Everything the service worker does, registered synchronously so no early message is missed. */
export function startBackground(): void {
  openWelcomeOnInstall();
  const db = openDatabase();
  // The label-free first score of sites no model is assigned to; settings and mappings are read when a site is first scored.
  const starter = createSiteStarter({
    db,
    indicatorSettings: () => indicatorSettings.get(),
    fieldResolver: (site) => siteResolvers(site),
    scorecard: () => storedScorecardScorer(db),
    now: () => Date.now(),
  });
  const models = createModelProvider({
    db,
    starter,
    bundledIndex: async () => JSON.stringify(await fetchJson(BUNDLED_MODELS_INDEX)),
    loadBundled: async () => {
      const index = await fetchJson(BUNDLED_MODELS_INDEX);
      const files = Array.isArray(index) ? index.filter((f): f is string => typeof f === 'string') : [];
      return Promise.all(files.map((file) => fetchJson(`/model/${file}`)));
    },
    parse: parseModelArtifact,
    createScorer,
  });
  const announceStorage = () => emitBackgroundEvent({ channel: 'churn-radar-event', type: 'storage-changed' });
  // Rows the previous worker held when MV3 stopped it: taken back before anything is counted as lost.
  const parked = parkedRowsStore(() => Date.now());
  const previouslyParked = parked.load().catch((error: unknown) => {
    console.error('[churn-radar] could not read held rows of the previous worker', error);
    return null;
  });
  const storageHealth = createStorageHealth({
    problem: {
      set: (value) => storageProblemItem.setValue(value).then(announceStorage),
      clear: async () => {
        if ((await storageProblemItem.getValue()) === null) return;
        await storageProblemItem.removeValue();
        announceStorage();
      },
    },
    lost: { get: () => lostRowsItem.getValue(), set: (value) => (value ? lostRowsItem.setValue(value) : lostRowsItem.removeValue()).then(announceStorage) },
    unsaved: { get: () => unsavedRowsItem.getValue(), set: (rows) => unsavedRowsItem.setValue(rows) },
    restored: previouslyParked.then((batch) => (batch ? sizeOf(batch) : 0)),
    // A held batch is retried on this timer as well as with the next write; the alarm also outlives an idle worker.
    scheduleRetry: () => void browser.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_ALARM_MINUTES }),
    heldRows: () => customers.heldRows(),
    now: () => Date.now(),
  });
  const reportStorageProblem = (error: unknown) => storageHealth.failed(error);
  const customers = createCustomerStore(db, {
    onWriteFailure: reportStorageProblem,
    onDiscard: storageHealth.discarded,
    onUnsaved: storageHealth.unsaved,
    onWriteSuccess: storageHealth.succeeded,
    onParked: parked.save,
  });
  void customers.restore(previouslyParked);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void customers.retryHeld();
  });
  // A database that cannot open (private mode, a blocked upgrade held by an old tab, a newer
  // version) is reported at once; pages are still answered from memory meanwhile.
  db.on('blocked', () =>
    reportStorageProblem(
      Object.assign(new Error('Another Churn Radar page holds the old database open; close it to finish the upgrade.'), { name: 'BlockedError' }),
    ),
  );
  db.open().catch(reportStorageProblem);
  const retentionDays = cachedItem(retentionDaysItem);
  const prune = () =>
    retentionDays
      .get()
      .then((days) => pruneHistory(db, days, Date.now()))
      .catch((error: unknown) => console.error('[churn-radar] retention pruning failed', error));
  void prune();
  setInterval(() => void prune(), PRUNE_EVERY_MS);
  const indicatorSettings = cachedItem(indicatorSettingsItem);
  const thresholds = cachedItem(tierThresholdsItem);
  const focus = cachedItem(focusedCustomerItem);
  const tabPages = createTabPages({
    load: async () => parseTabPages(await tabPagesItem.getValue()),
    save: (value) => tabPagesItem.setValue(value),
    emit: emitBackgroundEvent,
    now: () => Date.now(),
  });
  const fieldMappings = cachedItem(fieldMappingsItem);
  const siteResolvers = createSiteResolvers(fieldMappings.get);
  // Injected page tools run only on enabled sites (`sites` is set below, before any message is routed).
  const runPageTool = browserPageTools((origin) => sites.sites.isEnabled(origin));
  const mapping = browserMappingPorts(fieldMappings, (tabId) => runPageTool(tabId, 'picker'));
  watchMappings({ watch: (callback) => fieldMappingsItem.watch(callback), siteTabs: mapping.siteTabs, focused: focus.get, emit: emitBackgroundEvent });
  // Switching tabs makes that tab's customer the last focused one (what "no customer named" means).
  browser.tabs.onActivated.addListener(
    ({ tabId }) =>
      void tabPages
        .get(tabId)
        .then(async (page) => {
          const customer = focusedCustomerOf(page);
          if (customer) await focus.set({ ...customer, tabId, at: Date.now() });
        })
        .catch(() => undefined),
  );
  browser.tabs.onRemoved.addListener((tabId) => void tabPages.closed(tabId).catch(() => undefined));
  // A saved (or policy-set) playbook changes the script an open side panel shows.
  playbookItem.watch(() => emitBackgroundEvent({ channel: 'churn-radar-event', type: 'playbook-changed' }));
  // Experiments started, finished or set by the team policy change who is held out in panels and worklists.
  experimentsItem.watch(() => emitBackgroundEvent({ channel: 'churn-radar-event', type: 'experiments-changed' }));
  const policy = startPolicyService(models);
  const sites = startSites(emitBackgroundEvent, policy);
  // A tab that moves to another page: the new page is "reading" until its content script reports; a page
  // that is not an enabled CRM's (or one we may not see: no URL) shows no customer. Content reports carry
  // the rest (SPA navigation included), so this only has to catch pages where no content script runs.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'loading') return;
    const url = tab.url ?? change.url ?? null;
    const origin = siteOriginOf(url ?? undefined);
    void Promise.resolve(origin ? sites.sites.isEnabled(origin) : false)
      .then((enabled) => tabPages.apply(tabId, { type: 'navigated', site: enabled ? origin : null, url: enabled ? url : null }))
      .catch(() => undefined);
  });
  const handlers = createHandlers({
    tabPages,
    db,
    customers,
    models,
    thresholds: thresholds.get,
    saveThresholds: thresholds.set,
    saveIndicatorSettings: indicatorSettings.set,
    indicatorSettings: indicatorSettings.get,
    retentionDays: retentionDays.get,
    storageProblem: () => storageProblemItem.getValue(),
    lostRows: { get: storageHealth.lost, acknowledge: storageHealth.acknowledge },
    dueHours: cachedItem(dueHoursItem).get,
    focus,
    openSidePanel,
    emit: emitBackgroundEvent,
    // Scripts follow the language the extension's messages are shown in: ask the
    // message bundle itself, since getUILanguage() and @@ui_locale can disagree
    // with the bundle Chrome picked (seen: both "en-US" with zh_CN messages).
    locale: () => localeOf(t('common.intlLocale') || browser.i18n.getUILanguage()),
    defer: (task) => setTimeout(task, 0),
    privacy: browserPrivacyPorts({ db, retention: retentionDays, policy }),
    policy,
    t,
    now: () => Date.now(),
    sites,
    fieldResolver: siteResolvers,
    mapping,
    recipePorts: { recipes: cachedItem(siteRecipesItem), startTeaching: (tabId) => runPageTool(tabId, 'teach') },
    storedPlaybook: cachedItem(playbookItem),
    experiments: cachedItem(experimentsItem),
    alerts: browserAlertPorts(),
    retrainSchedule: { get: () => retrainScheduleItem.getValue(), set: (value) => retrainScheduleItem.setValue(value) },
  });
  const route = createRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isSiteEnabled: (origin) => sites.sites.isEnabled(origin),
    handlers,
    onError: (type, error) => console.error(`[churn-radar] ${type} failed`, error),
    onRejectedRows: (type, count, problem) => console.warn(`[churn-radar] ${type}: ${count} invalid rows left out (first: ${problem})`),
  });

  browser.runtime.onMessage.addListener(messageListener(route));

  // The keyboard shortcut is a user gesture, so the panel may open straight from it; it shows the tab's customer.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_SIDE_PANEL_COMMAND && tab?.id !== undefined) void openSidePanel(tab.id).catch(() => undefined);
  });
  const panel = chromeSidePanel();
  // The action opens the popup (entrypoints/popup), which opens the panel from its own click.
  panel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}
