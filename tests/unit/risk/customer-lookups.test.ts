import { describe, expect, it } from 'vitest';
import { customerKey } from '@/lib/db/customer-key';
import { activitiesByCustomer, latestOutcomes } from '@/lib/db/customer-lookups';
import { createFieldResolver, synonymResolver } from '@/lib/fields/field-resolver';
import { churnStates } from '@/lib/kpi/timeline';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { resolversOf } from '@/lib/labels/resolvers-by-site';

const A = customerKey('s', 'a');
const B = customerKey('s', 'b');

describe('customer lookups', () => {
  it('keeps the latest decisive outcome per customer, by the action time, whatever the input order', () => {
    const outcomes = latestOutcomes([
      { site: 's', crmId: 'a', at: 30, outcome: { kind: 'no_answer', at: 31 } },
      { site: 's', crmId: 'a', at: 20, outcome: { kind: 'retained', at: 25 } },
      { site: 's', crmId: 'a', at: 10, outcome: { kind: 'churned', at: 12 } },
      { site: 's', crmId: 'b', at: 5, outcome: { kind: 'pending', at: 6 } },
      { site: 's', crmId: 'c', at: 5 },
    ]);
    expect([...outcomes]).toEqual([[A, { kind: 'retained', at: 25 }]]);
  });

  it('groups activities by customer in the order given', () => {
    const by = activitiesByCustomer([
      { site: 's', crmId: 'a', id: '1', kind: 'order', at: 1 },
      { site: 's', crmId: 'b', id: '2', kind: 'ticket', at: 2 },
      { site: 's', crmId: 'a', id: '3', kind: 'order', at: 3 },
    ]);
    expect([...by].map(([key, list]) => [key, list.map((a) => a.id)])).toEqual([
      [A, ['1', '3']],
      [B, ['2']],
    ]);
  });

  it('looks up one resolver per site, none without a lookup', async () => {
    const mapped = createFieldResolver({ Etat: 'status' });
    const asked: string[] = [];
    const resolvers = await resolversOf(
      [{ site: 'x' }, { site: 'y' }, { site: 'x' }],
      async (site) => (asked.push(site), site === 'x' ? mapped : synonymResolver),
    );
    expect(asked).toEqual(['x', 'y']);
    expect(resolvers.get('x')).toBe(mapped);
    expect((await resolversOf([{ site: 'x' }], undefined)).size).toBe(0);
  });
});

describe('KPI churn states with a recorded outcome', () => {
  it('takes the outcome as the state from when it was recorded; later sightings do not relabel', () => {
    const sightings = [
      { at: 1, fields: { Status: 'Active' } },
      { at: 5, fields: { Status: 'Churned' } },
      { at: 9, fields: { Status: 'Churned' } },
    ];
    const definition = DEFAULT_INDICATOR_SETTINGS.churn;
    expect(churnStates(sightings, sightings[2]!, [], definition, undefined)).toEqual([
      { at: 1, churned: false },
      { at: 5, churned: true },
    ]);
    expect(churnStates(sightings, sightings[2]!, [], definition, undefined, undefined, { kind: 'retained', at: 7 })).toEqual([
      { at: 1, churned: false },
      { at: 5, churned: true },
      { at: 7, churned: false },
    ]);
  });
});
