import { sha256 } from '@/lib/model/hash';
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

/** A value as JSON with object keys sorted: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

const FINGERPRINT_PREFIX = 'sha256:';

/** That a preset was applied: its fingerprint, and when. */
export interface AppliedRecord {
  fingerprint: string;
  at: number;
}

/**
 * What the applied-record stores of a preset: a SHA-256 of its canonical
 * JSON, never the value itself. A model preset is megabytes of JSON and
 * chrome.storage.local holds 10 MB for every setting together; version 1 of
 * the record stored the canonical JSON and overflowed with a large model.
 */
export function presetFingerprint(value: unknown): string {
  return fingerprintOfCanonical(canonicalJson(value));
}

const fingerprintOfCanonical = (canonical: string) => `${FINGERPRINT_PREFIX}${sha256(canonical)}`;

/**
 * Version 1 → 2 of the applied-record (storage.defineItem migration): a v1
 * fingerprint is the preset's canonical JSON, so its hash is exactly the v2
 * fingerprint of the same preset, and a preset applied before the update is
 * not applied again. Records that are not {fingerprint, at} are dropped (the
 * preset is then applied once more, which is what a lost record means).
 */
export function migrateAppliedV2(v1: unknown): Partial<Record<LockableSetting, AppliedRecord>> {
  if (!v1 || typeof v1 !== 'object') return {};
  const out: Record<string, AppliedRecord> = {};
  for (const [setting, record] of Object.entries(v1)) {
    const { fingerprint, at } = (record ?? {}) as { fingerprint?: unknown; at?: unknown };
    if (typeof fingerprint !== 'string' || typeof at !== 'number') continue;
    out[setting] = { fingerprint: fingerprint.startsWith(FINGERPRINT_PREFIX) ? fingerprint : fingerprintOfCanonical(fingerprint), at };
  }
  return out;
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
const SETTING_STORAGE_KEYS: Record<LockableSetting, readonly string[]> = {
  enabledSites: ['enabledSites'],
  churnDefinition: ['indicatorSettings'],
  tierThresholds: ['tierThresholds'],
  playbook: ['playbook'],
  model: [],
  fieldMapping: ['fieldMappings', 'siteRecipes'],
  experiments: ['experiments'],
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
export const sameValue = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
