import { defineConfig } from 'wxt';
import { OPEN_SIDE_PANEL_COMMAND } from './lib/side-panel-command';
import tailwindcss from '@tailwindcss/vite';
import { DEMO_CRM_MATCH, E2E_FIXTURE_MATCH } from './lib/demo-origin';
import { actionIconPaths, MANIFEST_ICONS } from './lib/sites/action-icon';

// The manifest is opt-in by construction: the only host the extension can read
// out of the box is the bundled demo CRM on 127.0.0.1 (on until the user turns
// it off: no site has a manifest content script). Other CRMs are enabled one
// origin at a time at run time (optional host permissions).

/**
 * The extension pages' CSP, so "nothing leaves the browser" is enforced by the
 * browser too: pages, the side panel, the options console and its training
 * worker may connect only to the extension itself (connect-src 'self': the
 * bundled models are fetched from it; the CRM is read by the content script,
 * which this policy does not govern). 'wasm-unsafe-eval' is MV3's default and
 * kept for tfjs backends that compile WebAssembly; styles allow inline
 * `style` attributes (charts position their labels with them).
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  imports: false, // explicit imports: lib/ code must read the same in Node tests and in the browser
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // CHURN_RADAR_OUT: a separate output directory, so parallel builds never overwrite each other's.
  outDir: process.env.CHURN_RADAR_OUT ?? '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({ plugins: [tailwindcss()] }),
  // Store packages (npm run zip): AMO reviewers rebuild from the sources zip, which needs the demo
  // data (the bundled models are trained from it at build time) but not tests, benches or outputs.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'docs/**', 'demo-output/**', 'bench-output/**', 'test-results/**', '.scratch/**', '.tmp/**', 'public/model/**'],
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    // activeTab: the popup may read the current tab's address to offer "Enable on this site".
    // alarms: held history writes are retried on a timer; unlimitedStorage: history is not capped by the origin quota.
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'scripting',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      // e2e only: Playwright cannot answer the permission prompt (as for host permissions below).
      ...(mode === 'e2e' ? ['notifications'] : []),
    ],
    // Desktop alerts (lib/alerts) ask for notifications when the agent turns them on in Options: most installs never prompt.
    optional_permissions: mode === 'e2e' ? [] : ['notifications'],
    // The e2e flavour (npm run build:e2e) also holds the fixture origin, because Playwright cannot
    // answer the browser's own permission prompt (microsoft/playwright#32755); the production
    // manifest stays opt-in. Never in content_scripts: fixtures are enabled through the product's flow.
    host_permissions: mode === 'e2e' ? [DEMO_CRM_MATCH, E2E_FIXTURE_MATCH] : [DEMO_CRM_MATCH],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: MANIFEST_ICONS,
    // Grey until a tab's page is read (lib/sites/action-icon.ts); the background sets on / problem per tab.
    action: { default_title: '__MSG_extName__', default_icon: actionIconPaths('off') },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // What an IT admin may preset and lock through policy (chrome.storage.managed); see lib/policy.
    storage: { managed_schema: 'managed-schema.json' },
    // A keyboard shortcut to the side panel on the current tab's customer (lib/side-panel.ts); users may rebind it.
    commands: { [OPEN_SIDE_PANEL_COMMAND]: { suggested_key: { default: 'Alt+Shift+C' }, description: '__MSG_shortcuts_openSidePanel__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or transmitted: AMO's data-collection declaration says so (Firefox 140+, the current ESR).
            gecko: { id: 'churn-radar@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
