/**
 * Plain-JS scoring of a tree ensemble: every tree's nodes flattened into one
 * set of typed arrays (so a row walks cache-friendly memory, no objects),
 * raw log-odds = base + Σ leaf values.
 */
import type { GbtModel } from './types';

export interface CompiledGbt {
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  missingLeft: Uint8Array;
  cover: Float64Array;
}

export function compileGbt(model: GbtModel): CompiledGbt {
  let total = 0;
  for (const t of model.trees) total += t.feature.length;
  const c: CompiledGbt = {
    base: model.base,
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    missingLeft: new Uint8Array(total),
    cover: new Float64Array(total),
  };
  let at = 0;
  model.trees.forEach((t, k) => {
    c.roots[k] = at;
    for (let i = 0; i < t.feature.length; i++) {
      const leaf = t.feature[i]! < 0;
      c.feature[at + i] = leaf ? -1 : t.feature[i]!;
      c.threshold[at + i] = t.threshold[i]!;
      c.left[at + i] = leaf ? -1 : at + t.left[i]!;
      c.right[at + i] = leaf ? -1 : at + t.right[i]!;
      c.value[at + i] = t.value[i]!;
      c.missingLeft[at + i] = t.missingLeft[i] ? 1 : 0;
      c.cover[at + i] = t.cover[i]!;
    }
    at += t.feature.length;
  });
  return c;
}

/** The leaf a row (x[offset…offset+d)) reaches in the tree rooted at `root`. */
function leafOf(c: CompiledGbt, root: number, x: ArrayLike<number>, offset: number): number {
  const { feature, threshold, left, right, missingLeft } = c;
  let node = root;
  for (let f = feature[node]!; f >= 0; f = feature[node]!) {
    const v = x[offset + f]!;
    node = v <= threshold[node]! ? left[node]! : v === v ? right[node]! : missingLeft[node] ? left[node]! : right[node]!;
  }
  return node;
}

/** Raw log-odds of n row-major rows of d inputs. */
export function gbtLogits(c: CompiledGbt, x: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  const { roots, value } = c;
  for (let r = 0; r < n; r++) {
    let z = c.base;
    const offset = r * d;
    for (let k = 0; k < roots.length; k++) z += value[leafOf(c, roots[k]!, x, offset)]!;
    out[r] = z;
  }
  return out;
}
