/**
 * The support agent's messages (side panel → background): log an action and
 * its outcome, flag a score, pin a tier, read the worklist. Declared here and
 * merged into the one Protocol (lib/messaging/protocol.ts); types only.
 */
import type { SiteKey, Tier } from '../domain';
import type { ActionKind, OutcomeKind } from '../db/schema';

export interface ActionView {
  id: number;
  at: number;
  kind: ActionKind;
  scriptId?: string;
  ruleId?: string;
  note?: string;
  outcome?: { kind: OutcomeKind; at: number };
}

export interface FeedbackView {
  at: number;
  verdict: 'too_high' | 'too_low';
  reason: string;
  probability: number;
  tier: Tier;
}

export interface OverrideView {
  tier: Tier;
  reason: string;
  at: number;
  expiresAt: number;
}

export type RiskValueQuadrant = 'high-risk-high-value' | 'high-risk-low-value' | 'low-risk-high-value' | 'low-risk-low-value';

export interface WorklistItem {
  site: SiteKey;
  crmId: string;
  name: string;
  owner: string | null;
  probability: number;
  tier: Tier;
  /** Monthly value when the CRM shows one. */
  value: number | null;
  /** probability × value; null without a value. */
  expectedLoss: number | null;
  /** When the customer must be contacted by (its tier's due time after it became at-risk). */
  dueAt: number;
  /** The last action logged, if any since it became at-risk. */
  lastAction: { kind: ActionKind; at: number } | null;
  /** Where to open it in the CRM. */
  url: string | null;
  overridden: boolean;
}

/**
 * The tab the side panel follows (null: none). Actions on a customer are
 * accepted only when that tab's page shows them or the agent chose them in
 * the worklist (lib/focus/action-guard.ts); the background checks.
 */
interface FollowedTab {
  tabId: number | null;
}

export interface AgentProtocol {
  logAction: {
    request: { site: SiteKey; crmId: string; kind: ActionKind; scriptId?: string; ruleId?: string; note?: string } & FollowedTab;
    response: { id: number };
  };
  setOutcome: { request: { site: SiteKey; actionId: number; outcome: OutcomeKind } & FollowedTab; response: null };
  flagScore: { request: { site: SiteKey; crmId: string; verdict: 'too_high' | 'too_low'; reason: string } & FollowedTab; response: { id: number } };
  setOverride: { request: { site: SiteKey; crmId: string; tier: Tier; reason: string; expiresAt: number } & FollowedTab; response: null };
  clearOverride: { request: { site: SiteKey; crmId: string } & FollowedTab; response: null };
  getWorklist: { request: { owner?: string; tiers?: Tier[] }; response: { items: WorklistItem[]; owners: string[]; dueHours: Record<string, number> } };
  /** Every logged action with its outcome, as CSV (one row per action). */
  exportActions: { request: Record<string, never>; response: { csv: string; rows: number } };
  /** "Score looks wrong" flags for managers, newest first. */
  listFeedback: { request: Record<string, never>; response: { items: (FeedbackView & { site: SiteKey; crmId: string; name: string; modelId: string })[] } };
}
