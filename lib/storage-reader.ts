import { browser } from 'wxt/browser';

/**
 * Reading and watching `local:` storage items where every kilobyte counts
 * (the content script: ≤ 30 KB gzipped), without @wxt-dev/storage (7.6 KB
 * minified with its lock: versions, migrations and metadata are the writers'
 * business — the extension pages and the background keep defining the items
 * with it). A key carries its value's type, so the item and its readers
 * agree: `storage.defineItem<LocalValue<typeof KEY>>(KEY, …)`.
 */
export type LocalKey<T> = `local:${string}` & { readonly __value?: T };
export type LocalValue<K> = K extends LocalKey<infer T> ? T : never;
export const localKey = <T>(key: `local:${string}`): LocalKey<T> => key as LocalKey<T>;

/** The stored value (null when absent, as an item without fallback gives) and its changes; watch returns its unwatch. */
export interface LocalReader<T> {
  getValue(): Promise<T | null>;
  watch(callback: (value: T | null) => void): () => void;
}

export function localReader<T>(key: LocalKey<T>): LocalReader<T> {
  const name = key.slice('local:'.length);
  return {
    getValue: async () => ((await browser.storage.local.get(name))[name] ?? null) as T | null,
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && name in changes) callback((changes[name]!.newValue ?? null) as T | null);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
