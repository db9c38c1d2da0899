import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { canonicalJson, lockedMessage, lockedStorageKeys, migrateAppliedV2, presetAction, presetFingerprint, sameValue } from '@/lib/policy/apply-policy';
import { assertUnlocked, createPolicyService, installPolicyService, type AppliedRecord, type PolicyTarget } from '@/lib/background/policy-service';
import { policyAppliedItem, withChurnPreset } from '@/lib/background/policy-targets';
import { HandlerError } from '@/lib/background/router';
import type { LockableSetting } from '@/lib/policy/managed-policy';

describe('presetAction', () => {
  it('enforces locked presets, applies a preset once per value, ignores settings without one', () => {
    const policy = { tierThresholds: [0.1, 0.2, 0.3, 0.4], churnDefinition: { inactivityDays: 60 }, locked: ['tierThresholds' as const] };
    expect(presetAction(policy, 'tierThresholds', undefined)).toBe('enforce');
    expect(presetAction(policy, 'tierThresholds', presetFingerprint(policy.tierThresholds))).toBe('enforce');
    expect(presetAction(policy, 'churnDefinition', undefined)).toBe('apply');
    expect(presetAction(policy, 'churnDefinition', presetFingerprint({ inactivityDays: 60 }))).toBe('none');
    expect(presetAction(policy, 'churnDefinition', presetFingerprint({ inactivityDays: 90 }))).toBe('apply');
    expect(presetAction(policy, 'playbook', undefined)).toBe('none');
  });
  it('compares values regardless of key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
  it('names the storage keys an import must leave alone, and the refusal', () => {
    expect([...lockedStorageKeys({ locked: ['tierThresholds', 'model'] })]).toEqual(['tierThresholds', 'tierThresholds$']);
    expect(lockedMessage('tierThresholds', 'Set by IT')).toMatch(/"tierThresholds" is locked by your organisation's policy \(Set by IT\)/);
  });
  it('merges a partial churn definition into the stored one', () => {
    const current = { churn: { statusValues: ['Churned'], inactivityDays: 90, partialSpendDrop: null, windowDays: 90 }, competitors: ['X'] } as never;
    expect(withChurnPreset(current, { inactivityDays: 30 })).toEqual({
      churn: { statusValues: ['Churned'], inactivityDays: 30, partialSpendDrop: null, windowDays: 90 },
      competitors: ['X'],
    });
  });
});

function memoryTarget(initial: unknown) {
  let value = initial;
  const listeners: (() => void)[] = [];
  const writes: unknown[] = [];
  const target: PolicyTarget = {
    read: async () => value,
    desired: (preset) => preset,
    write: async (next) => {
      value = next;
      writes.push(next);
      listeners.forEach((l) => l());
    },
    watch: (callback) => void listeners.push(callback),
  };
  return { target, writes, get: () => value, userSets: (next: unknown) => ((value = next), listeners.forEach((l) => l())) };
}

function service(managed: () => unknown) {
  const thresholds = memoryTarget([0.2, 0.4, 0.6, 0.8]);
  const playbook = memoryTarget(null);
  let applied: Partial<Record<LockableSetting, AppliedRecord>> = {};
  let managedListener = () => {};
  let changes = 0;
  const svc = createPolicyService({
    readManaged: async () => managed(),
    watchManaged: (callback) => void (managedListener = callback),
    targets: {
      tierThresholds: thresholds.target,
      playbook: {
        ...playbook.target,
        desired: (preset) => {
          if (preset === 'bad') throw new Error('The playbook file is not JSON.');
          return preset;
        },
      },
    },
    applied: { get: async () => applied, set: async (value) => void (applied = value) },
    onChange: () => void changes++,
    now: () => 1000,
  });
  return { svc, thresholds, playbook, managedChanged: () => managedListener(), changes: () => changes, applied: () => applied };
}

describe('policy service', () => {
  it('without managed storage: available false, nothing locked', async () => {
    const { svc } = service(() => {
      throw new Error('managed storage is not supported');
    });
    expect(await svc.current()).toMatchObject({ available: false, locked: [], problems: [] });
    await expect(svc.assertUnlocked('tierThresholds')).resolves.toBeUndefined();
  });

  it('enforces a lock: applies the preset, puts it back after a change, refuses changes', async () => {
    let policy: Record<string, unknown> = { tierThresholds: [0.1, 0.3, 0.5, 0.7], locked: ['tierThresholds'], lockReason: 'Set by IT' };
    const { svc, thresholds, managedChanged, changes } = service(() => policy);
    const view = await svc.current();
    expect(view).toMatchObject({ available: true, locked: ['tierThresholds'], lockReason: 'Set by IT', applied: { tierThresholds: 1000 } });
    expect(thresholds.get()).toEqual([0.1, 0.3, 0.5, 0.7]);
    await expect(svc.assertUnlocked('tierThresholds')).rejects.toBeInstanceOf(HandlerError);
    await expect(svc.assertUnlocked('tierThresholds')).rejects.toThrow(/locked by your organisation's policy \(Set by IT\)/);
    await expect(svc.assertUnlocked('playbook')).resolves.toBeUndefined();

    thresholds.userSets([0.9, 0.91, 0.92, 0.93]);
    await svc.current();
    expect(thresholds.get()).toEqual([0.1, 0.3, 0.5, 0.7]);

    policy = {};
    managedChanged();
    expect((await svc.current()).locked).toEqual([]);
    await expect(svc.assertUnlocked('tierThresholds')).resolves.toBeUndefined();
    expect(changes()).toBeGreaterThanOrEqual(2);
  });

  it('a preset alone is applied once; the user may then change it until the admin changes the preset', async () => {
    let policy: Record<string, unknown> = { tierThresholds: [0.1, 0.3, 0.5, 0.7] };
    const { svc, thresholds, managedChanged } = service(() => policy);
    await svc.current();
    expect(thresholds.get()).toEqual([0.1, 0.3, 0.5, 0.7]);
    thresholds.userSets([0.2, 0.3, 0.4, 0.5]);
    managedChanged();
    await svc.current();
    expect(thresholds.get()).toEqual([0.2, 0.3, 0.4, 0.5]);
    policy = { tierThresholds: [0.15, 0.3, 0.5, 0.7] };
    managedChanged();
    await svc.current();
    expect(thresholds.get()).toEqual([0.15, 0.3, 0.5, 0.7]);
  });

  it('reports invalid keys and presets that cannot be used, applying the rest', async () => {
    const { svc, thresholds, playbook } = service(() => ({ tierThresholds: [0.5, 0.4, 0.6, 0.8], playbook: 'bad', colour: 'red' }));
    const view = await svc.current();
    expect(view.problems).toEqual([
      expect.stringMatching(/^tierThresholds: four rising/),
      'colour: not a Churn Radar policy key',
      'playbook: The playbook file is not JSON.',
    ]);
    expect(thresholds.writes).toEqual([]);
    expect(playbook.get()).toBeNull();
  });

  it('assertUnlocked uses the installed service (and locks nothing before one is installed)', async () => {
    await expect(assertUnlocked('tierThresholds')).resolves.toBeUndefined();
    const { svc } = service(() => ({ locked: ['model'] }));
    installPolicyService(svc);
    await expect(assertUnlocked('model')).rejects.toThrow(/"model" is locked/);
  });
});

describe('applied-record fingerprints', () => {
  const model = { format: 'churn-radar-model', weights: 'x'.repeat(3_000_000) };

  it('are a short hash whatever the preset’s size, independent of key order', () => {
    expect(presetFingerprint(model)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(presetFingerprint({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(presetFingerprint({ a: [2, { c: 4, d: 3 }], b: 1 }));
    expect(presetFingerprint([0.1, 0.2])).not.toBe(presetFingerprint([0.2, 0.1]));
  });

  it('v1 → v2: a stored preset value becomes the hash the same preset has now, so it is not applied again', () => {
    const v1 = { tierThresholds: { fingerprint: canonicalJson([0.1, 0.3, 0.5, 0.7]), at: 5 }, model: { fingerprint: canonicalJson(model), at: 6 } };
    const v2 = migrateAppliedV2(v1);
    expect(v2).toEqual({
      tierThresholds: { fingerprint: presetFingerprint([0.1, 0.3, 0.5, 0.7]), at: 5 },
      model: { fingerprint: presetFingerprint(model), at: 6 },
    });
    expect(presetAction({ tierThresholds: [0.1, 0.3, 0.5, 0.7] }, 'tierThresholds', v2.tierThresholds!.fingerprint)).toBe('none');
    expect(JSON.stringify(v2).length).toBeLessThan(300);
  });

  it('v1 → v2 keeps hashes already there and drops records that are not {fingerprint, at}', () => {
    const hashed = { fingerprint: presetFingerprint([1]), at: 1 };
    expect(migrateAppliedV2({ playbook: hashed, tierThresholds: 'junk', churnDefinition: { fingerprint: 3, at: 1 } })).toEqual({ playbook: hashed });
    expect(migrateAppliedV2(null)).toEqual({});
    expect(migrateAppliedV2('junk')).toEqual({});
  });

  it('runs on a value stored by version 1 (WXT storage item)', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ policyApplied: { model: { fingerprint: canonicalJson(model), at: 6 } }, policyApplied$: { v: 1 } });
    await policyAppliedItem.migrate();
    expect(await policyAppliedItem.getValue()).toEqual({ model: { fingerprint: presetFingerprint(model), at: 6 } });
    expect(await fakeBrowser.storage.local.get('policyApplied$')).toEqual({ policyApplied$: { v: 2 } });
  });
});
