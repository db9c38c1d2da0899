import { describe, expect, it } from 'vitest';
import { customerHistory, modelInputs } from '@/lib/indicators/customer-indicators';
import { customerKey } from '@/lib/db/customer-key';
import type { CustomerRow } from '@/lib/db/schema';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import { computeIndicators, DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { stateBefore } from '@/lib/kpi/states';
import { churnStates } from '@/lib/kpi/timeline';
import { lifetimeValueOf } from '@/lib/kpi/lifetime';
import { riskCustomers } from '@/lib/risk/risk-customers';
import { OBSERVED_LABEL, observedTrainingRows } from '@/lib/training/observed';

const SITE = 'http://crm.test';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);
// A site whose CRM says "Etat" for the status and "Abo" for the monthly fee: only the mapping knows.
const resolver = createFieldResolver({ Etat: 'status', Abo: 'monthly_value', Monate: 'tenure_months' });
const row = (crmId: string, fields: Record<string, string>): CustomerRow => ({
  site: SITE,
  crmId,
  name: crmId,
  fields: { Id: crmId, ...fields },
  firstSeen: NOW - 30 * DAY,
  lastSeen: NOW - DAY,
  lastObservedAt: NOW - DAY,
  observationCount: 1,
  lastScore: { probability: 0.5, tier: 3, modelId: 'm', scoredAt: NOW - DAY },
});
const rows = [
  row('left', { Etat: 'Churned', Abo: '80', Monate: '10' }),
  row('stays', { Etat: 'Active', Abo: '20', Monate: '3' }),
  // The CRM still says "Churned", the agent recorded that the call kept them: the outcome wins everywhere.
  row('won-back', { Etat: 'Churned', Abo: '50', Monate: '6' }),
  row('unknown', { Abo: '10' }),
];
const outcomes = new Map([[customerKey(SITE, 'won-back'), { kind: 'retained' as const, at: NOW - 2 * DAY }]]);
const definition = DEFAULT_INDICATOR_SETTINGS.churn;

describe('one churn label for risk, KPIs and training', () => {
  it('labels the same customer the same in all three, through the site mapping and recorded outcomes', () => {
    const kinds = new Map([...outcomes].map(([key, o]) => [key, o.kind]));
    const risk = riskCustomers(rows, new Map(), kinds, definition, NOW, new Map([[SITE, resolver]]));
    const byRisk = Object.fromEntries(risk.map((c) => [c.crmId, c.churned]));

    const byKpi = Object.fromEntries(
      rows.map((r) => {
        const states = churnStates([], { at: r.lastSeen, fields: r.fields }, [], definition, undefined, resolver, outcomes.get(customerKey(SITE, r.crmId)));
        return [r.crmId, stateBefore(states, NOW)];
      }),
    );

    const training = observedTrainingRows(
      rows.map((r) => ({ row: r, activities: [], outcome: outcomes.get(customerKey(SITE, r.crmId))?.kind, resolver })),
      DEFAULT_INDICATOR_SETTINGS,
      NOW,
    );
    const byTraining: Record<string, boolean | null> = Object.fromEntries(rows.map((r) => [r.crmId, null]));
    for (const t of training.rows) byTraining[String(t.Id)] = t[OBSERVED_LABEL] === 'Yes';

    const expected = { left: true, stays: false, 'won-back': false, unknown: null };
    expect(byRisk).toEqual(expected);
    expect(byKpi).toEqual(expected);
    expect(byTraining).toEqual(expected);
  });

  it('gives training the inputs scoring computes for a mapped site', () => {
    const customer = rows[0]!;
    const [trained] = observedTrainingRows([{ row: customer, activities: [], resolver }], DEFAULT_INDICATOR_SETTINGS, NOW).rows;
    const scored = modelInputs(customer, computeIndicators(customerHistory(customer, [], NOW, [], resolver), DEFAULT_INDICATOR_SETTINGS));
    const unmapped = modelInputs(customer, computeIndicators(customerHistory(customer, [], NOW), DEFAULT_INDICATOR_SETTINGS));
    const { [OBSERVED_LABEL]: label, ...inputs } = trained!;
    expect(label).toBe('Yes');
    expect(inputs).toEqual(scored);
    expect(scored).not.toEqual(unmapped); // the mapping changes what the indicators read
  });

  it('reads the lifetime value through the mapping', () => {
    expect(lifetimeValueOf(rows[0]!.fields, [], resolver)).toBe(800);
    expect(lifetimeValueOf(rows[0]!.fields, [])).toBeNull();
  });
});
