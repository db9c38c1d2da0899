/** The browser side of data control and the team policy: storage areas, retention, the policy service. Wiring only. */
import { browser } from 'wxt/browser';
import type { ChurnRadarDb } from '../db/db';
import { pruneHistory } from '../db/retention';
import { emitBackgroundEvent } from '../messaging/events';
import { parseModelArtifact } from '../model/artifact';
import type { ModelProvider } from './model-provider';
import { browserPolicyDeps } from './policy-targets';
import { createPolicyService, installPolicyService, type PolicyService } from './policy-service';
import type { PrivacyPorts } from '@/lib/privacy/privacy-deps';

/** Creates, installs (for assertUnlocked) and starts the policy service. */
export function startPolicyService(models: ModelProvider): PolicyService {
  const service = createPolicyService({
    ...browserPolicyDeps(models, () => {
      models.invalidate();
      emitBackgroundEvent({ channel: 'churn-radar-event', type: 'model-changed' });
    }),
    onChange: () => emitBackgroundEvent({ channel: 'churn-radar-event', type: 'policy-changed' }),
    now: () => Date.now(),
    log: (message, error) => console.warn(`[churn-radar] policy: ${message}`, error ?? ''),
  });
  installPolicyService(service);
  void service.start();
  return service;
}

export function browserPrivacyPorts(deps: { db: ChurnRadarDb; retention: { set(days: number): Promise<void> }; policy: PolicyService }): PrivacyPorts {
  return {
    local: {
      getAll: () => browser.storage.local.get(null),
      set: (values) => browser.storage.local.set(values),
      remove: (keys) => browser.storage.local.remove(keys),
    },
    clearSession: async () => {
      const session = (browser.storage as unknown as { session?: { clear(): Promise<void> } }).session;
      await session?.clear();
    },
    policy: deps.policy,
    setRetentionDays: (days) => deps.retention.set(days),
    prune: (days) => pruneHistory(deps.db, days, Date.now()),
    modelProblem: (artifact) => {
      try {
        parseModelArtifact(artifact);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    },
  };
}
