import type { Activity, ActivityKind, RawFields } from '../domain';
import type { FieldResolver } from '../fields/field-resolver';

/** The six indicator categories of the product research. */
export const INDICATOR_CATEGORIES = ['consumption', 'satisfaction', 'loyalty', 'competition', 'characteristics', 'financial'] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

/** Whether a value of this indicator pushes churn risk up, down, or is context only. */
export type IndicatorDirection = 'raises' | 'lowers' | 'neutral';

/** Movement of an indicator between an earlier and a recent window (or since the last observation). */
export type IndicatorTrend = 'up' | 'down' | 'flat';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface IndicatorValue {
  /** Stable id (snake_case). */
  id: string;
  category: IndicatorCategory;
  /** null = not available from the data seen so far (never invented). */
  value: number | string | null;
  /**
   * Human text of the value as the CRM showed it or as computed (e.g. "$70.35",
   * "34 months", "-40 % over 90 days"); null when not available.
   */
  display: string | null;
  direction: IndicatorDirection;
  /** null when there is no earlier window to compare with. */
  trend?: IndicatorTrend | null;
  /** Bilingual short sentence saying what the value means ("Spend down 40 % over 90 days"). */
  meaning?: Bilingual | null;
}

/** The static description of an indicator: shown in the UI, documented in one place. */
export interface IndicatorDefinition {
  id: string;
  category: IndicatorCategory;
  label: Bilingual;
  explanation: Bilingual;
  /** Product fields (lib/fields) or activity kinds ("activity:order") that can supply it; any one is enough. */
  needs: readonly string[];
  /**
   * Product fields that supply it only all together (a list page's first and
   * last purchase and order count, in place of the order list); absent = none.
   * Kept apart from `needs` so that a single one of them never stands for
   * this indicator (lib/explain maps a field to the first indicator needing it).
   */
  needsAll?: readonly string[];
  /**
   * How `indicatorFeatures` turns a numeric value into a model input: 'log' =
   * sign(x)·ln(1 + |x|), for heavy-tailed counts and money (a linear model
   * sees "3 vs 30 orders" like "30 vs 300"). Absent = the value as it is.
   */
  featureScale?: 'log';
}

/** Churn as a manager defines it; used wherever a label is needed (training, KPIs, patterns). */
export interface ChurnDefinition {
  /** Status values (case-insensitive, en/zh) that mean churned, e.g. ["Churned", "Cancelled", "已流失"]. */
  statusValues: string[];
  /** No order/contact activity for this many days → churned; null = not used. */
  inactivityDays: number | null;
  /** Partial churn: spend in the recent window down by ≥ this fraction (0.5 = 50 %) vs the earlier window; null = not used. */
  partialSpendDrop: number | null;
  /** Length of the recent (and of the earlier) window for partial churn and trends, in days. */
  windowDays: number;
  /** Settings v2: the CRM field label holding the churn reason (voluntary vs involuntary); null/absent = none. */
  reasonField?: string | null;
  /** Settings v2: reason values (case-insensitive) that mean involuntary churn; any other reason is voluntary. */
  involuntaryReasons?: string[];
}

export const DEFAULT_CHURN_DEFINITION: ChurnDefinition = {
  statusValues: ['Churned', 'Cancelled', 'Canceled', 'Closed lost', 'Inactive', '已流失', '流失', '已取消', '停用'],
  inactivityDays: 180,
  partialSpendDrop: 0.5,
  windowDays: 90,
};

/** Manager-set inputs to indicator computation. */
export interface IndicatorSettings {
  churn: ChurnDefinition;
  /** Competitor names to look for in notes and tickets (case-insensitive, any language). */
  competitors: string[];
  /**
   * Spend in one window (settings.churn.windowDays) from which a customer counts
   * as high value (churn pattern "sudden drop of a high-value customer"). Absent
   * or null: a customer with ≥ 3 orders in the earlier window counts as high value.
   */
  highValueSpend?: number | null;
}

/** Everything known about one customer, parsed, oldest first: the input of every indicator. */
export interface CustomerHistory {
  /** "Today" for this computation (epoch ms): the CRM's today, not necessarily Date.now(). */
  asOf: number;
  /** Latest known raw fields (merged over observations). */
  fields: RawFields;
  /** Observed field snapshots over time, oldest first. */
  observations: { at: number; fields: RawFields }[];
  /** Parsed activities, any order (functions sort what they need). */
  activities: Activity[];
  /**
   * Activity kinds the CRM listed for this customer, even when a list was empty:
   * a kind listed with no entries means "none", not "unknown" (e.g. 0 tickets).
   * Absent: only kinds present in `activities` are known.
   */
  shown?: readonly ActivityKind[];
  /** The site's label → product field resolver (its field mapping over the synonyms); absent: synonyms only. */
  resolveField?: FieldResolver;
}

export const LIFECYCLE_STAGES = ['new', 'growth', 'mature', 'decline', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CHURN_PATTERNS = ['trial_failure', 'after_repeat_purchase', 'high_value_sudden_drop', 'gradual_decline', 'already_churned', 'none'] as const;
export type ChurnPattern = (typeof CHURN_PATTERNS)[number];

/** A classification with the rule that fired, so the UI can say why. */
export interface Classified<T extends string> {
  value: T | null;
  /** Bilingual one-line reason ("first order 20 days ago, 1 order so far"); null when value is null. */
  why: Bilingual | null;
}

/** Everything the indicator engine says about one customer (lib/indicators/index.ts). */
export interface IndicatorResult {
  /** Every catalogue indicator exactly once, in catalogue order; value null when not available. */
  values: IndicatorValue[];
  lifecycle: Classified<LifecycleStage>;
  pattern: Classified<ChurnPattern>;
}
