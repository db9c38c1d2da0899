/**
 * Structural checks of a tree ensemble read from a model file, after zod has
 * checked types and finiteness: every index in range, children after their
 * parent (so a walk always ends), every node but the root reached exactly
 * once, a depth cap, and size caps so a hostile file cannot make scoring
 * slow or deep.
 */
import type { GbtModel } from './types';

export const MAX_TREES = 5000;
export const MAX_TREE_NODES = 8191;
export const MAX_TREE_DEPTH = 32;
const MAX_TOTAL_NODES = 1_000_000;

/** The first problem, or null. `at` names the field in messages (e.g. "gbt"). */
export function gbtProblem(model: GbtModel, inputs: number, at = 'gbt'): string | null {
  if (model.trees.length === 0) return `${at}.trees: a gradient-boosted trees model needs at least one tree`;
  if (model.trees.length > MAX_TREES) return `${at}.trees: ${model.trees.length} trees is more than the ${MAX_TREES} allowed`;
  let total = 0;
  for (const [k, t] of model.trees.entries()) {
    const where = `${at}.trees.${k}`;
    const m = t.feature.length;
    if (m === 0) return `${where}: a tree needs at least one node`;
    if (m > MAX_TREE_NODES) return `${where}: ${m} nodes is more than the ${MAX_TREE_NODES} allowed`;
    total += m;
    if (total > MAX_TOTAL_NODES) return `${at}.trees: more than ${MAX_TOTAL_NODES} nodes in all`;
    for (const field of ['threshold', 'left', 'right', 'value', 'missingLeft', 'cover'] as const) {
      if (t[field].length !== m) return `${where}.${field} has ${t[field].length} entries but the tree has ${m} nodes`;
    }
    const parents = new Uint8Array(m);
    const depth = new Uint8Array(m);
    for (let i = 0; i < m; i++) {
      const f = t.feature[i]!;
      if (!Number.isInteger(f) || f < -1 || f >= inputs) return `${where}.feature[${i}] is ${f}, expected −1 (a leaf) or an input 0…${inputs - 1}`;
      if (t.missingLeft[i] !== 0 && t.missingLeft[i] !== 1) return `${where}.missingLeft[${i}] must be 0 or 1`;
      if (f < 0) {
        if (t.left[i] !== -1 || t.right[i] !== -1) return `${where}: leaf ${i} must have left = right = −1`;
        continue;
      }
      for (const child of [t.left[i]!, t.right[i]!]) {
        if (!Number.isInteger(child) || child <= i || child >= m) return `${where}: node ${i} has child ${child}, expected a later node ${i + 1}…${m - 1}`;
        if (parents[child]! > 0) return `${where}: node ${child} has more than one parent`;
        parents[child] = 1;
        depth[child] = depth[i]! + 1;
        if (depth[child]! > MAX_TREE_DEPTH) return `${where}: deeper than the ${MAX_TREE_DEPTH} levels allowed`;
      }
      if (t.left[i] === t.right[i]) return `${where}: node ${i} has the same left and right child`;
    }
    for (let i = 1; i < m; i++) if (parents[i] !== 1) return `${where}: node ${i} is not reached from the root`;
  }
  return null;
}
