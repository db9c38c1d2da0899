/**
 * The starter scorecard: a transparent model over indicator inputs
 * (`ind:<id>`, lib/indicators `indicatorFeatures`) that scores customers
 * until a model is trained.
 *
 *   logit(p) = intercept + Σ weight of every rule whose condition holds
 *
 * A rule compares the indicator's value in its own units (days, months,
 * counts, −1…+1 tone, relative change) — inputs the catalogue log-scales
 * (`featureScale: 'log'`) are turned back first — and an indicator that is
 * not available fires nothing. The explanation of a score is exactly the
 * rules that fired (summed per indicator), so the reasons add up to
 * logit(p) − intercept, the distance from a customer about whom nothing is
 * known.
 *
 * DEFAULT_SCORECARD follows the catalogue's own "raises / lowers" rules
 * (lib/indicators/definitions.ts, from the churn research): weights of
 * about +0.5…+1 log-odds for a warning sign (×1.6–2.7 the odds) and
 * −0.4…−0.8 for a protective one, strongest for the signs the research
 * ranks first (month-to-month contract, a competitor named, no order for a
 * window); intercept −1.5 (≈ 18 %, a typical churn base rate). Managers edit
 * the weights; `parseScorecard` checks an edited card.
 */
import type { Reason } from '../domain';
import { featureName, INDICATOR_BY_ID } from '../indicators';
import { scorecardSchema } from './artifact-schema';
import { sha256 } from './hash';
import type { FittedColumn, ModelArtifact, RawRow, Scorecard, ScorecardRule, Scorer } from './types';

export type { Scorecard, ScorecardRule } from './types';

export const DEFAULT_SCORECARD: Scorecard = {
  name: 'Starter scorecard',
  intercept: -1.5,
  rules: [
    // consumption
    { indicator: 'recency_days', condition: { op: '>', value: 90 }, weight: 0.9 },
    { indicator: 'recency_days', condition: { op: '<=', value: 30 }, weight: -0.5 },
    { indicator: 'order_count', condition: { op: '<=', value: 1 }, weight: 0.6 },
    { indicator: 'order_count', condition: { op: '>=', value: 3 }, weight: -0.5 },
    { indicator: 'frequency_trend', condition: { op: '<=', value: -0.25 }, weight: 0.6 },
    { indicator: 'spend_trend', condition: { op: '<=', value: -0.25 }, weight: 0.4 },
    // satisfaction
    { indicator: 'unresolved_tickets', condition: { op: '>=', value: 1 }, weight: 0.6 },
    { indicator: 'ticket_count', condition: { op: '>=', value: 3 }, weight: 0.5 },
    { indicator: 'sentiment', condition: { op: '<=', value: -0.25 }, weight: 0.7 },
    { indicator: 'nps', condition: { op: '<=', value: 6 }, weight: 0.5 },
    { indicator: 'nps', condition: { op: '>=', value: 9 }, weight: -0.5 },
    // loyalty
    { indicator: 'tenure', condition: { op: '<', value: 6 }, weight: 0.8 },
    { indicator: 'tenure', condition: { op: '>=', value: 24 }, weight: -0.6 },
    { indicator: 'contract', condition: { op: '<=', value: 1 }, weight: 1 },
    { indicator: 'contract', condition: { op: '>=', value: 12 }, weight: -0.8 },
    { indicator: 'auto_renew', condition: { op: '==', value: 1 }, weight: -0.4 },
    // market competition
    { indicator: 'competitor_mentions', condition: { op: '>=', value: 1 }, weight: 1 },
    { indicator: 'discount_requests', condition: { op: '>=', value: 1 }, weight: 0.4 },
    // financial
    { indicator: 'late_payments', condition: { op: '>=', value: 1 }, weight: 0.7 },
    { indicator: 'outstanding_balance', condition: { op: '>', value: 0 }, weight: 0.4 },
    { indicator: 'credit_signals', condition: { op: '>=', value: 1 }, weight: 0.6 },
  ],
};

/** A scorecard card read from JSON (an edited one, or from a file): its shape, and indicator ids the catalogue knows. */
export function parseScorecard(json: unknown): Scorecard {
  const parsed = scorecardSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new Error(`Invalid scorecard: ${issues.join('; ')}`);
  }
  const unknown = parsed.data.rules.find((r) => !INDICATOR_BY_ID.has(r.indicator));
  if (unknown) throw new Error(`Invalid scorecard: "${unknown.indicator}" is not an indicator`);
  return parsed.data;
}

/** The indicator's value in its own units from a model input (undoing the catalogue's log scaling). */
export function indicatorValue(indicator: string, input: RawRow[string]): number | null {
  const v = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (!Number.isFinite(v)) return null;
  return INDICATOR_BY_ID.get(indicator)?.featureScale === 'log' ? Math.sign(v) * Math.expm1(Math.abs(v)) : v;
}

export function ruleFires(rule: ScorecardRule, value: number | null): boolean {
  if (value === null) return false;
  const t = rule.condition.value;
  switch (rule.condition.op) {
    case '>=':
      return value >= t;
    case '>':
      return value > t;
    case '<=':
      return value <= t;
    case '<':
      return value < t;
    case '==':
      return value === t;
  }
}

/** Distinct indicators of the card, in rule order. */
function indicatorsOf(card: Scorecard): string[] {
  return [...new Set(card.rules.map((r) => r.indicator))];
}

/**
 * The card as a model artifact (kind 'scorecard'), so it is stored, listed,
 * exported and chosen like a trained model. Its preprocessor only declares
 * the inputs it reads (one numeric `ind:<id>` per indicator, identity
 * scaling); metrics are zeros (rows 0: not trained on data).
 */
export function scorecardArtifact(card: Scorecard, options: { createdAt?: string; trainedBy?: string } = {}): ModelArtifact {
  const columns: FittedColumn[] = indicatorsOf(card).map((id) => ({
    name: featureName(id),
    kind: 'numeric',
    center: 0,
    scale: 1,
    missingIndicator: false,
    clip: 1e9,
  }));
  const names = columns.map((c) => c.name);
  return {
    format: 'churn-radar-model',
    formatVersion: 2,
    id: sha256(JSON.stringify({ format: 'churn-radar-model', formatVersion: 2, kind: 'scorecard', card })),
    name: card.name,
    kind: 'scorecard',
    createdAt: options.createdAt ?? new Date(0).toISOString(),
    trainedBy: options.trainedBy ?? 'starter scorecard (lib/model/scorecard.ts)',
    label: { column: 'churn', positive: 'yes' },
    preprocessor: { columns, featureNames: names, featureSource: names },
    baseline: names.map(() => 0),
    scorecard: card,
    metrics: { rows: 0, positives: 0, features: names.length, folds: 0, roc_auc: 0, roc_auc_sd: 0, pr_auc: 0, pr_auc_sd: 0, brier: 0, train_seconds: 0 },
    trainingData: { hash: '', rows: 0, source: 'rules (not trained on data)' },
  };
}

/** A Scorer over the card; `artifact` defaults to scorecardArtifact(card). */
export function createScorecardScorer(card: Scorecard, artifact: ModelArtifact = scorecardArtifact(card)): Scorer {
  const rules = card.rules.map((rule) => ({ rule, field: featureName(rule.indicator) }));
  const fields = indicatorsOf(card).map(featureName);
  let disposed = false;
  const alive = () => {
    if (disposed) throw new Error('this scorer has been disposed');
  };
  /** Summed fired weights per indicator field (only fields with a fired rule). */
  const fired = (row: RawRow): Map<string, number> => {
    const sums = new Map<string, number>();
    for (const { rule, field } of rules) {
      if (ruleFires(rule, indicatorValue(rule.indicator, row[field]))) sums.set(field, (sums.get(field) ?? 0) + rule.weight);
    }
    return sums;
  };
  const probability = (sums: Map<string, number>) => {
    let z = card.intercept;
    for (const w of sums.values()) z += w;
    return 1 / (1 + Math.exp(-z));
  };
  const reasons = (row: RawRow, sums: Map<string, number>): Reason[] =>
    fields
      .filter((f) => sums.has(f))
      .map((field) => ({ field, value: row[field] === undefined || row[field] === null ? null : String(row[field]), contribution: sums.get(field)! }))
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return {
    artifact,
    predict(rows) {
      alive();
      return Float32Array.from(rows, (row) => probability(fired(row)));
    },
    explain(row) {
      alive();
      return reasons(row, fired(row));
    },
    scoreAndExplain(rows) {
      alive();
      return rows.map((row) => {
        const sums = fired(row);
        return { probability: Math.fround(probability(sums)), reasons: reasons(row, sums) };
      });
    },
    dispose() {
      disposed = true;
    },
  };
}
