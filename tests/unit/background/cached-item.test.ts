import { describe, expect, it, vi } from 'vitest';
import { cachedItem, type WatchableItem } from '@/lib/background/cached-item';

function fakeItem<T>(initial: T) {
  let value = initial;
  const watchers: ((v: T) => void)[] = [];
  const item: WatchableItem<T> & { external(v: T): void } = {
    getValue: vi.fn(async () => value),
    setValue: vi.fn(async (v: T) => {
      value = v;
    }),
    watch: (cb) => {
      watchers.push(cb);
      return () => undefined;
    },
    external(v: T) {
      value = v;
      watchers.forEach((w) => w(v));
    },
  };
  return item;
}

describe('cachedItem', () => {
  it('reads storage once, then answers from memory', async () => {
    const item = fakeItem([0.1, 0.2]);
    const cache = cachedItem(item);
    expect(await cache.get()).toEqual([0.1, 0.2]);
    expect(await cache.get()).toEqual([0.1, 0.2]);
    expect(item.getValue).toHaveBeenCalledTimes(1);
  });
  it('follows changes made elsewhere (e.g. the options page)', async () => {
    const item = fakeItem(1);
    const cache = cachedItem(item);
    await cache.get();
    item.external(2);
    expect(await cache.get()).toBe(2);
  });
  it('writes through and answers the new value at once', async () => {
    const item = fakeItem('a');
    const cache = cachedItem(item);
    await cache.set('b');
    expect(await cache.get()).toBe('b');
    expect(item.setValue).toHaveBeenCalledWith('b');
  });
  it('tries storage again after a failed read', async () => {
    const item = fakeItem(1);
    (item.getValue as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('busy'));
    const cache = cachedItem(item);
    await expect(cache.get()).rejects.toThrow('busy');
    expect(await cache.get()).toBe(1);
  });
});
