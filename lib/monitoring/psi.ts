/**
 * Population stability index: PSI = Σ (a − e) · ln(a / e) over bins, e the
 * reference (training) share of a bin and a the recent share. Empty bins
 * would make it infinite, so each share is floored at PSI_FLOOR (the usual
 * practice; 0.0001 is the common choice) before the sum.
 *
 * Levels (decided here; the issue names 0.2 as the flag, the common
 * industry reading is 0.1 / 0.25): below 0.1 stable, 0.1–0.2 "watch"
 * (shown, no warning), above 0.2 "drift" — the warning that offers a
 * challenger. 0.2 rather than 0.25 because it is the issue's own figure.
 */

export const PSI_FLOOR = 1e-4;
export const PSI_WATCH = 0.1;
export const PSI_DRIFT = 0.2;

export type PsiLevel = 'stable' | 'watch' | 'drift';

/** PSI of two share vectors over the same bins (shares need not be normalised: each is divided by its own total). */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new RangeError(`expected (${expected.length}) and actual (${actual.length}) have different bins`);
  const e = normalised(expected);
  const a = normalised(actual);
  if (!e || !a) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(PSI_FLOOR, e[i]!);
    const ai = Math.max(PSI_FLOOR, a[i]!);
    sum += (ai - ei) * Math.log(ai / ei);
  }
  return sum;
}

function normalised(values: readonly number[]): number[] | null {
  let total = 0;
  for (const v of values) total += v;
  return total > 0 ? values.map((v) => v / total) : null;
}

export function psiLevel(value: number): PsiLevel {
  if (!(value > PSI_WATCH)) return 'stable';
  return value > PSI_DRIFT ? 'drift' : 'watch';
}
