/** The parts of a WXT storage item a cache needs. */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A storage item read once per service-worker life and kept current by its
 * change events: chrome.storage reads cost 5–40 ms each, too much to pay on
 * every page scan.
 */
export function cachedItem<T>(item: WatchableItem<T>) {
  let current: Promise<T> | null = null;
  item.watch((value) => (current = Promise.resolve(value)));
  return {
    get(): Promise<T> {
      current ??= item.getValue().catch((error: unknown) => {
        current = null;
        throw error;
      });
      return current;
    },
    async set(value: T): Promise<void> {
      current = Promise.resolve(value);
      await item.setValue(value);
    },
  };
}
