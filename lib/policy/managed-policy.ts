import { z } from 'zod';
import { churnDefinitionFields } from '@/lib/risk/churn-definition-schema';
import { originFromPolicy } from '../sites/origins';

/**
 * What an IT admin can preset through browser policy (chrome.storage.managed,
 * schema in public/managed-schema.json) and which of those settings users may
 * not change. Pure: the caller reads storage and hands the raw object here.
 *
 * A policy value that fails validation is dropped (and reported), never
 * half-applied: a typo in a GPO must not silently change what the team sees.
 */
export const LOCKABLE_SETTINGS = ['enabledSites', 'churnDefinition', 'tierThresholds', 'playbook', 'model', 'fieldMapping', 'experiments'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

const origin = z.string().refine((text) => originFromPolicy(text) !== null, 'an origin such as https://crm.example.com (scheme and host, no path)');

// The options page's bounds, every field optional: a preset the editor would refuse is refused here too.
const churnDefinition = z.object(churnDefinitionFields).pick({ statusValues: true, inactivityDays: true, partialSpendDrop: true, windowDays: true }).partial();

export const managedPolicySchema = z.object({
  /** Origins enabled for every user; they cannot be disabled while the policy holds them. */
  enabledSites: z.array(origin).optional(),
  churnDefinition: churnDefinition.optional(),
  /** [t2, t3, t4, t5] on the calibrated probability. */
  tierThresholds: z
    .array(z.number().gt(0).lt(1))
    .length(4)
    .refine((t) => t.every((value, i) => i === 0 || value > t[i - 1]!), 'four rising probabilities, e.g. [0.2, 0.4, 0.6, 0.8]')
    .optional(),
  /** A playbook file's JSON text (the same format options exports). */
  playbook: z.string().optional(),
  /** A model file's JSON text (the same format options exports). */
  model: z.string().optional(),
  /** A field mapping file's JSON text (options → Sites → Export mapping): labels and taught site recipes. */
  fieldMapping: z.string().optional(),
  /** An experiments file's JSON text (options → Experiments → Export for the team policy). */
  experiments: z.string().optional(),
  /** Settings users cannot change; a preset value alone is a default they may override. */
  locked: z.array(z.enum(LOCKABLE_SETTINGS)).optional(),
  /** Shown next to locked settings, e.g. "Set by IT — ask helpdesk@example.com". */
  lockReason: z.string().max(500).optional(),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export interface PolicyReading {
  policy: ManagedPolicy;
  /** One line per dropped key: "tierThresholds: …". */
  problems: string[];
}

/** Validates each key on its own so one bad key does not void the rest. */
export function readPolicy(raw: unknown): PolicyReading {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) return { policy: {}, problems: raw == null ? [] : ['policy is not an object'] };
  const shape = managedPolicySchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(shape, key)) {
      problems.push(`${key}: not a Churn Radar policy key`);
      continue;
    }
    const parsed = shape[key as keyof typeof shape].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { policy: policy as ManagedPolicy, problems };
}

export function isLocked(policy: ManagedPolicy, setting: LockableSetting): boolean {
  return policy.locked?.includes(setting) ?? false;
}
