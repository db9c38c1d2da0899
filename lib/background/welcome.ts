import { browser } from 'wxt/browser';

/**
 * The first-run page opens once, when the extension is installed (not on updates or
 * browser restarts). The e2e flavour does not open it: every e2e test starts a fresh
 * profile, i.e. a fresh install, and a surprise tab would race the test's own pages;
 * the welcome e2e opens welcome.html itself.
 */
export function shouldOpenWelcome(reason: string, mode: string): boolean {
  return reason === 'install' && mode !== 'e2e';
}

export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (shouldOpenWelcome(reason, import.meta.env.MODE)) void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}
