import type { BadgeScore, CustomerScore, Reason } from '../domain';
import type { CustomerRow } from '../db/schema';
import { reasonSentence, topRiskReasons, type Translate } from '../explain/reason-text';
import { readProductField } from '../fields/product-fields';
import type { Scorer } from '../model/types';
import { DEFAULT_SCRIPTS_BY_TIER, type Locale } from '../playbooks/default-playbook';
import { renderTemplate } from '../playbooks/template';
import { tierFor } from '../risk/tiers';

/** Reasons kept per score: enough for the popover (3) and the side panel (5) with room. */
export const REASONS_KEPT = 8;

export interface ScoringOptions {
  thresholds: readonly number[];
  locale: Locale;
  t: Translate;
  now: number;
}

/** The hot path of a list page: probability and tier only. */
export function badgeScores(scorer: Scorer, customers: readonly CustomerRow[], thresholds: readonly number[], now: number): BadgeScore[] {
  if (customers.length === 0) return [];
  const probabilities = scorer.predict(customers.map((c) => c.fields));
  const { artifact } = scorer;
  const model = { id: artifact.id, name: artifact.name, kind: artifact.kind };
  return customers.map((customer, i) => {
    const probability = probabilities[i]!;
    return { crmId: customer.crmId, probability, tier: tierFor(probability, thresholds), model, scoredAt: now };
  });
}

/** The reasons kept with a score in history. */
export function historyReasons(scorer: Scorer, customer: CustomerRow): Reason[] {
  return scorer.explain(customer.fields).slice(0, REASONS_KEPT);
}

/** Score customers in depth: probability, tier, reasons, script. */
export function scoreCustomers(scorer: Scorer, customers: readonly CustomerRow[], options: ScoringOptions): CustomerScore[] {
  if (customers.length === 0) return [];
  const results = scorer.scoreAndExplain(customers.map((c) => c.fields));
  const { artifact } = scorer;
  const model = { id: artifact.id, name: artifact.name, kind: artifact.kind };
  return customers.map((customer, i) => {
    const { probability, reasons: all } = results[i]!;
    const tier = tierFor(probability, options.thresholds);
    const reasons = all.slice(0, REASONS_KEPT);
    return {
      crmId: customer.crmId,
      probability,
      tier,
      reasons,
      script: retentionScript(customer, tier, reasons, options),
      model,
      scoredAt: options.now,
    };
  });
}

function retentionScript(
  customer: CustomerRow,
  tier: CustomerScore['tier'],
  reasons: readonly Reason[],
  { locale, t }: ScoringOptions,
): CustomerScore['script'] {
  const template = DEFAULT_SCRIPTS_BY_TIER[tier];
  const top = topRiskReasons(reasons, 1)[0];
  const text = renderTemplate(template.text[locale], {
    name: customer.name,
    topReason: top && top.contribution > 0 ? reasonSentence(top, t) : undefined,
    tenure: readProductField(customer.fields, 'tenure_months'),
    plan: readProductField(customer.fields, 'plan') ?? readProductField(customer.fields, 'contract'),
    monthlyValue: readProductField(customer.fields, 'monthly_value'),
  });
  return { id: template.id, text };
}
