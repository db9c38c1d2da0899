/**
 * Nelder–Mead simplex minimisation (standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5). Derivative-free, so the
 * likelihoods fitted with it need no gradients; an objective returning a
 * non-finite value marks a point as outside the feasible region.
 */
export interface MinimizeOptions {
  /** Initial simplex edge along each axis. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's objective values differ by less than this. */
  tolerance?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const { step = 0.5, maxIterations = 2000, tolerance = 1e-10 } = options;
  const n = start.length;
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))].map((x) => ({ x, v: value(x) }));
  const along = (from: readonly number[], to: readonly number[], t: number) => from.map((a, i) => a + t * (to[i]! - a));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance) && Number.isFinite(worst.v)) {
      return { x: best.x, value: best.v, iterations, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i]! += simplex[k]!.x[i]! / n;

    const reflected = along(centroid, worst.x, -1);
    const vr = value(reflected);
    if (vr < best.v) {
      const expanded = along(centroid, worst.x, -2);
      const ve = value(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
      continue;
    }
    if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr };
      continue;
    }
    const contracted = vr < worst.v ? along(centroid, reflected, 0.5) : along(centroid, worst.x, 0.5);
    const vc = value(contracted);
    if (vc < Math.min(vr, worst.v)) {
      simplex[n] = { x: contracted, v: vc };
      continue;
    }
    simplex = simplex
      .map((p, k) => (k === 0 ? p : { x: along(best.x, p.x, 0.5), v: Number.NaN }))
      .map((p) => (Number.isNaN(p.v) ? { x: p.x, v: value(p.x) } : p));
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations, converged: false };
}
