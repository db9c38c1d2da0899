import { describe, expect, it } from 'vitest';
import { challengerKind, challengerRequest } from '@/lib/monitoring/challenger';
import { evenSample } from '@/lib/monitoring/monitoring-inputs';
import type { TrainingRowsView } from '@/lib/training/training-rows';

const view = (rows: TrainingRowsView['rows']): TrainingRowsView => ({
  columns: ['Tenure', 'Contract', 'Status', 'churn_label'],
  rows,
  label: 'churn_label',
  positive: 'Yes',
  customers: rows.length,
  unlabelled: 0,
  sites: ['http://crm.test'],
  churned: rows.filter((r) => r.churn_label === 'Yes').length,
});

describe('the challenger request', () => {
  it("keeps the champion's kind where it can be trained here", () => {
    expect(challengerKind('gbt')).toBe('gbt');
    expect(challengerKind('mlp')).toBe('mlp');
    expect(challengerKind('ensemble')).toBe('auto');
    expect(challengerKind('scorecard')).toBe('logistic');
    expect(challengerKind('layers')).toBe('logistic');
  });

  it('leaves out what the leakage check flags and names it, with the champion as parent', () => {
    // Status gives the label away (Churned ⇔ Yes): it must not be an input of the challenger.
    const rows = Array.from({ length: 120 }, (_, i) => ({
      Tenure: String(i % 50),
      Contract: i % 3 ? 'Yearly' : 'Monthly',
      Status: i % 4 ? 'Active' : 'Churned',
      churn_label: i % 4 ? 'No' : 'Yes',
    }));
    const built = challengerRequest(view(rows), { id: 'champion-id', kind: 'gbt' }, { name: 'Challenger', source: 'Customers seen in the CRM' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.leftOut).toContain('Status');
    expect(built.request.specs.find((s) => s.name === 'Status')?.kind).toBe('ignore');
    expect(built.request.specs.find((s) => s.name === 'Tenure')?.kind).toBe('numeric');
    expect(built.request).toMatchObject({ label: 'churn_label', positive: 'Yes', kind: 'gbt', parent: 'champion-id', folds: 5, name: 'Challenger' });
  });

  it('says why when the rows cannot be trained on', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ Tenure: String(i), Contract: 'Monthly', Status: 'Active', churn_label: 'No' }));
    const built = challengerRequest(view(rows), { id: 'c', kind: 'logistic' }, { name: 'x', source: 'y' });
    expect(built).toMatchObject({ ok: false });
    expect(!built.ok && built.problems).toContain('label-one-value');
  });
});

describe('evenSample', () => {
  it('keeps everything when small, else evenly spread picks', () => {
    expect(evenSample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(
      evenSample(
        Array.from({ length: 10 }, (_, i) => i),
        4,
      ),
    ).toEqual([0, 2, 5, 7]);
  });
});
