import type { ManagedPolicy } from '../policy/managed-policy';
import { siteOriginOf } from './origins';

/** The validated policy as the policy service holds it (lib/background/policy-service.ts): its PolicyView fits. */
export interface PolicyRead {
  policy: ManagedPolicy;
  problems: string[];
}

export interface PolicySites {
  /** Origins the IT admin enabled, normalised (lower-case host, default port dropped). */
  sites: string[];
  lockReason?: string;
  problems: string[];
}

/** The policy's enabledSites (a broken enabledSites was already dropped and reported by the policy service). */
export function policySitesOf({ policy, problems }: PolicyRead): PolicySites {
  const sites = [...new Set((policy.enabledSites ?? []).map((origin) => siteOriginOf(origin)).filter((origin): origin is string => !!origin))];
  return { sites, problems, ...(policy.lockReason ? { lockReason: policy.lockReason } : {}) };
}
