import { describe, expect, it, vi } from 'vitest';
import type { WriteBatch } from '@/lib/db/customers-repo';
import { createWriteQueue, WRITE_RETRY_DELAYS_MS } from '@/lib/background/write-queue';

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
    await queue.retry();
    expect(write.mock.calls[0]![0].observations.map((o: { crmId: string }) => o.crmId)).toEqual(['b', 'c', 'd']);
  });

  it('is idle at once when nothing was queued', async () => {
    const queue = createWriteQueue({ write: vi.fn(), onFailure: vi.fn(), sleep: noSleep });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});

describe('write queue under an erase', () => {
  const row = (site: string, crmId: string) => ({ ...obs(crmId), site });

  it('drops pending and held rows of the erased site, refuses new ones until released, and keeps other sites', async () => {
    const write = vi.fn().mockRejectedValue(new Error('full'));
    const queue = createWriteQueue({ write, onFailure: vi.fn(), sleep: noSleep });
    queue.enqueue({ observations: [row('A', 'a1'), row('B', 'b1')] });
    await queue.idle();
    expect(queue.heldRows()).toBe(2);
    const release = await queue.exclude({ site: 'A' });
    expect(queue.heldRows()).toBe(1);
    queue.enqueue({ observations: [row('A', 'a2')] }); // a scan during the erase
    release();
    write.mockReset().mockResolvedValue(undefined);
    queue.enqueue({ observations: [row('A', 'a3')] }); // after it: a fresh sighting
    await queue.idle();
    expect(write.mock.calls.flatMap((c) => c[0].observations.map((o: { crmId: string }) => o.crmId))).toEqual(['b1', 'a3']);
  });

  it('waits for a write already in flight, so the erase deletes after it lands', async () => {
    let land!: () => void;
    const write = vi.fn(() => new Promise<void>((resolve) => (land = resolve)));
    const queue = createWriteQueue({ write, onFailure: vi.fn(), sleep: noSleep });
    queue.enqueue({ observations: [row('A', 'a1')] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    let excluded = false;
    const exclusion = queue.exclude({}).then(() => (excluded = true));
    await Promise.resolve();
    expect(excluded).toBe(false);
    land();
    await exclusion;
    expect(excluded).toBe(true);
  });

  it('a retry whose first attempt failed before the erase does not write the erased rows on its next attempt', async () => {
    const attempts: string[][] = [];
    let queue!: ReturnType<typeof createWriteQueue>;
    const write = vi.fn(async (batch: WriteBatch) => {
      attempts.push(batch.observations.map((o) => o.crmId));
      if (attempts.length === 1) {
        void queue.exclude({ site: 'A' }); // the user erases A while the write is failing
        throw new Error('busy');
      }
    });
    queue = createWriteQueue({ write, onFailure: vi.fn(), sleep: noSleep });
    queue.enqueue({ observations: [row('A', 'a1'), row('B', 'b1')] });
    await queue.idle();
    expect(attempts).toEqual([['a1', 'b1'], ['b1']]);
  });

  it('counts rows waiting behind a write in flight as unsaved, before that write ends', async () => {
    const unsaved: number[] = [];
    let release!: () => void;
    const write = vi.fn(async (batch: WriteBatch) => {
      if (batch.observations[0]?.crmId === 'a') await new Promise<void>((r) => (release = r));
    });
    const queue = createWriteQueue({ write, onFailure: vi.fn(), onUnsaved: (rows) => unsaved.push(rows), sleep: noSleep });
    queue.enqueue({ observations: [obs('a')] });
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    queue.enqueue({ observations: [obs('b'), obs('c')] });
    // The worker could stop here: all three rows must already be in the marker.
    expect(unsaved.at(-1)).toBe(3);
    release();
    await queue.idle();
    expect(unsaved.at(-1)).toBe(0);
  });

  it('reports rows accepted and not yet on disk, and 0 once written', async () => {
    const unsaved: number[] = [];
    const write = vi
      .fn()
      .mockRejectedValueOnce(new Error('a'))
      .mockRejectedValueOnce(new Error('b'))
      .mockRejectedValueOnce(new Error('c'))
      .mockRejectedValueOnce(new Error('d'));
    const queue = createWriteQueue({ write, onFailure: vi.fn(), onUnsaved: (rows) => unsaved.push(rows), sleep: noSleep });
    queue.enqueue({ observations: [obs('a'), obs('b')] });
    await queue.idle();
    expect(queue.unsavedRows()).toBe(2); // held
    write.mockResolvedValue(undefined);
    await queue.retry();
    expect(unsaved).toEqual([2, 0]);
    expect(queue.unsavedRows()).toBe(0);
  });
});
