import { readPolicy } from '../policy/managed-policy';
import { siteOriginOf } from './origins';

export interface PolicySites {
  /** Origins the IT admin enabled, normalised (lower-case host, default port dropped). */
  sites: string[];
  lockReason?: string;
  problems: string[];
}

/** The policy's enabledSites; a missing or broken policy is no policy. */
export function policySitesOf(raw: unknown): PolicySites {
  const { policy, problems } = readPolicy(raw);
  const sites = [...new Set((policy.enabledSites ?? []).map((origin) => siteOriginOf(origin)).filter((origin): origin is string => !!origin))];
  return { sites, problems, ...(policy.lockReason ? { lockReason: policy.lockReason } : {}) };
}

/**
 * chrome.storage.managed.get() rejects or is missing where policy is not
 * supported (Firefox without a policy file, some Chromium builds): no policy.
 */
export async function readManagedStorage(get: (() => Promise<unknown>) | undefined): Promise<unknown> {
  if (!get) return undefined;
  try {
    return await get();
  } catch {
    return undefined;
  }
}
