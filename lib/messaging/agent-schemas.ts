import { z } from 'zod';
import type { AgentProtocol } from './agent-protocol';
import { followedTab } from '@/lib/focus/followed-tab-schema';

const site = z.string().min(1).max(512);
const crmId = z.string().min(1).max(256);
const tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const ACTION_KINDS = ['called', 'emailed', 'offer', 'meeting', 'no_contact'] as const;
const OUTCOME_KINDS = ['retained', 'churned', 'no_answer', 'pending'] as const;
const YEAR_MS = 366 * 86_400_000;

/** Runtime shapes of the agent's messages (see agent-protocol.ts); merged into requestSchemas. */
export const agentRequestSchemas = {
  logAction: z.strictObject({
    site,
    crmId,
    kind: z.enum(ACTION_KINDS),
    scriptId: z.string().max(128).optional(),
    ruleId: z.string().max(128).optional(),
    note: z.string().max(2000).optional(),
    ...followedTab,
  }),
  setOutcome: z.strictObject({ site, actionId: z.number().int().positive(), outcome: z.enum(OUTCOME_KINDS), ...followedTab }),
  flagScore: z.strictObject({ site, crmId, verdict: z.enum(['too_high', 'too_low']), reason: z.string().min(1).max(500), ...followedTab }),
  setOverride: z.strictObject({
    site,
    crmId,
    tier,
    reason: z.string().min(1).max(500),
    // An override always ends: at most a year ahead.
    expiresAt: z.number().refine((at) => at > Date.now() && at <= Date.now() + YEAR_MS, 'the expiry must be in the future, within a year'),
    ...followedTab,
  }),
  clearOverride: z.strictObject({ site, crmId, ...followedTab }),
  getWorklist: z.strictObject({ owner: z.string().max(256).optional(), tiers: z.array(tier).max(5).optional() }),
  exportActions: z.strictObject({}),
  listFeedback: z.strictObject({}),
} satisfies Record<keyof AgentProtocol, z.ZodType>;

export const agentAudience: Record<keyof AgentProtocol, 'extension'> = {
  logAction: 'extension',
  setOutcome: 'extension',
  flagScore: 'extension',
  setOverride: 'extension',
  clearOverride: 'extension',
  getWorklist: 'extension',
  exportActions: 'extension',
  listFeedback: 'extension',
};
