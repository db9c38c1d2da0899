import { test as base } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension, limitedStorageExtensionDir, type LaunchedExtension } from '@/scripts/lib/browser';

/** 'limited': the e2e build without unlimitedStorage, so a quota set over CDP applies (tests of a full disk). */
export type StorageFlavour = 'unlimited' | 'limited';
let limitedDir: string | null = null;

/**
 * Each test gets a fresh Chromium profile with the built extension. Console
 * output of the service worker and of every page is kept and attached to the
 * report when a test fails, so a failure says what the extension said.
 */
export const test = base.extend<{ extension: LaunchedExtension; storageFlavour: StorageFlavour }>({
  storageFlavour: ['unlimited', { option: true }],
  extension: async ({ storageFlavour }, use, testInfo) => {
    const extensionDir = storageFlavour === 'limited' ? (limitedDir ??= limitedStorageExtensionDir()) : E2E_EXTENSION_DIR;
    const launched = await launchWithExtension({ extensionDir });
    const lines: string[] = [];
    const started = Date.now();
    const note = (source: string) => (message: { type(): string; text(): string }) =>
      lines.push(`+${Date.now() - started}ms ${source} ${message.type()}: ${message.text()}`);
    const watchWorker = (worker: import('@playwright/test').Worker) => worker.on('console', note('service-worker'));
    launched.context.serviceWorkers().forEach(watchWorker);
    launched.context.on('serviceworker', watchWorker);
    launched.context.on('page', (page) => {
      page.on('console', note(`page ${page.url()}`));
      page.on('pageerror', (error) => lines.push(`+${Date.now() - started}ms page error: ${error.message}`));
    });
    await use(launched);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('browser-console', { body: lines.join('\n') || '(no console output)', contentType: 'text/plain' });
      console.log(`--- browser console for "${testInfo.title}" ---\n${lines.join('\n')}`);
    }
    await launched.close();
  },
});

export { expect } from '@playwright/test';
