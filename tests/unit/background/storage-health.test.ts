import { describe, expect, it, vi } from 'vitest';
import { createStorageHealth, type StorageHealthPorts } from '@/lib/background/storage-health';
import type { LostRows, StorageProblem } from '@/lib/settings';

function ports(start: { unsaved?: number; lost?: LostRows | null } = {}) {
  const state = { problem: null as StorageProblem | null, lost: start.lost ?? null, unsaved: start.unsaved ?? 0, held: 0, retries: 0 };
  const p: StorageHealthPorts = {
    problem: { set: async (v) => void (state.problem = v), clear: async () => void (state.problem = null) },
    lost: { get: async () => state.lost, set: async (v) => void (state.lost = v) },
    unsaved: { get: async () => state.unsaved, set: async (n) => void (state.unsaved = n) },
    scheduleRetry: () => void state.retries++,
    heldRows: () => state.held,
    now: () => 100,
  };
  return { state, p };
}

describe('storage health', () => {
  it('counts the rows a stopped worker took with it as lost, once, before this worker records its own', async () => {
    const { state, p } = ports({ unsaved: 1000 });
    const health = createStorageHealth(p);
    health.unsaved(40); // this worker's first write, racing the start-up check
    await health.flushed();
    expect(state.lost).toEqual({ rows: 1000, since: 100, at: 100, cause: 'stopped' });
    expect(state.unsaved).toBe(40);
  });

  it('rows the previous worker parked and this one took back are not lost; only the rest are counted', async () => {
    const { state, p } = ports({ unsaved: 1000 });
    const health = createStorageHealth({ ...p, restored: Promise.resolve(700) });
    await health.flushed();
    expect(state.lost).toEqual({ rows: 300, since: 100, at: 100, cause: 'stopped' });
    const none = ports({ unsaved: 1000 });
    await createStorageHealth({ ...none.p, restored: Promise.resolve(1000) }).flushed();
    expect(none.state.lost).toBeNull();
    expect(none.state.unsaved).toBe(0);
  });

  it('keeps the loss after a later successful write, until acknowledged', async () => {
    const { state, p } = ports({ unsaved: 5 });
    const health = createStorageHealth(p);
    health.succeeded();
    await health.flushed();
    expect((await health.lost())?.rows).toBe(5);
    await health.acknowledge();
    expect(await health.lost()).toBeNull();
    expect(state.lost).toBeNull();
  });

  it('a failure records the problem with the held rows and arms the retry alarm; success clears the problem only when nothing is held', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { state, p } = ports();
    const health = createStorageHealth(p);
    state.held = 12;
    health.failed(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    await health.flushed();
    expect(state.problem).toMatchObject({ kind: 'quota', pending: 12 });
    expect(state.retries).toBe(1);
    health.succeeded(); // a write that did not include the held batch
    await health.flushed();
    expect(state.problem).not.toBeNull();
    state.held = 0;
    health.succeeded();
    await health.flushed();
    expect(state.problem).toBeNull();
    error.mockRestore();
  });

  it('adds rows dropped past the memory cap to the loss', async () => {
    const { state, p } = ports({ lost: { rows: 3, since: 50, at: 50, cause: 'stopped' } });
    const health = createStorageHealth(p);
    health.discarded(7);
    await health.flushed();
    expect(state.lost).toEqual({ rows: 10, since: 50, at: 100, cause: 'discarded' });
  });
});
