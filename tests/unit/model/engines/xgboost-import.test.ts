/**
 * A real XGBoost 1.7 model trained on the Telco file (scripts/engines/make-xgboost-fixture.py)
 * imported and scored by the product's own scorer: every row's probability equals XGBoost's
 * predict_proba within 1e-6, and the explanations add up.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createScorer } from '@/lib/model/scorer';
import { importXgboost } from '@/lib/model/engines/xgboost-import';
import type { RawRow } from '@/lib/model/types';

const dir = 'tests/fixtures/engines';
const modelText = readFileSync(`${dir}/telco-xgboost.json`, 'utf8');
const specText = readFileSync(`${dir}/telco-xgboost.spec.json`, 'utf8');
const expected = JSON.parse(readFileSync(`${dir}/telco-xgboost.proba.json`, 'utf8')) as { proba: number[]; blankMonthlyChargesEvery: number };
const now = new Date('2026-12-07T12:00:00Z');

function telcoRows(): RawRow[] {
  const csv = readFileSync('tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv', 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  // The same cells the fixture script blanked (missing values take the trees' default branches).
  return rows.map((row, i) => (i % expected.blankMonthlyChargesEvery === 0 ? { ...row, MonthlyCharges: '' } : row));
}

describe('XGBoost JSON import', () => {
  const artifact = importXgboost({ modelText, specText, fileName: 'telco-xgboost.json', now });

  it('becomes a product gbt model of format 3 with one mapped column per CRM label', () => {
    expect(artifact.kind).toBe('gbt');
    expect(artifact.formatVersion).toBe(3);
    expect(artifact.trainedBy).toMatch(/^XGBoost 1\.7\.\d+ \(imported, binary:logistic\)$/);
    expect(artifact.preprocessor.featureNames).toHaveLength(41);
    const contract = artifact.preprocessor.columns.find((c) => c.name === 'Contract');
    expect(contract?.kind === 'mapped' && contract.inputs.map((i) => i.name)).toEqual(['Contract_Month-to-month', 'Contract_One year', 'Contract_Two year']);
    expect(artifact.gbt!.trees).toHaveLength(120);
  });

  it("gives XGBoost's own predict_proba on all 7,043 rows within 1e-6", async () => {
    const rows = telcoRows();
    expect(rows).toHaveLength(expected.proba.length);
    const scorer = await createScorer(artifact);
    const p = scorer.predict(rows);
    let worst = 0;
    for (let i = 0; i < rows.length; i++) worst = Math.max(worst, Math.abs(p[i]! - expected.proba[i]!));
    expect(worst).toBeLessThan(1e-6);
    // Missing values were exercised: the blanked rows differ from the same rows with their value.
    const blanked = rows.filter((_, i) => i % expected.blankMonthlyChargesEvery === 0).length;
    expect(blanked).toBeGreaterThan(250);
  });

  it('explains with Shapley values that add up to the distance from the baseline customer', async () => {
    const scorer = await createScorer(artifact);
    const rows = telcoRows().slice(1, 40);
    const baselineZ = logit(scorer.predict([{}])[0]!);
    for (const row of rows) {
      const reasons = scorer.explain(row);
      const sum = reasons.reduce((s, r) => s + r.contribution, 0);
      expect(sum).toBeCloseTo(logit(scorer.predict([row])[0]!) - baselineZ, 3);
      expect(reasons.some((r) => r.field === 'Contract')).toBe(true);
    }
  });
});

const logit = (p: number) => Math.log(p / (1 - p));
