import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '@/lib/db/schema';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { OBSERVED_LABEL, observedTrainingRows, type ObservedCustomer } from '@/lib/training/observed';

const row = (crmId: string, fields: Record<string, string>): CustomerRow => ({
  site: 's',
  crmId,
  name: crmId,
  fields,
  firstSeen: 0,
  lastSeen: 0,
  lastObservedAt: 0,
  observationCount: 1,
});
const NOW = Date.UTC(2024, 5, 30);

describe('observed training rows', () => {
  it('labels by the churn definition, lets recorded outcomes override it, and uses flags only where nothing else decides', () => {
    const customers: ObservedCustomer[] = [
      { row: row('churned-by-status', { Status: 'Churned', Plan: 'Gold' }), activities: [] },
      { row: row('active-by-status', { Status: 'Active', Plan: 'Basic' }), activities: [] },
      // The definition says active, the agent recorded that the customer left: the outcome wins.
      { row: row('left-after-call', { Status: 'Active', Plan: 'Gold' }), activities: [], outcome: 'churned' },
      // Nothing to decide by but the agent's flag: a weak label.
      { row: row('flag-only', { Plan: 'Gold' }), activities: [], flag: 'too_low' },
      { row: row('unknown', { Plan: 'Gold' }), activities: [] },
    ];
    const view = observedTrainingRows(customers, DEFAULT_INDICATOR_SETTINGS, NOW);
    expect(view.rows.map((r) => [r.Plan, r[OBSERVED_LABEL]])).toEqual([
      ['Gold', 'Yes'],
      ['Basic', 'No'],
      ['Gold', 'Yes'],
      ['Gold', 'Yes'],
    ]);
    expect(view).toMatchObject({ customers: 5, unlabelled: 1, churned: 3, fromOutcomes: 1, fromFlags: 1 });
  });
});
