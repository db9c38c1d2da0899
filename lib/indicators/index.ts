/**
 * The indicator engine: one customer's history → every catalogue indicator
 * (lib/indicators/definitions.ts), lifecycle stage and churn pattern.
 *
 * The same code runs in the extension (a CRM customer, a shopper's order
 * list) and in training (lib/model/event-log.ts), and `indicatorFeatures` is
 * the one place where indicators become model inputs.
 *
 * Cost: one sort of the activities and one pass over them per customer
 * (lib/indicators/context.ts); each category then reads the prepared sums.
 * The order summary (lib/indicators/order-summary.ts) is read once: the
 * order list when the CRM showed one, else a list page's summary fields.
 */
import { computeCharacteristics } from './characteristics';
import { computeCompetition } from './competition';
import { computeConsumption } from './consumption';
import { prepareContext } from './context';
import { INDICATOR_BY_ID, INDICATOR_DEFINITIONS } from './definitions';
import { computeFinancial } from './financial';
import { labelFromContext } from './churn-labels';
import { classifyLifecycle } from './lifecycle-stage';
import { computeLoyalty } from './loyalty';
import { orderSummary } from './order-summary';
import { classifyPattern } from './pattern';
import type { Readings } from './reading';
import { computeSatisfaction } from './satisfaction';
import { DEFAULT_CHURN_DEFINITION, type CustomerHistory, type IndicatorResult, type IndicatorSettings, type IndicatorValue } from './types';

export { INDICATOR_DEFINITIONS, INDICATOR_BY_ID } from './definitions';
export { churnLabel } from './churn-labels';
export * from './types';

export const DEFAULT_INDICATOR_SETTINGS: IndicatorSettings = { churn: DEFAULT_CHURN_DEFINITION, competitors: [] };

export function computeIndicators(history: CustomerHistory, settings: IndicatorSettings): IndicatorResult {
  const ctx = prepareContext(history, settings);
  const label = labelFromContext(ctx);
  const lifecycle = classifyLifecycle(ctx, label);
  const pattern = classifyPattern(ctx, label);

  const readings: Readings = new Map();
  const summary = orderSummary(ctx);
  computeConsumption(ctx, readings, summary);
  computeSatisfaction(ctx, readings);
  computeLoyalty(ctx, readings, summary);
  computeCompetition(ctx, readings);
  computeCharacteristics(ctx, lifecycle, readings);
  computeFinancial(ctx, readings);

  const values: IndicatorValue[] = new Array(INDICATOR_DEFINITIONS.length);
  for (let i = 0; i < INDICATOR_DEFINITIONS.length; i++) {
    const def = INDICATOR_DEFINITIONS[i]!;
    const r = readings.get(def.id);
    values[i] = r
      ? { id: def.id, category: def.category, value: r.value, display: r.display, direction: r.direction, trend: r.trend ?? null, meaning: r.meaning }
      : { id: def.id, category: def.category, value: null, display: null, direction: 'neutral', trend: null, meaning: null };
  }
  return { values, lifecycle, pattern };
}

/** The model-input name of an indicator. */
export const featureName = (id: string) => `ind:${id}`;

/**
 * Numeric indicator values as model inputs, keyed `ind:<id>`: numbers (log-
 * scaled where the catalogue says `featureScale: 'log'`), yes/no values as
 * 1/0. Text values (plan, segment, stage) and unavailable indicators are
 * left out: a missing key is a missing value.
 */
export function indicatorFeatures(result: IndicatorResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of result.values) {
    const value = v.value;
    if (typeof value === 'number') {
      const scale = INDICATOR_BY_ID.get(v.id)?.featureScale;
      out[featureName(v.id)] = scale === 'log' ? Math.sign(value) * Math.log1p(Math.abs(value)) : value;
    } else if (value === 'yes' || value === 'no') {
      out[featureName(v.id)] = value === 'yes' ? 1 : 0;
    }
  }
  return out;
}
