/**
 * The managed team policy in the background: read chrome.storage.managed
 * (absent or throwing on some browsers), validate it (lib/policy), apply its
 * presets to the settings they set, keep locked settings at their preset, and
 * refuse changes to them (`assertUnlocked`, called by each setting's handler).
 * Re-applied whenever the admin's policy or a locked setting changes.
 */
import { lockedMessage, presetAction, presetFingerprint, sameValue, type AppliedRecord } from '../policy/apply-policy';
import { isLocked, LOCKABLE_SETTINGS, readPolicy, type LockableSetting, type ManagedPolicy } from '../policy/managed-policy';
import type { PolicyView } from '@/lib/policy/policy-commands';
import { HandlerError } from './router';

/** How one setting takes a preset. */
export interface PolicyTarget {
  /** The setting as stored now. */
  read(): Promise<unknown>;
  /** The stored value the preset asks for, given the current one (a partial preset merges into it). */
  desired(preset: unknown, current: unknown): unknown | Promise<unknown>;
  /** Store it; throws with a message when the preset cannot be used (an invalid model file). */
  write(value: unknown): Promise<void>;
  /** Calls back when the setting changes by other means (to re-enforce a lock). */
  watch?(callback: () => void): void;
}

export type { AppliedRecord };

export interface PolicyServiceDeps {
  readManaged(): Promise<unknown>;
  watchManaged(callback: () => void): void;
  targets: Partial<Record<LockableSetting, PolicyTarget>>;
  applied: { get(): Promise<Partial<Record<LockableSetting, AppliedRecord>>>; set(value: Partial<Record<LockableSetting, AppliedRecord>>): Promise<void> };
  onChange?: () => void;
  now: () => number;
  log?: (message: string, error?: unknown) => void;
}

export function createPolicyService(deps: PolicyServiceDeps) {
  let view: PolicyView = { available: false, policy: {}, problems: [], locked: [], lockReason: null, applied: {} };
  let ready: Promise<void> | null = null;
  let running: Promise<void> = Promise.resolve();

  async function read(): Promise<{ available: boolean; policy: ManagedPolicy; problems: string[] }> {
    try {
      const raw = await deps.readManaged();
      return { available: true, ...readPolicy(raw) };
    } catch (error) {
      deps.log?.('managed storage is not readable', error);
      return { available: false, policy: {}, problems: [] };
    }
  }

  async function applyAll(): Promise<void> {
    const { available, policy, problems } = await read();
    const applied = { ...(await deps.applied.get()) };
    const applyProblems: string[] = [];
    for (const setting of LOCKABLE_SETTINGS) {
      const target = deps.targets[setting];
      const preset = policy[setting];
      if (!target || preset === undefined) continue;
      const action = presetAction(policy, setting, applied[setting]?.fingerprint);
      if (action === 'none') continue;
      try {
        const current = await target.read();
        const desired = await target.desired(preset, current);
        if (!sameValue(desired, current)) await target.write(desired);
        const fingerprint = presetFingerprint(preset);
        applied[setting] = { fingerprint, at: applied[setting]?.fingerprint === fingerprint ? applied[setting]!.at : deps.now() };
      } catch (error) {
        applyProblems.push(`${setting}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await deps.applied.set(applied);
    view = {
      available,
      policy,
      problems: [...problems, ...applyProblems],
      locked: LOCKABLE_SETTINGS.filter((setting) => isLocked(policy, setting)),
      lockReason: policy.lockReason ?? null,
      applied: Object.fromEntries(Object.entries(applied).map(([setting, record]) => [setting, record!.at])),
    };
    deps.onChange?.();
  }

  /** Runs one application at a time, in order (a change event during a run queues another). */
  function reapply(): Promise<void> {
    running = running.then(applyAll, applyAll).catch((error: unknown) => deps.log?.('applying the policy failed', error));
    return running;
  }

  function start(): Promise<void> {
    if (!ready) {
      deps.watchManaged(() => void reapply());
      for (const setting of LOCKABLE_SETTINGS) {
        // A locked setting changed elsewhere (another page, an import): put the preset back.
        deps.targets[setting]?.watch?.(() => {
          if (isLocked(view.policy, setting)) void reapply();
        });
      }
      ready = reapply();
    }
    return ready;
  }

  return {
    start,
    reapply,
    async current(): Promise<PolicyView> {
      await start();
      await running;
      return view;
    },
    /** Throws a `forbidden` HandlerError when the policy locks the setting. */
    async assertUnlocked(setting: LockableSetting): Promise<void> {
      await start();
      await running;
      if (isLocked(view.policy, setting)) throw new HandlerError('forbidden', lockedMessage(setting, view.policy.lockReason));
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;

let installed: PolicyService | null = null;

/** The background's policy service, registered once at start (lib/background/index.ts). */
export function installPolicyService(service: PolicyService): void {
  installed = service;
}

/**
 * For every handler that changes a lockable setting: call first, and a locked
 * setting's change is refused with a message naming the policy. Without an
 * installed service (unit tests of other handlers) nothing is locked.
 */
export async function assertUnlocked(setting: LockableSetting): Promise<void> {
  await installed?.assertUnlocked(setting);
}
