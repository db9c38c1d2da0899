import { describe, expect, it } from 'vitest';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import { DEFAULT_CHURN_DEFINITION, type ChurnDefinition, type CustomerHistory } from '@/lib/indicators/types';
import { churnKind, definitionCounts, definitionProblems, reasonFieldCandidates, statusText, valueCounts } from '@/lib/risk/churn-definition';

const DAY = 86_400_000;
const asOf = Date.parse('2024-06-30T00:00:00Z');
const def = (over: Partial<ChurnDefinition> = {}): ChurnDefinition => ({
  ...DEFAULT_CHURN_DEFINITION,
  reasonField: null,
  involuntaryReasons: ['Payment failed'],
  ...over,
});
const h = (fields: Record<string, string>, orders: { daysAgo: number; amount?: number }[] = []): CustomerHistory => ({
  asOf,
  fields,
  observations: [],
  activities: orders.map((o, i) => ({
    id: `o${i}`,
    kind: 'order' as const,
    at: asOf - o.daysAgo * DAY,
    ...(o.amount === undefined ? {} : { amount: o.amount }),
  })),
});

describe('definitionCounts', () => {
  const histories = [
    h({ Status: 'Churned', 'Churn reason': 'Payment failed' }),
    h({ Status: 'Churned', 'Churn reason': 'Competitor offer' }),
    h({ Status: 'Active' }),
    h({ Status: 'Active' }, [{ daysAgo: 200, amount: 10 }]),
    h({}, [
      { daysAgo: 40, amount: 10 },
      { daysAgo: 150, amount: 100 },
    ]),
    h({ Plan: 'Gold' }),
  ];

  it('counts churned, partially churned, active and unknown with the training labels', () => {
    const counts = definitionCounts(histories, def());
    expect(counts).toMatchObject({ customers: 6, churned: 3, partial: 1, active: 1, unknown: 1 });
    expect(counts.byRule).toEqual({ status: 2, inactivity: 1, partial_spend_drop: 1 });
  });

  it('changes when the inactivity days change', () => {
    expect(definitionCounts(histories, def({ inactivityDays: 365 })).churned).toBe(2);
    expect(definitionCounts(histories, def({ inactivityDays: 30 })).churned).toBe(4);
  });

  it('splits voluntary from involuntary churn when a reason field is named', () => {
    const counts = definitionCounts(histories, def({ reasonField: 'Churn reason' }));
    expect(counts).toMatchObject({ involuntary: 1, voluntary: 1, noReason: 2 });
    expect(definitionCounts(histories, def()).voluntary).toBe(0);
  });
});

describe('churnKind', () => {
  it('matches involuntary reasons ignoring case and spaces', () => {
    expect(churnKind({ Why: ' payment  FAILED ' }, def({ reasonField: 'Why' }))).toBe('involuntary');
    expect(churnKind({ Why: 'Price' }, def({ reasonField: 'Why' }))).toBe('voluntary');
    expect(churnKind({ Why: '' }, def({ reasonField: 'Why' }))).toBeNull();
    expect(churnKind({ Why: 'Price' }, def())).toBeNull();
  });
});

describe('definitionProblems', () => {
  it('accepts the default and names each bad field', () => {
    expect(definitionProblems(def())).toEqual([]);
    expect(definitionProblems(def({ statusValues: [], inactivityDays: null, partialSpendDrop: null }))).toEqual(['noRule']);
    expect(definitionProblems(def({ inactivityDays: 0 }))).toEqual(['inactivityDays']);
    expect(definitionProblems(def({ inactivityDays: 1.5 }))).toEqual(['inactivityDays']);
    expect(definitionProblems(def({ windowDays: 3 }))).toEqual(['windowDays']);
    expect(definitionProblems(def({ partialSpendDrop: 1.5 }))).toEqual(['spendDrop']);
    expect(definitionProblems(def({ statusValues: ['  '] }))).toEqual(['statusValues']);
    expect(definitionProblems(def({ reasonField: ' ' }))).toEqual(['reasonField']);
  });
});

describe('status and reason values', () => {
  it('reads the status through the site mapping, else the synonyms', () => {
    expect(statusText({ Status: 'Active' })).toBe('Active');
    expect(statusText({ Lifecycle: 'Gone' })).toBeUndefined();
    expect(statusText({ Lifecycle: 'Gone' }, createFieldResolver({ Lifecycle: 'status' }))).toBe('Gone');
  });

  it('counts distinct values, most common first, blanks left out', () => {
    expect(valueCounts(['Active', 'active ', 'Churned', undefined, '', 'Active'])).toEqual([
      { value: 'Active', count: 3 },
      { value: 'Churned', count: 1 },
    ]);
    expect(valueCounts(['a', 'b', 'c'], 2)).toHaveLength(2);
  });

  it('finds fields that can hold a churn reason', () => {
    expect(reasonFieldCandidates(['Status', 'Churn reason', '流失原因', 'Plan'])).toEqual(['Churn reason', '流失原因']);
  });
});
