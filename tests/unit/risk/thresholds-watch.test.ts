import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TIER_THRESHOLDS_KEY, unwatchIfAlive, watchTierThresholds } from '@/lib/risk/thresholds-watch';
import { tierThresholdsItem } from '@/lib/settings';

describe('watchTierThresholds', () => {
  beforeEach(() => fakeBrowser.reset());

  it('watches the key the thresholds are saved under', () => {
    expect(tierThresholdsItem.key).toBe(TIER_THRESHOLDS_KEY);
  });

  it('calls back on every save until the signal aborts', async () => {
    const changed = vi.fn();
    const controller = new AbortController();
    watchTierThresholds(changed, controller.signal);
    await tierThresholdsItem.setValue([0.2, 0.3, 0.5, 0.7]);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    controller.abort();
    await tierThresholdsItem.setValue([0.2, 0.3, 0.5, 0.8]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('ending after an extension update (storage API gone) stops quietly', () => {
    const gone = vi.fn(() => {
      throw new Error("You must add the 'storage' permission to your manifest to use 'wxt/storage'");
    });
    expect(() => unwatchIfAlive(gone)).not.toThrow();
    expect(gone).toHaveBeenCalledTimes(1);
  });
});
