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
    expect(queue.heldRows()).toBe(1);
    // When storage recovers, the held batch goes out first, with the new rows: nothing lost.
    write.mockReset().mockResolvedValue(undefined);
    queue.enqueue({ observations: [obs('b')] });
    await queue.idle();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0]![0].observations.map((o: { crmId: string }) => o.crmId)).toEqual(['a', 'b']);
    expect(queue.heldRows()).toBe(0);
  });

  it('keeps working when a callback throws', async () => {
    const write = vi.fn().mockResolvedValue(undefined);
    const onSuccess = vi.fn(() => {
      throw new Error('listener bug');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const queue = createWriteQueue({ write, onFailure: vi.fn(), onSuccess, sleep: noSleep });
    queue.enqueue({ observations: [obs('a')] });
    await queue.idle();
    queue.enqueue({ observations: [obs('b')] });
    await queue.idle();
    expect(write).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('while storage keeps failing, holds at most maxHeldRows, dropping the oldest observations and saying how many', async () => {
    const write = vi.fn().mockRejectedValue(new Error('full'));
    const onDiscard = vi.fn();
    const queue = createWriteQueue({ write, onFailure: vi.fn(), onDiscard, sleep: noSleep, maxHeldRows: 3 });
    queue.enqueue({ observations: [obs('a'), obs('b')] });
    await queue.idle();
    queue.enqueue({ observations: [obs('c'), obs('d')] });
    await queue.idle();
    expect(onDiscard).toHaveBeenCalledWith(1);
    expect(queue.heldRows()).toBe(3);
    write.mockReset().mockResolvedValue(undefined);
    queue.enqueue({});
    await queue.idle();
    expect(write.mock.calls[0]![0].observations.map((o: { crmId: string }) => o.crmId)).toEqual(['b', 'c', 'd']);
  });

  it('is idle at once when nothing was queued', async () => {
    const queue = createWriteQueue({ write: vi.fn(), onFailure: vi.fn(), sleep: noSleep });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
