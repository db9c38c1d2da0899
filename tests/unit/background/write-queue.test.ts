import { describe, expect, it, vi } from 'vitest';
import type { WriteBatch } from '../../../lib/db/customers-repo';
import { createWriteQueue, WRITE_RETRY_DELAYS_MS } from '../../../lib/background/write-queue';

const noSleep = () => Promise.resolve();
const obs = (crmId: string) => ({ site: 's', crmId, observedAt: 1, pageKind: 'list' as const, url: 'u', adapter: 'a', name: crmId, fields: {} });

describe('write queue', () => {
  it('writes one batch at a time and coalesces what arrives meanwhile', async () => {
    const batches: WriteBatch[] = [];
    let release!: () => void;
    const write = vi.fn(async (batch: WriteBatch) => {
      batches.push(batch);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    const queue = createWriteQueue({ write, onFailure: vi.fn(), sleep: noSleep });
    queue.enqueue({ observations: [obs('a')] });
    await Promise.resolve();
    queue.enqueue({ observations: [obs('b')] });
    queue.enqueue({ observations: [obs('c')] });
    release();
    await queue.idle();
    expect(batches.map((b) => b.observations.map((o) => o.crmId))).toEqual([['a'], ['b', 'c']]);
  });

  it('retries a failing write, then succeeds without reporting', async () => {
    const write = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValue(undefined);
    const onFailure = vi.fn();
    const queue = createWriteQueue({ write, onFailure, sleep: noSleep });
    queue.enqueue({ observations: [obs('a')] });
    await queue.idle();
    expect(write).toHaveBeenCalledTimes(2);
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('reports a write that keeps failing, with the batch it could not save', async () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const write = vi.fn().mockRejectedValue(quota);
    const onFailure = vi.fn();
    const queue = createWriteQueue({ write, onFailure, sleep: noSleep });
    queue.enqueue({ observations: [obs('a')] });
    await queue.idle();
    expect(write).toHaveBeenCalledTimes(WRITE_RETRY_DELAYS_MS.length + 1);
    expect(onFailure).toHaveBeenCalledWith(quota, expect.objectContaining({ observations: [obs('a')] }));
    // The queue keeps working afterwards.
    write.mockResolvedValue(undefined);
    queue.enqueue({ observations: [obs('b')] });
    await queue.idle();
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('is idle at once when nothing was queued', async () => {
    const queue = createWriteQueue({ write: vi.fn(), onFailure: vi.fn(), sleep: noSleep });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
