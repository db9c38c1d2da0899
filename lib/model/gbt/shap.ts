/**
 * Exact Shapley values of a tree ensemble's log-odds against one reference
 * input r (the training baseline x̄, as every other kind explains): the game
 * v(S) = f(x with the inputs outside S taken from r), so Σᵢ φᵢ = f(x) − f(r)
 * exactly, an input equal to its reference value gets 0, and an input the
 * model never splits on gets 0. This is interventional TreeSHAP with a
 * single background row, computed exactly per leaf: a leaf is reached in
 * v(S) iff every input on its path whose test only x passes is in S (set A)
 * and every one only r passes is not (set B); that "A all in, B all out"
 * game has Shapley value v·(|A|−1)!|B|!/(|A|+|B|)! for each member of A and
 * −v·|A|!(|B|−1)!/(|A|+|B|)! for each of B. Only leaves reachable by a mix
 * of x's and r's branches are visited, at most every leaf once.
 */
import type { CompiledGbt } from './predict';

const MAX_PATH = 64;
const FACTORIAL = Float64Array.from({ length: MAX_PATH + 2 }, (_, k) => {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
});

const goesLeft = (c: CompiledGbt, node: number, v: number) => (v <= c.threshold[node]! ? true : v === v ? false : c.missingLeft[node] === 1);

/**
 * Adds φ for the row x[xOffset…+d) against `reference` to out[outOffset…+d).
 * State per input on the current path: 1 = only x passes its tests, 2 = only r, 3 = both.
 */
function addBaselineShap(c: CompiledGbt, x: ArrayLike<number>, xOffset: number, reference: ArrayLike<number>, out: Float64Array, outOffset: number): void {
  const pathFeature = new Int32Array(MAX_PATH);
  const pathState = new Uint8Array(MAX_PATH);
  let depth = 0;
  let onlyX = 0;
  let onlyR = 0;

  const walk = (node: number): void => {
    const f = c.feature[node]!;
    if (f < 0) {
      if (onlyX + onlyR === 0) return;
      const v = c.value[node]!;
      const total = FACTORIAL[onlyX + onlyR]!;
      const wx = onlyX > 0 ? (v * FACTORIAL[onlyX - 1]! * FACTORIAL[onlyR]!) / total : 0;
      const wr = onlyR > 0 ? (v * FACTORIAL[onlyX]! * FACTORIAL[onlyR - 1]!) / total : 0;
      for (let k = 0; k < depth; k++) {
        const s = pathState[k]!;
        if (s === 1) out[outOffset + pathFeature[k]!]! += wx;
        else if (s === 2) out[outOffset + pathFeature[k]!]! -= wr;
      }
      return;
    }
    const xl = goesLeft(c, node, x[xOffset + f]!);
    const rl = goesLeft(c, node, reference[f]!);
    let at = -1;
    for (let k = 0; k < depth; k++) if (pathFeature[k] === f) at = k;
    const before = at >= 0 ? pathState[at]! : 3;
    for (const toLeft of [true, false]) {
      const state = before & ((xl === toLeft ? 1 : 0) | (rl === toLeft ? 2 : 0));
      if (state === 0) continue;
      const changed = state !== before;
      if (at < 0) {
        pathFeature[depth] = f;
        pathState[depth] = state;
        depth++;
      } else pathState[at] = state;
      if (changed) {
        if (state === 1) onlyX++;
        else onlyR++;
      }
      walk(toLeft ? c.left[node]! : c.right[node]!);
      if (changed) {
        if (state === 1) onlyX--;
        else onlyR--;
      }
      if (at < 0) depth--;
      else pathState[at] = before;
    }
  };
  for (let k = 0; k < c.roots.length; k++) walk(c.roots[k]!);
}

/** n × d attributions of the rows of x against the reference, each row summing to f(x) − f(reference). */
export function gbtAttributions(c: CompiledGbt, x: ArrayLike<number>, n: number, reference: ArrayLike<number>): Float64Array {
  const d = reference.length;
  const out = new Float64Array(n * d);
  for (let r = 0; r < n; r++) addBaselineShap(c, x, r * d, reference, out, r * d);
  return out;
}
