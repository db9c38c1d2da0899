/**
 * Probability calibration on out-of-fold raw log-odds, so that "0.7" means
 * about 70 %.
 *
 * - Platt (the default): p = σ(a·z + b), a and b fitted by Newton's method on
 *   the log loss (with Platt's smoothed targets, so a perfectly separated
 *   set does not send a to infinity). Two parameters: stable on a few
 *   hundred rows, keeps the ranking (a > 0), and, being linear in z, keeps
 *   explanations exact: contributions × a add up to the calibrated log-odds
 *   minus the calibrated baseline log-odds.
 * - Isotonic (on request): pool-adjacent-violators on z, a non-decreasing
 *   step function, linearly interpolated. More flexible, needs more rows
 *   (it overfits small sets and makes ties), and is not linear in z (the
 *   scorer then reports contributions on the raw model scale).
 *
 * The class weights used in training shift and stretch raw log-odds;
 * calibration undoes that, which is why it is always fitted.
 */
import type { Calibration } from './types';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Platt scaling of raw log-odds z against 0/1 labels. Falls back to the identity (a = 1, b = 0) when it cannot fit. */
export function fitPlatt(z: ArrayLike<number>, y: ArrayLike<number>): Extract<Calibration, { method: 'platt' }> {
  const n = z.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i]! ? 1 : 0;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { method: 'platt', a: 1, b: 0 };
  // Platt (1999): targets (N+ + 1)/(N+ + 2) and 1/(N- + 2) instead of 1 and 0.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const t = y[i]! ? hi : lo;
      const s = a * z[i]! + b;
      // log(1 + e^s) − t·s, computed without overflow
      sum += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - t * s;
    }
    return sum;
  };
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0,
      gb = 0,
      haa = 1e-12,
      hab = 0,
      hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const t = y[i]! ? hi : lo;
      const p = sigmoid(a * z[i]! + b);
      const r = p - t;
      const w = p * (1 - p);
      ga += r * z[i]!;
      gb += r;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) break;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    // Backtracking: Newton steps on a convex loss, halved until the loss drops.
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    da *= step;
    db *= step;
    a -= da;
    b -= db;
    const improved = current - next;
    current = next;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
    if (improved >= 0 && improved < 1e-12 * n) break;
  }
  if (!(a > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return { method: 'platt', a: 1, b: 0 };
  return { method: 'platt', a, b };
}

/**
 * Isotonic regression of labels on z (pool adjacent violators), as points
 * (block mean of z, block rate), at most `maxPoints` (blocks merged evenly
 * by row count beyond that).
 */
export function fitIsotonic(z: ArrayLike<number>, y: ArrayLike<number>, maxPoints = 200): Extract<Calibration, { method: 'isotonic' }> {
  const order = Array.from({ length: z.length }, (_, i) => i).sort((i, j) => z[i]! - z[j]! || i - j);
  const blocks: { sumZ: number; sumY: number; count: number }[] = [];
  for (let k = 0; k < order.length; ) {
    // Tied scores form one block first: they must get one value.
    let sumZ = 0,
      sumY = 0,
      count = 0;
    const value = z[order[k]!]!;
    while (k < order.length && z[order[k]!] === value) {
      sumZ += value;
      sumY += y[order[k]!]! ? 1 : 0;
      count++;
      k++;
    }
    blocks.push({ sumZ, sumY, count });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sumY / prev.count <= last.sumY / last.count) break;
      prev.sumZ += last.sumZ;
      prev.sumY += last.sumY;
      prev.count += last.count;
      blocks.pop();
    }
  }
  let points = blocks;
  if (points.length > maxPoints) {
    const merged: typeof blocks = [];
    const per = order.length / maxPoints;
    let acc = { sumZ: 0, sumY: 0, count: 0 };
    let seen = 0;
    for (const b of points) {
      acc.sumZ += b.sumZ;
      acc.sumY += b.sumY;
      acc.count += b.count;
      seen += b.count;
      if (seen >= per * (merged.length + 1)) {
        merged.push(acc);
        acc = { sumZ: 0, sumY: 0, count: 0 };
      }
    }
    if (acc.count > 0) merged.push(acc);
    points = merged;
  }
  if (points.length === 1) {
    const only = points[0]!;
    const mid = only.sumZ / only.count;
    return { method: 'isotonic', x: [mid - 1, mid + 1], y: [only.sumY / only.count, only.sumY / only.count] };
  }
  return { method: 'isotonic', x: points.map((b) => b.sumZ / b.count), y: points.map((b) => b.sumY / b.count) };
}

/** A calibrated probability for raw log-odds z; without a calibration, σ(z). */
export function calibrate(calibration: Calibration | undefined, z: number): number {
  if (!calibration) return sigmoid(z);
  if (calibration.method === 'platt') return sigmoid(calibration.a * z + calibration.b);
  const { x, y } = calibration;
  if (z <= x[0]!) return y[0]!;
  const last = x.length - 1;
  if (z >= x[last]!) return y[last]!;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= z) lo = mid;
    else hi = mid;
  }
  const t = (z - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/** The factor that turns raw log-odds contributions into calibrated log-odds (Platt's a; 1 otherwise). */
export function contributionScale(calibration: Calibration | undefined): number {
  return calibration?.method === 'platt' ? calibration.a : 1;
}

export type CalibrationMethod = 'platt' | 'isotonic' | 'none';

export function fitCalibration(method: CalibrationMethod, z: ArrayLike<number>, y: ArrayLike<number>): Calibration | undefined {
  if (method === 'none') return undefined;
  return method === 'platt' ? fitPlatt(z, y) : fitIsotonic(z, y);
}
