import type { BadgeScore, CustomerScore, Reason } from '../domain';
import type { CustomerRow } from '../db/schema';
import { nameReasons } from '../explain/indicator-reasons';
import type { Translate } from '../explain/reason-text';
import type { IndicatorResult } from '../indicators/types';
import type { FieldResolver } from '../fields/field-resolver';
import type { RawRow, Scorer } from '../model/types';
import { chooseScript } from '../playbooks/choose';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook';
import { scriptContext } from '../playbooks/driver';
import type { Locale, Playbook } from '../playbooks/types';
import { scriptVariables } from '../playbooks/variables';
import { renderTemplate } from '../playbooks/template';
import { rankKeysOf } from '../model/rank-keys';
import { percentileOf, tierOfPercentile } from '../risk/starter-tiers';
import { tierFor } from '../risk/tiers';

/** Reasons kept per score: enough for the popover (3) and the side panel (5) with room. */
const REASONS_KEPT = 8;

export interface ScoringOptions {
  thresholds: readonly number[];
  locale: Locale;
  t: Translate;
  now: number;
  /** The team's playbook (default: DEFAULT_PLAYBOOK). */
  playbook?: Playbook;
  /** A tier pinned by an agent: the script follows it (the score keeps the model's tier). */
  tierOverride?: CustomerScore['tier'];
  /** The site's field mapping over the synonyms (script variables read product fields). */
  resolveField?: FieldResolver;
  /** The probabilities are a within-site ranking (see BadgeScore.ranking). */
  ranking?: Ranking;
}

/** A within-site ranking: the site's scores, ascending, to place each score among (absent: no percentile). */
export type Ranking = false | { population?: ArrayLike<number> };

/**
 * Tier and, for a ranking, where the score stands on its site: a ranked
 * site's tiers are its own quantiles (tierOfPercentile), placed by the
 * scorer's rank keys so customers whose probabilities saturate stay ordered.
 */
function placed(scorer: Scorer, rows: RawRow[], probabilities: ArrayLike<number>, thresholds: readonly number[], ranking: Ranking | undefined) {
  const population = ranking ? ranking.population : undefined;
  const keys = population ? rankKeysOf(scorer, rows, probabilities) : null;
  return rows.map((_, k): Pick<BadgeScore, 'tier' | 'ranking' | 'percentile'> => {
    const probability = probabilities[k]!;
    if (!ranking) return { tier: tierFor(probability, thresholds) };
    const percentile = keys && population ? percentileOf(population, keys[k]!) : null;
    return percentile === null ? { tier: tierFor(probability, thresholds), ranking: true } : { tier: tierOfPercentile(percentile), ranking: true, percentile };
  });
}

/** A customer and what the model reads for it (its fields, plus indicator features when computed). */
export interface ScoringInput {
  row: CustomerRow;
  inputs: RawRow;
  /** The customer's indicators when they were computed: reasons are then named by them. */
  indicators?: IndicatorResult;
}

/** Picks the active model for a row (lib/model/choice.ts, via the model provider). */
export interface ScorerChooser {
  scorerFor(scorers: readonly Scorer[], row: RawRow): Scorer | undefined;
}

/** Inputs grouped by the model that scores them, so each model predicts its rows in one call. */
function byScorer(chooser: ScorerChooser, scorers: readonly Scorer[], inputs: readonly ScoringInput[]): Map<Scorer, number[]> {
  const groups = new Map<Scorer, number[]>();
  inputs.forEach((input, i) => {
    const scorer = chooser.scorerFor(scorers, input.inputs)!;
    const list = groups.get(scorer);
    if (list) list.push(i);
    else groups.set(scorer, [i]);
  });
  return groups;
}

const modelRef = (scorer: Scorer) => ({ id: scorer.artifact.id, name: scorer.artifact.name, kind: scorer.artifact.kind });

/** The hot path of a list page: probability and tier only. */
export function badgeScores(
  chooser: ScorerChooser,
  scorers: readonly Scorer[],
  inputs: readonly ScoringInput[],
  thresholds: readonly number[],
  now: number,
  ranking: Ranking = false,
): BadgeScore[] {
  const scores = new Array<BadgeScore>(inputs.length);
  for (const [scorer, indexes] of byScorer(chooser, scorers, inputs)) {
    const rows = indexes.map((i) => inputs[i]!.inputs);
    const probabilities = scorer.predict(rows);
    const places = placed(scorer, rows, probabilities, thresholds, ranking);
    const model = modelRef(scorer);
    indexes.forEach((i, k) => {
      scores[i] = { crmId: inputs[i]!.row.crmId, probability: probabilities[k]!, model, scoredAt: now, ...places[k]! };
    });
  }
  return scores;
}

/** The reasons kept with a score in history. */
export function historyReasons(chooser: ScorerChooser, scorers: readonly Scorer[], inputs: RawRow): Reason[] {
  const scorer = chooser.scorerFor(scorers, inputs);
  return scorer ? scorer.explain(inputs).slice(0, REASONS_KEPT) : [];
}

/** Score customers in depth: probability, tier, reasons, script. */
export function scoreCustomers(chooser: ScorerChooser, scorers: readonly Scorer[], inputs: readonly ScoringInput[], options: ScoringOptions): CustomerScore[] {
  const scores = new Array<CustomerScore>(inputs.length);
  for (const [scorer, indexes] of byScorer(chooser, scorers, inputs)) {
    const rows = indexes.map((i) => inputs[i]!.inputs);
    const results = scorer.scoreAndExplain(rows);
    const places = placed(
      scorer,
      rows,
      results.map((r) => r.probability),
      options.thresholds,
      options.ranking,
    );
    const model = modelRef(scorer);
    indexes.forEach((i, k) => {
      const { probability, reasons: all } = results[k]!;
      const customer = inputs[i]!.row;
      const { tier } = places[k]!;
      const indicators = inputs[i]!.indicators ?? null;
      const reasons = nameReasons(all.slice(0, REASONS_KEPT), indicators);
      const script = retentionScript(customer, options.tierOverride ?? tier, reasons, indicators, options);
      scores[i] = { crmId: customer.crmId, probability, reasons, script, model, scoredAt: options.now, ...places[k]! };
    });
  }
  return scores;
}

function retentionScript(
  customer: CustomerRow,
  tier: CustomerScore['tier'],
  reasons: readonly Reason[],
  indicators: IndicatorResult | null,
  { locale, t, playbook = DEFAULT_PLAYBOOK, resolveField }: ScoringOptions,
): CustomerScore['script'] {
  const { rule, script } = chooseScript(playbook, scriptContext(tier, reasons, indicators));
  const variables = scriptVariables(customer, reasons, indicators, locale, t, resolveField);
  return {
    id: script.id,
    text: renderTemplate(script.message[locale], variables),
    call: renderTemplate(script.call[locale], variables),
    title: script.title[locale],
    strategy: script.strategy,
    ...(rule ? { ruleId: rule.id } : {}),
  };
}
