import type { JoinBy } from '../adapters/generic/identity';
import type { SiteKey } from '../domain';
import { joinByItem } from '../mapping/join-item';
import { unwatchIfAlive } from '../risk/thresholds-watch';

/** The site's "join customers by" choice, now and whenever the manager changes it. */
export function watchJoinBy(site: SiteKey, onChange: (joinBy: JoinBy | undefined) => void, signal: AbortSignal): void {
  let current: JoinBy | undefined;
  const update = (all: Record<SiteKey, JoinBy> | null) => {
    const next = all?.[site];
    if (next === current) return;
    current = next;
    onChange(next);
  };
  void joinByItem.getValue().then((all) => !signal.aborted && update(all), () => undefined);
  const unwatch = joinByItem.watch(update);
  signal.addEventListener('abort', () => unwatchIfAlive(unwatch), { once: true });
}
