/** The managed team policy as extension pages see it (lib/background/policy-service.ts applies it). */
import { z } from 'zod';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { LOCKABLE_SETTINGS, managedPolicySchema } from './managed-policy';

const lockableSetting = z.enum(LOCKABLE_SETTINGS);

const policyViewSchema = z.object({
  /** False when the browser has no managed storage (Firefox without policies, or an error reading it). */
  available: z.boolean(),
  /** Valid keys of the policy, as applied. */
  policy: managedPolicySchema,
  /** One line per key that was dropped ("tierThresholds: …"). */
  problems: z.array(z.string()),
  locked: z.array(lockableSetting),
  lockReason: z.string().nullable(),
  /** Presets (not locked) applied to this browser, and when. */
  applied: z.partialRecord(lockableSetting, z.number()),
});
export type PolicyView = z.output<typeof policyViewSchema>;

export interface PolicyDeps {
  /** The policy service; absent in contexts without managed storage access. */
  policy?: { current: () => Promise<PolicyView> };
}

const command = commandsFor<PolicyDeps>();

export const policyCommands = {
  getPolicy: command({
    request: z.strictObject({}),
    response: policyViewSchema,
    audience: 'extension',
    async handle(_request, deps) {
      if (!deps.policy) throw new HandlerError('internal', 'The team policy is not available in this context.');
      return deps.policy.current();
    },
  }),
};
