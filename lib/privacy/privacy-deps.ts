import type { ChurnRadarDb } from '@/lib/db/db';
import type { SiteKey } from '@/lib/domain';
import type { PolicyView } from '@/lib/policy/policy-commands';
import type { FocusedCustomer } from '@/lib/settings';
import { HandlerError } from '@/lib/messaging/commands';

/** What data control needs from the browser (lib/background/privacy-ports.ts). */
export interface PrivacyPorts {
  /** chrome.storage.local. */
  local: { getAll(): Promise<Record<string, unknown>>; set(values: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> };
  /** chrome.storage.session (focus, tab customers, storage problem). */
  clearSession(): Promise<void>;
  policy: { current(): Promise<PolicyView>; reapply(): Promise<void> };
  setRetentionDays(days: number): Promise<void>;
  /** Applies the retention window now. */
  prune(days: number): Promise<unknown>;
  /** A stored model row's artifact problem, or null when it is a valid model. */
  modelProblem(artifact: unknown): string | null;
}

/** What open pages are told after an erase or import. */
type DataChanged =
  | { channel: 'churn-radar-event'; type: 'model-changed' }
  | { channel: 'churn-radar-event'; type: 'customer-updated'; site: SiteKey; crmId: string };

/** What data control needs from the rest of the background. */
export interface PrivacyDeps {
  db: ChurnRadarDb;
  /**
   * The background's customer store (lib/background/customer-store.ts). An
   * erase runs inside `erase`: queued and held rows of what it erases are
   * dropped and refused until it is done, so none is written back.
   */
  customers: {
    settled(): Promise<void>;
    erase(scope: { site?: SiteKey }, run: () => Promise<unknown>): Promise<unknown>;
    reload(): void;
  };
  models: { invalidate(): void };
  overrides: { reset(): void };
  retentionDays: () => Promise<number>;
  focus: { get(): Promise<FocusedCustomer | null> };
  emit: (event: DataChanged) => void;
  privacy?: PrivacyPorts;
  /** Adapter health held in memory (lib/background/health-service.ts): erased with the data, or its next save writes it back. */
  sites?: { health: { reset(): Promise<void>; forget(site: string): Promise<void> } };
}

/** The browser ports, or a clear error where they are absent. */
export function privacyPorts(deps: PrivacyDeps): PrivacyPorts {
  if (!deps.privacy) throw new HandlerError('internal', 'Data control is not available in this context.');
  return deps.privacy;
}

/** Memory follows the database again, and open pages re-read. */
export function afterDataChange(deps: PrivacyDeps, focused: FocusedCustomer | null): void {
  deps.overrides.reset();
  deps.models.invalidate();
  deps.emit({ channel: 'churn-radar-event', type: 'model-changed' });
  if (focused) deps.emit({ channel: 'churn-radar-event', type: 'customer-updated', site: focused.site, crmId: focused.crmId });
}
