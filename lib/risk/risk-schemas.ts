/**
 * The churn & tiers messages' shapes (options → background): stored customers
 * with their latest scores and labels, a live count of what a churn definition
 * would label, saving that definition (policy locks apply), and saving tier
 * thresholds so open CRM tabs re-badge. The TypeScript types are derived from
 * these schemas; lib/risk/risk-commands.ts registers them with their handlers.
 */
import { z } from 'zod';
import { TIERS, type Tier } from '@/lib/domain';
import type { DefinitionCounts } from './churn-definition';
import { churnDefinitionSchema } from './churn-definition-schema';

const riskCustomerSchema = z.object({
  site: z.string(),
  crmId: z.string(),
  name: z.string(),
  /** Latest calibrated churn probability. */
  probability: z.number(),
  /** Tier it was last shown at (the current thresholds re-tier it in the UI). */
  tier: z.custom<Tier>((value) => TIERS.includes(value as Tier)),
  /** Monthly value when the CRM shows one. */
  monthlyValue: z.number().nullable(),
  /** Under the manager's churn definition (or a recorded outcome): true/false, null = unknown. */
  churned: z.boolean().nullable(),
  url: z.string().nullable(),
});
export type RiskCustomer = z.output<typeof riskCustomerSchema>;

export const riskCustomersViewSchema = z.object({
  customers: z.array(riskCustomerSchema),
  /** Customers stored (scored or not). */
  stored: z.number().int(),
  thresholds: z.array(z.number()),
});

const fieldValueCountSchema = z.object({ value: z.string(), count: z.number().int() });

export const churnPreviewSchema = z.object({
  // Counted by lib/risk/churn-definition.ts, which owns the shape.
  counts: z.custom<DefinitionCounts>((value) => typeof value === 'object' && value !== null),
  /** Values seen in the status field of stored customers (site mapping first, else synonyms). */
  statusValues: z.array(fieldValueCountSchema),
  /** Field labels that can hold a churn reason, with the values seen. */
  reasonFields: z.array(z.object({ label: z.string(), values: z.array(fieldValueCountSchema) })),
});
export type ChurnPreview = z.output<typeof churnPreviewSchema>;

export const definitionMessage = z.strictObject({ definition: churnDefinitionSchema });

/** Four cut points on the churn probability; order and range are checked by validateThresholds, which says what is wrong. */
export const thresholdsMessage = z.strictObject({ thresholds: z.array(z.number()).length(4) });
