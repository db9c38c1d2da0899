/**
 * What the side panel and the options page are told about an agent's work:
 * actions, "score looks wrong" flags, pinned tiers and the worklist. Schemas
 * of our own background's answers (lib/messaging/commands.ts: responses are
 * typed by them, not parsed at run time).
 */
import { z } from 'zod';
import type { ActionKind, OutcomeKind } from '@/lib/db/schema';
import type { SiteKey, Tier } from '@/lib/domain';

export const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) satisfies z.ZodType<Tier>;
const actionKind = z.custom<ActionKind>();

const actionViewSchema = z.object({
  id: z.number(),
  at: z.number(),
  kind: actionKind,
  scriptId: z.string().optional(),
  ruleId: z.string().optional(),
  note: z.string().optional(),
  outcome: z.object({ kind: z.custom<OutcomeKind>(), at: z.number() }).optional(),
});
export type ActionView = z.output<typeof actionViewSchema>;

export const feedbackViewSchema = z.object({
  at: z.number(),
  verdict: z.enum(['too_high', 'too_low']),
  reason: z.string(),
  probability: z.number(),
  tier: tierSchema,
});
export type FeedbackView = z.output<typeof feedbackViewSchema>;

const overrideViewSchema = z.object({ tier: tierSchema, reason: z.string(), at: z.number(), expiresAt: z.number() });
export type OverrideView = z.output<typeof overrideViewSchema>;

const RISK_VALUE_QUADRANTS = ['high-risk-high-value', 'high-risk-low-value', 'low-risk-high-value', 'low-risk-low-value'] as const;
export type RiskValueQuadrant = (typeof RISK_VALUE_QUADRANTS)[number];

export const worklistItemSchema = z.object({
  site: z.custom<SiteKey>(),
  crmId: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  probability: z.number(),
  tier: tierSchema,
  /** Monthly value when the CRM shows one. */
  value: z.number().nullable(),
  /** probability × value; null without a value. */
  expectedLoss: z.number().nullable(),
  /** When the customer must be contacted by (its tier's due time after it became at-risk). */
  dueAt: z.number(),
  /** The last action logged, if any since it became at-risk. */
  lastAction: z.object({ kind: actionKind, at: z.number() }).nullable(),
  /** Where to open it in the CRM. */
  url: z.string().nullable(),
  overridden: z.boolean(),
});
export type WorklistItem = z.output<typeof worklistItemSchema>;
