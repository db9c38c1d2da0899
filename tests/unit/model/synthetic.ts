/** Test data with a known logistic structure, generated from a seed (no fixtures needed). */
import { mulberry32 } from '@/lib/model/prng';
import type { RawRow } from '@/lib/model/types';

export interface SyntheticOptions {
  rows?: number;
  seed?: number;
}

/** Columns: id (identifier), fee (money text), tenure ("n months"), partner (Yes/No), plan (3 levels), note (free text), churn (Yes/No). */
export function syntheticChurn({ rows = 600, seed = 1 }: SyntheticOptions = {}): { rows: RawRow[]; columns: string[] } {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const plans = ['basic', 'pro', 'team'];
  const out: RawRow[] = [];
  for (let i = 0; i < rows; i++) {
    const fee = Math.round((50 + 20 * normal()) * 100) / 100;
    const tenure = Math.floor(random() * 60);
    const partner = random() < 0.5;
    const plan = plans[Math.floor(random() * 3)]!;
    const z = -0.5 + 0.04 * (fee - 50) - 0.05 * (tenure - 30) - 0.8 * (partner ? 1 : 0) + (plan === 'basic' ? 0.9 : plan === 'team' ? -0.6 : 0);
    const churn = random() < 1 / (1 + Math.exp(-z));
    out.push({
      id: `C${String(100000 + i)}`,
      fee: i % 97 === 5 ? '' : i % 2 ? `$${fee.toFixed(2)}` : fee.toFixed(2),
      tenure: `${tenure} months`,
      partner: partner ? 'Yes' : 'No',
      plan,
      note: `free text ${Math.floor(random() * 1e9)}`,
      churn: churn ? 'Yes' : 'No',
    });
  }
  return { rows: out, columns: ['id', 'fee', 'tenure', 'partner', 'plan', 'note', 'churn'] };
}

/** Exact minimiser of mean log loss + l2·‖w‖² (bias unpenalised) by Newton's method, in float64. */
export function newtonLogistic(x: ArrayLike<number>, y: ArrayLike<number>, d: number, l2: number): { weights: number[]; bias: number } {
  const n = y.length;
  const D = d + 1;
  const w = new Array<number>(D).fill(0);
  const feature = (i: number, j: number) => (j < d ? x[i * d + j]! : 1);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(D).fill(0);
    const H = Array.from({ length: D }, () => new Array<number>(D).fill(0));
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < D; j++) z += w[j]! * feature(i, j);
      const p = 1 / (1 + Math.exp(-z));
      const s = p * (1 - p);
      for (let j = 0; j < D; j++) {
        g[j]! += ((p - y[i]!) * feature(i, j)) / n;
        for (let k = 0; k < D; k++) H[j]![k]! += (s * feature(i, j) * feature(i, k)) / n;
      }
    }
    for (let j = 0; j < d; j++) {
      g[j]! += 2 * l2 * w[j]!;
      H[j]![j]! += 2 * l2;
    }
    const step = solve(H, g);
    let size = 0;
    for (let j = 0; j < D; j++) {
      w[j]! -= step[j]!;
      size = Math.max(size, Math.abs(step[j]!));
    }
    if (size < 1e-12) break;
  }
  return { weights: w.slice(0, d), bias: w[d]! };
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}
