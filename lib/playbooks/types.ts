import type { Tier } from '../domain';
import type { Bilingual, ChurnPattern, IndicatorCategory, LifecycleStage } from '../indicators/types';
import type { MeasuredUplift } from '../experiments/experiment';

export type Locale = 'en' | 'zh';

/** Retention strategies of the product research, plus the two ends of the scale. */
export const STRATEGIES = [
  'nurture',
  'care-call',
  'personalised-offer',
  'coupon',
  'membership-upgrade',
  'service-recovery',
  'onboarding',
  'account-manager',
  'win-back',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * A script in two versions: a message (email / chat) and a call talk track.
 * Text is plain; `{variable}` placeholders are filled from the customer, and
 * a `[[ … ]]` segment is dropped whole when a variable inside it is unknown,
 * so a script never shows "{tenure}" to a customer.
 */
export interface ScriptTemplate {
  id: string;
  strategy: Strategy;
  title: Bilingual;
  message: Bilingual;
  call: Bilingual;
}

/** Which customers a rule is for; an absent condition matches everyone. */
export interface RuleCondition {
  tiers?: Tier[];
  patterns?: ChurnPattern[];
  /** The category of the customer's top risk-raising driver. */
  drivers?: IndicatorCategory[];
  lifecycle?: LifecycleStage[];
}

export interface PlaybookRule {
  id: string;
  enabled: boolean;
  when: RuleCondition;
  scriptId: string;
  /** Why the rule exists, for the manager reading the playbook. */
  note?: Bilingual;
  /** The last finished experiment's answer: does this play keep customers (lib/experiments/consolidate.ts)? */
  measured?: MeasuredUplift;
}

/** Rules in order, first match wins; the fallback script answers when none does. */
export interface Playbook {
  format: 'churn-radar-playbook';
  version: 1;
  rules: PlaybookRule[];
  scripts: ScriptTemplate[];
  fallbackScriptId: string;
}

/** What a rule looks at. */
export interface PlaybookContext {
  tier: Tier;
  pattern: ChurnPattern | null;
  driver: IndicatorCategory | null;
  lifecycle: LifecycleStage | null;
}
