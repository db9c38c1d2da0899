import type { LockableSetting, ManagedPolicy } from './managed-policy';
import { isLocked } from './managed-policy';

/**
 * How a policy value reaches a setting.
 *
 * - Locked: enforced. The setting is made equal to the preset now and after
 *   every change (the background also refuses changes to it).
 * - Preset alone: a team default. It is applied once when the admin sets it
 *   (or changes it); after that the user may override it, and the user's
 *   value stays until the admin publishes a different preset.
 */
export type PresetAction = 'enforce' | 'apply' | 'none';

/** The preset's value as the applied-record stores it (key order independent). */
export function presetFingerprint(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function presetAction(policy: ManagedPolicy, setting: LockableSetting, appliedFingerprint: string | undefined): PresetAction {
  const preset = policy[setting];
  if (preset === undefined) return 'none';
  if (isLocked(policy, setting)) return 'enforce';
  return appliedFingerprint === presetFingerprint(preset) ? 'none' : 'apply';
}

/** Storage keys (chrome.storage.local) each lockable setting lives in; an import must not write them while locked. */
export const SETTING_STORAGE_KEYS: Record<LockableSetting, readonly string[]> = {
  enabledSites: ['enabledSites'],
  churnDefinition: ['indicatorSettings'],
  tierThresholds: ['tierThresholds'],
  playbook: ['playbook'],
  model: [],
};

export function lockedStorageKeys(policy: ManagedPolicy): Set<string> {
  const keys = new Set<string>();
  for (const setting of policy.locked ?? []) for (const key of SETTING_STORAGE_KEYS[setting]) keys.add(key).add(`${key}$`);
  return keys;
}

/** The error text for a change refused because of a lock. */
export function lockedMessage(setting: LockableSetting, reason: string | undefined): string {
  return `"${setting}" is locked by your organisation's policy${reason ? ` (${reason})` : ''}; it cannot be changed here.`;
}

/** Two values of a setting are the same (order of object keys does not matter). */
export const sameValue = (a: unknown, b: unknown) => presetFingerprint(a) === presetFingerprint(b);
