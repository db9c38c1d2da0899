/** The managed team policy as extension pages see it (lib/background/policy-service.ts); types only. */
import type { LockableSetting, ManagedPolicy } from '../policy/managed-policy';

export interface PolicyView {
  /** False when the browser has no managed storage (Firefox without policies, or an error reading it). */
  available: boolean;
  /** Valid keys of the policy, as applied. */
  policy: ManagedPolicy;
  /** One line per key that was dropped ("tierThresholds: …"). */
  problems: string[];
  locked: LockableSetting[];
  lockReason: string | null;
  /** Presets (not locked) applied to this browser, and when. */
  applied: Partial<Record<LockableSetting, number>>;
}

export interface PolicyProtocol {
  getPolicy: { request: Record<string, never>; response: PolicyView };
}
