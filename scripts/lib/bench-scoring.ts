/**
 * How fast a trained model scores customers in the background, single
 * thread, in Node: `benchScoring()` makes deterministic synthetic Telco-like
 * rows (the IBM Telco columns, as CSV text: "29.85", "Month-to-month",
 * "Yes"…), trains a logistic regression, an MLP, gradient-boosted trees
 * and the lr + MLP ensemble on 3,000 of them (2-fold CV, no learning curve: the training is not what is
 * timed), then times `Scorer.predict` on 100,000 rows — raw text in,
 * calibrated probabilities out, preprocessing included — and
 * `scoreAndExplain` on 2,000. Each figure is the best of three warm passes
 * after one warm-up pass.
 * Target: ≥ 100,000 customers/s for predict (every kind, trees included).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '@/lib/model/prng';
import { createScorer } from '@/lib/model/scorer';
import { trainModel } from '@/lib/model/train';
import type { NetworkModelKind, RawRow, Scorer } from '@/lib/model/types';

export interface ScoringBench {
  rows: number;
  features: Record<NetworkModelKind, number>;
  /** Scorer.predict over `rows` customers, rows per second (best of three). */
  rowsPerSecond: Record<NetworkModelKind, number>;
  /** Scorer.scoreAndExplain (probability + reasons) on `explainRows` customers, rows per second. */
  explainRowsPerSecond: Record<NetworkModelKind, number>;
  explainRows: number;
}

const COLUMNS = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'Dependents',
  'tenure',
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'Contract',
  'PaperlessBilling',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
  'Churn',
];

/** Telco-like customers with a churn signal (month-to-month, short tenure, fibre, e-check raise it). */
export function telcoLikeRows(n: number, seed = 1): RawRow[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const yesNo = () => (random() < 0.5 ? 'Yes' : 'No');
  const rows: RawRow[] = [];
  for (let i = 0; i < n; i++) {
    const tenure = Math.floor(random() * 73);
    const contract = pick(['Month-to-month', 'Month-to-month', 'One year', 'Two year']);
    const internet = pick(['DSL', 'Fiber optic', 'No']);
    const service = () => (internet === 'No' ? 'No internet service' : yesNo());
    const payment = pick(['Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)']);
    const monthly = Math.round((20 + random() * 100) * 100) / 100;
    const z =
      -1 + (contract === 'Month-to-month' ? 1.2 : -0.8) - 0.04 * tenure + (internet === 'Fiber optic' ? 0.7 : 0) + (payment === 'Electronic check' ? 0.4 : 0);
    rows.push({
      customerID: `${1000 + i}-BENCH`,
      gender: random() < 0.5 ? 'Female' : 'Male',
      SeniorCitizen: random() < 0.16 ? '1' : '0',
      Partner: yesNo(),
      Dependents: yesNo(),
      tenure: String(tenure),
      PhoneService: random() < 0.9 ? 'Yes' : 'No',
      MultipleLines: pick(['Yes', 'No', 'No phone service']),
      InternetService: internet,
      OnlineSecurity: service(),
      OnlineBackup: service(),
      DeviceProtection: service(),
      TechSupport: service(),
      StreamingTV: service(),
      StreamingMovies: service(),
      Contract: contract,
      PaperlessBilling: yesNo(),
      PaymentMethod: payment,
      MonthlyCharges: monthly.toFixed(2),
      TotalCharges: tenure === 0 ? ' ' : (monthly * tenure).toFixed(2),
      Churn: random() < 1 / (1 + Math.exp(-z)) ? 'Yes' : 'No',
    });
  }
  return rows;
}

function bestRate(scorer: Scorer, rows: RawRow[], run: (s: Scorer, rows: RawRow[]) => unknown): number {
  run(scorer, rows); // warm-up: JIT, parse memos
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    run(scorer, rows);
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(rows.length / (best / 1000));
}

export async function benchScoring(options: { rows?: number; explainRows?: number } = {}): Promise<ScoringBench> {
  tf.env().set('PROD', true);
  const n = options.rows ?? 100_000;
  const explainN = options.explainRows ?? 2_000;
  const training = telcoLikeRows(3_000, 7);
  const scoring = telcoLikeRows(n, 8).map(({ Churn: _, ...row }) => row);
  const kinds: NetworkModelKind[] = ['logistic', 'mlp', 'gbt', 'ensemble'];
  const result: ScoringBench = {
    rows: n,
    features: { logistic: 0, mlp: 0, gbt: 0, ensemble: 0 },
    rowsPerSecond: { logistic: 0, mlp: 0, gbt: 0, ensemble: 0 },
    explainRowsPerSecond: { logistic: 0, mlp: 0, gbt: 0, ensemble: 0 },
    explainRows: explainN,
  };
  for (const kind of kinds) {
    const { artifact } = await trainModel({
      rows: training,
      columns: COLUMNS,
      label: 'Churn',
      folds: 2,
      model: kind,
      learningCurve: false,
      name: `bench ${kind}`,
      trainedBy: 'scripts/lib/bench-scoring.ts',
      source: 'synthetic Telco-like rows',
    });
    const scorer = await createScorer(artifact);
    try {
      result.features[kind] = artifact.metrics.features;
      result.rowsPerSecond[kind] = bestRate(scorer, scoring, (s, rows) => s.predict(rows));
      result.explainRowsPerSecond[kind] = bestRate(scorer, scoring.slice(0, explainN), (s, rows) => s.scoreAndExplain(rows));
    } finally {
      scorer.dispose();
    }
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchScoring()));
}
