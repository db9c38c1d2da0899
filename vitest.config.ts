import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests run in Node; files that need a DOM opt in with `// @vitest-environment happy-dom`.
// WxtVitest provides fakeBrowser for `wxt/browser` and the project's aliases (#i18n).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: on CI's two cores that is
    // one, and most of the unit run is per-file start-up that a second worker halves.
    maxWorkers: availableParallelism(),
  },
});
