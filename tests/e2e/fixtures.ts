import { test as base } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../../scripts/lib/browser';

export const test = base.extend<{ extension: LaunchedExtension }>({
  // eslint-disable-next-line no-empty-pattern
  extension: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched);
    await launched.close();
  },
});

export { expect } from '@playwright/test';
