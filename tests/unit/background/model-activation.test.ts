import { describe, expect, it } from 'vitest';
import { appendHistory, inputOverlap, modelToReplace, planActivation, planRollback, rollbackTarget } from '@/lib/background/model-activation';
import type { ActivationEvent } from '@/lib/messaging/protocol';

const telco = { id: 'telco', inputs: ['tenure', 'Contract', 'MonthlyCharges', 'TechSupport'] };
const shoppers = { id: 'shoppers', inputs: ['ind:recency_days', 'ind:order_count'] };
const telco2 = { id: 'telco2', inputs: ['tenure', 'Contract', 'MonthlyCharges', 'PaymentMethod'] };

describe('input overlap', () => {
  it('is shared / all distinct columns', () => {
    expect(inputOverlap(telco.inputs, telco2.inputs)).toBeCloseTo(3 / 5, 12);
    expect(inputOverlap(telco.inputs, shoppers.inputs)).toBe(0);
    expect(inputOverlap(['a', 'a'], ['a'])).toBe(1);
    expect(inputOverlap([], [])).toBe(0);
  });
  it('picks the active model overlapping most, the earlier one on ties, none without overlap', () => {
    expect(modelToReplace([shoppers, telco], telco2)).toBe('telco');
    expect(modelToReplace([shoppers], telco2)).toBeNull();
    const twin = { id: 'twin', inputs: telco.inputs };
    expect(modelToReplace([twin, telco], telco2)).toBe('twin');
  });
});

describe('activation', () => {
  it('replaces the overlapping model and puts the new one first', () => {
    const plan = planActivation(['telco', 'shoppers'], [telco, shoppers], telco2, 100);
    expect(plan).toEqual({ activeIds: ['telco2', 'shoppers'], event: { at: 100, action: 'activate', activated: 'telco2', replaced: 'telco' } });
  });
  it('adds a model that overlaps nothing', () => {
    expect(planActivation(['telco'], [telco], shoppers, 5).activeIds).toEqual(['shoppers', 'telco']);
  });
  it('moves an already active model to the front without replacing anything, and is a no-op when it is first', () => {
    expect(planActivation(['shoppers', 'telco'], [shoppers, telco], telco, 5)).toEqual({
      activeIds: ['telco', 'shoppers'],
      event: { at: 5, action: 'activate', activated: 'telco', replaced: null },
    });
    expect(planActivation(['telco'], [telco], telco, 5)).toEqual({ activeIds: ['telco'], event: null });
  });
});

describe('rollback', () => {
  const history: ActivationEvent[] = [
    { at: 1, action: 'activate', activated: 'telco2', replaced: 'telco' },
    { at: 2, action: 'activate', activated: 'telco3', replaced: 'telco2' },
  ];
  it('brings back what the model replaced, in its place', () => {
    expect(rollbackTarget(history, 'telco3')).toBe('telco2');
    const plan = planRollback(['shoppers', 'telco3'], history, 'telco3', () => true, 3);
    expect(plan).toEqual({
      activeIds: ['shoppers', 'telco2'],
      restored: 'telco2',
      event: { at: 3, action: 'rollback', activated: 'telco2', replaced: 'telco3' },
    });
  });
  it('walks back instead of toggling: a rolled-back-to model rolls back to what it replaced', () => {
    const after = appendHistory(history, { at: 3, action: 'rollback', activated: 'telco2', replaced: 'telco3' });
    expect(rollbackTarget(after, 'telco2')).toBe('telco');
    expect(planRollback(['telco2'], after, 'telco2', () => true, 4).activeIds).toEqual(['telco']);
  });
  it('only deactivates when there is nothing (left) to bring back', () => {
    expect(planRollback(['telco', 'shoppers'], history, 'telco', () => true, 5)).toEqual({
      activeIds: ['shoppers'],
      restored: null,
      event: { at: 5, action: 'deactivate', activated: null, replaced: 'telco' },
    });
    // The replaced model was deleted meanwhile.
    expect(planRollback(['telco3'], history, 'telco3', (id) => id !== 'telco2', 5).restored).toBeNull();
    // Or it is already active elsewhere.
    expect(planRollback(['telco3', 'telco2'], history, 'telco3', () => true, 5).activeIds).toEqual(['telco2']);
  });
  it('refuses a model that is not active', () => {
    expect(() => planRollback(['telco'], history, 'telco3', () => true, 5)).toThrow(RangeError);
  });
});

describe('history', () => {
  it('appends and keeps the newest events only', () => {
    const events = Array.from({ length: 3 }, (_, i): ActivationEvent => ({ at: i, action: 'activate', activated: `m${i}`, replaced: null }));
    expect(appendHistory(events, null)).toEqual(events);
    expect(appendHistory(events, { at: 9, action: 'deactivate', activated: null, replaced: 'm2' }, 2).map((e) => e.at)).toEqual([2, 9]);
  });
});
