/** Which input columns drive the final model: mean |contribution| per source column over a seeded sample of rows. */
import { compileGbt } from './gbt/predict';
import { ensureCpuBackend } from './logistic';
import { deriveSeed, mulberry32, shuffleInPlace } from './prng';
import { ensembleRuntime, gbtRuntime, runtimeForLayers } from './runtime';
import { membersOf, type FittedNetworks } from './train-fit';
import type { NetworkModelKind } from './types';

/** Rows whose explanations give the feature importance. */
const IMPORTANCE_ROWS = 1000;

/** Mean |contribution| (calibrated log-odds) per source column over up to IMPORTANCE_ROWS seeded rows, largest first. */
export async function columnImportance(
  kind: NetworkModelKind,
  fitted: FittedNetworks,
  x: Float32Array,
  n: number,
  baseline: number[],
  featureSource: readonly string[],
  scale: number,
  seed: number,
): Promise<{ source: string; importance: number }[]> {
  const d = baseline.length;
  const pick =
    n <= IMPORTANCE_ROWS
      ? Array.from({ length: n }, (_, i) => i)
      : shuffleInPlace(
          Array.from({ length: n }, (_, i) => i),
          mulberry32(deriveSeed(seed, 0x1a)),
        ).slice(0, IMPORTANCE_ROWS);
  const sample = new Float32Array(pick.length * d);
  pick.forEach((row, r) => sample.set(x.subarray(row * d, row * d + d), r * d));
  await ensureCpuBackend();
  const runtimes = membersOf(kind).map((m) =>
    m === 'gbt' ? gbtRuntime(compileGbt(fitted.gbt!), baseline) : runtimeForLayers(m, m === 'logistic' ? fitted.logistic! : fitted.mlp!, baseline),
  );
  const runtime = runtimes.length > 1 ? ensembleRuntime(runtimes) : runtimes[0]!;
  try {
    const a = runtime.attributions(sample, pick.length);
    const sums = new Map<string, number>();
    for (let r = 0; r < pick.length; r++) {
      const perColumn = new Map<string, number>();
      for (let i = 0; i < d; i++) perColumn.set(featureSource[i]!, (perColumn.get(featureSource[i]!) ?? 0) + a[r * d + i]!);
      for (const [source, v] of perColumn) sums.set(source, (sums.get(source) ?? 0) + Math.abs(v * scale));
    }
    return [...sums]
      .map(([source, total]) => ({ source, importance: total / pick.length }))
      .sort((p, q) => q.importance - p.importance || (p.source < q.source ? -1 : 1));
  } finally {
    runtime.dispose();
  }
}
