import type { SiteKey } from '../domain';
import type { PerSiteItem } from '../mapping/per-site';
import { unwatchIfAlive } from '../risk/thresholds-watch';

/**
 * This site's value of a per-site setting, now and whenever it changes
 * (another site's change is not one), until the page's content script ends;
 * an ended copy never touches the extension's APIs again (unwatchIfAlive).
 * `key` tells values apart (default: by identity).
 */
export function watchSiteSetting<T>(
  item: PerSiteItem<T>,
  site: SiteKey,
  onChange: (value: T | undefined) => void,
  signal: AbortSignal,
  key: (value: T | undefined) => unknown = (value) => value,
): void {
  let current = key(undefined);
  const update = (all: Record<SiteKey, T> | null) => {
    const next = all?.[site];
    const nextKey = key(next);
    if (Object.is(nextKey, current)) return;
    current = nextKey;
    onChange(next);
  };
  // A change heard before the first read answers is newer than what that read returns.
  let heard = false;
  void item.getValue().then(
    (all) => !signal.aborted && !heard && update(all),
    () => undefined,
  );
  const unwatch = item.watch((all) => {
    heard = true;
    if (!signal.aborted) update(all);
  });
  signal.addEventListener('abort', () => unwatchIfAlive(unwatch), { once: true });
}
