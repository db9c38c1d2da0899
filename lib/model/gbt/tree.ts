/**
 * Growing one regression tree on binned inputs from gradients and hessians
 * of the loss (second-order boosting, as XGBoost/LightGBM): leaf-wise (the
 * leaf whose best split gains most is split next) up to `maxLeaves` leaves
 * and `maxDepth` levels. A split's gain is
 *   G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
 * and a leaf's value −G/(H+λ)·learning rate. Missing values (bin 0) are tried
 * on both sides of every cut and go where they gain most; an input with no
 * missing training value sends them to the side with more rows.
 *
 * Histograms of (Σg, Σh, count) per bin make a split search O(bins), and a
 * child's histogram is its parent's minus its sibling's, so only the smaller
 * child's rows are read (LightGBM's subtraction trick).
 */
import type { CodeLayout } from './binning';
import type { GbtTree } from './types';

export interface TreeParams {
  maxLeaves: number;
  maxDepth: number;
  minDataInLeaf: number;
  minChildWeight: number;
  l2: number;
  learningRate: number;
}

/** Binned training data shared by every tree of one boosting run. */
export interface BinnedData {
  /** Row-major bin codes, `width` per row (a histogram pass reads each row's codes contiguously); see binning.ts CodeLayout. */
  codes: Uint8Array;
  n: number;
  /** Inputs (of the model; not all have a code column). */
  d: number;
  width: number;
  /** Code column of each input, and its bundle level (−1: its own bin code). */
  column: Int32Array;
  level: Int32Array;
  /** Bundle of each bundled input (−1 for the others), each bundle's code column and first histogram slot. */
  bundleOf: Int32Array;
  bundleColumn: Int32Array;
  bundleOffset: Int32Array;
  /** Bins per input including the missing bin 0 (cut points + 2). */
  binCount: Int32Array;
  /** First histogram slot of each input. */
  offset: Int32Array;
  totalBins: number;
  /** Histogram slots: every input's bins, then every bundle's (levels + 1). */
  histBins: number;
  cuts: Float64Array[];
  /** Partition buffer, reused by every tree. */
  scratch: Uint32Array;
}

/** Binned data over `codes` laid out as `layout` (default: one code column per input, as binMatrix writes). */
export function binnedData(codes: Uint8Array, n: number, cuts: Float64Array[], layout?: CodeLayout): BinnedData {
  const d = cuts.length;
  const binCount = new Int32Array(d);
  const offset = new Int32Array(d);
  let total = 0;
  for (let j = 0; j < d; j++) {
    offset[j] = total;
    binCount[j] = cuts[j]!.length + 2;
    total += binCount[j]!;
  }
  const column = layout?.column ?? Int32Array.from({ length: d }, (_, j) => j);
  const level = layout?.level ?? new Int32Array(d).fill(-1);
  const bundles = layout?.bundles ?? [];
  const bundleOf = new Int32Array(d).fill(-1);
  const bundleColumn = new Int32Array(bundles.length);
  const bundleOffset = new Int32Array(bundles.length);
  let slots = total;
  bundles.forEach((b, k) => {
    for (const j of b.inputs) bundleOf[j] = k;
    bundleColumn[k] = b.column;
    bundleOffset[k] = slots;
    slots += b.inputs.length + 1;
  });
  return {
    codes,
    n,
    d,
    width: layout?.width ?? d,
    column,
    level,
    bundleOf,
    bundleColumn,
    bundleOffset,
    binCount,
    offset,
    totalBins: total,
    histBins: slots,
    cuts,
    scratch: new Uint32Array(n),
  };
}

/** Bin code of input j in row i (a bundled one-hot: 2 when its level is the one set, else 1). */
function codeAt(data: BinnedData, i: number, j: number): number {
  const raw = data.codes[i * data.width + data.column[j]!]!;
  const level = data.level[j]!;
  return level < 0 ? raw : raw === level ? 2 : 1;
}

interface Split {
  gain: number;
  feature: number;
  /** Rows with a bin code 1…bin go left. */
  bin: number;
  missingLeft: boolean;
  gL: number;
  hL: number;
  cL: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  hist: Float64Array;
  g: number;
  h: number;
  c: number;
  split: Split | null;
}

/** A grown tree: raw thresholds for prediction and, for training, the bin of each split. */
export interface GrownTree {
  tree: GbtTree;
  /** Split bin per node (−1 for leaves), to route binned rows. */
  bins: number[];
}

/**
 * The (Σg, Σh, count) histogram of `features` over the rows order[start…end),
 * written into `hist` (3 slots per bin, at the data's per-input offsets).
 * A bundle is read once per row; its members' bins are then spelled out
 * (value 1: the bundle's slot of that level; value 0: the rest; no missing).
 */
export function buildHistogram(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  order: Uint32Array,
  start: number,
  end: number,
  features: Int32Array,
  hist: Float64Array,
): void {
  const { codes, width, column, level, offset, bundleOf } = data;
  const cols: number[] = [];
  const slots: number[] = [];
  const bundles = new Set<number>();
  for (const j of features) {
    const b = bundleOf[j]!;
    if (b < 0) {
      cols.push(column[j]!);
      slots.push(offset[j]!);
    } else if (!bundles.has(b)) {
      bundles.add(b);
      cols.push(data.bundleColumn[b]!);
      slots.push(data.bundleOffset[b]!);
    }
  }
  const nc = cols.length;
  const col = Int32Array.from(cols);
  const slot = Int32Array.from(slots);
  hist.fill(0);
  let G = 0;
  let H = 0;
  for (let r = start; r < end; r++) {
    const i = order[r]!;
    const g = grad[i]!;
    const h = hess[i]!;
    G += g;
    H += h;
    const row = i * width;
    for (let c = 0; c < nc; c++) {
      const k = (slot[c]! + codes[row + col[c]!]!) * 3;
      hist[k]! += g;
      hist[k + 1]! += h;
      hist[k + 2]! += 1;
    }
  }
  if (bundles.size === 0) return;
  const count = end - start;
  for (const j of features) {
    const b = bundleOf[j]!;
    if (b < 0) continue;
    const from = (data.bundleOffset[b]! + level[j]!) * 3;
    const at = offset[j]! * 3;
    hist[at + 6] = hist[from]!;
    hist[at + 7] = hist[from + 1]!;
    hist[at + 8] = hist[from + 2]!;
    hist[at + 3] = G - hist[from]!;
    hist[at + 4] = H - hist[from + 1]!;
    hist[at + 5] = count - hist[from + 2]!;
  }
}

/** parent −= child over `features`: the sibling's histogram without reading its rows. */
export function subtractHistogram(data: BinnedData, parent: Float64Array, child: Float64Array, features: Int32Array): void {
  for (let f = 0; f < features.length; f++) {
    const j = features[f]!;
    const from = data.offset[j]! * 3;
    const to = from + data.binCount[j]! * 3;
    for (let k = from; k < to; k++) parent[k]! -= child[k]!;
  }
}

/**
 * Grows a tree on the rows order[0…count) (a bagged sample) using only
 * `features`. `order` is reordered in place.
 */
export function growTree(
  data: BinnedData,
  grad: Float64Array,
  hess: Float64Array,
  order: Uint32Array,
  count: number,
  features: Int32Array,
  params: TreeParams,
  pool: Float64Array[],
): GrownTree {
  const { binCount, offset, histBins, scratch } = data;
  const takeHist = () => pool.pop() ?? new Float64Array(3 * histBins);
  const buildHist = (hist: Float64Array, start: number, end: number) => buildHistogram(data, grad, hess, order, start, end, features, hist);

  const { l2, minDataInLeaf, minChildWeight } = params;
  const score = (g: number, h: number) => (g * g) / (h + l2);
  const findSplit = (leaf: Leaf): Split | null => {
    if (leaf.depth >= params.maxDepth || leaf.c < 2 * minDataInLeaf) return null;
    const { hist, g: G, h: H, c: C } = leaf;
    const parent = score(G, H);
    let best: Split | null = null;
    for (let f = 0; f < features.length; f++) {
      const j = features[f]!;
      const base = offset[j]! * 3;
      const gm = hist[base]!;
      const hm = hist[base + 1]!;
      const cm = hist[base + 2]!;
      let gl = 0;
      let hl = 0;
      let cl = 0;
      const last = binCount[j]! - 1;
      for (let b = 1; b < last; b++) {
        const k = base + b * 3;
        gl += hist[k]!;
        hl += hist[k + 1]!;
        cl += hist[k + 2]!;
        if (hist[k + 2] === 0) continue;
        for (let side = 0; side < (cm > 0 ? 2 : 1); side++) {
          const left = side === 1;
          const gL = left ? gl + gm : gl;
          const hL = left ? hl + hm : hl;
          const cL = left ? cl + cm : cl;
          const cR = C - cL;
          const hR = H - hL;
          if (cL < minDataInLeaf || cR < minDataInLeaf || hL < minChildWeight || hR < minChildWeight) continue;
          const gain = score(gL, hL) + score(G - gL, hR) - parent;
          if (gain > 1e-12 && (best === null || gain > best.gain)) {
            best = { gain, feature: j, bin: b, missingLeft: cm > 0 ? left : cL >= cR, gL, hL, cL };
          }
        }
      }
    }
    return best;
  };

  const tree: GbtTree = { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0], missingLeft: [0], cover: [0] };
  const bins: number[] = [-1];
  let g = 0;
  let h = 0;
  for (let r = 0; r < count; r++) {
    g += grad[order[r]!]!;
    h += hess[order[r]!]!;
  }
  const root: Leaf = { node: 0, start: 0, end: count, depth: 0, hist: takeHist(), g, h, c: count, split: null };
  buildHist(root.hist, 0, count);
  root.split = findSplit(root);
  const leaves: Leaf[] = [root];

  while (leaves.length < params.maxLeaves) {
    let pick = -1;
    for (let i = 0; i < leaves.length; i++) {
      const s = leaves[i]!.split;
      if (s && (pick < 0 || s.gain > leaves[pick]!.split!.gain)) pick = i;
    }
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const s = leaf.split!;
    // Stable partition of the leaf's rows: left rows first.
    let nl = 0;
    let nr = 0;
    for (let r = leaf.start; r < leaf.end; r++) {
      const i = order[r]!;
      const code = codeAt(data, i, s.feature);
      if (code === 0 ? s.missingLeft : code <= s.bin) order[leaf.start + nl++] = i;
      else scratch[nr++] = i;
    }
    order.set(scratch.subarray(0, nr), leaf.start + nl);
    const mid = leaf.start + nl;

    const li = tree.feature.length;
    for (const _ of [0, 1]) {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      tree.missingLeft.push(0);
      tree.cover.push(0);
      bins.push(-1);
    }
    tree.feature[leaf.node] = s.feature;
    tree.threshold[leaf.node] = data.cuts[s.feature]![s.bin - 1]!;
    tree.left[leaf.node] = li;
    tree.right[leaf.node] = li + 1;
    tree.missingLeft[leaf.node] = s.missingLeft ? 1 : 0;
    bins[leaf.node] = s.bin;

    const left: Leaf = { node: li, start: leaf.start, end: mid, depth: leaf.depth + 1, hist: leaf.hist, g: s.gL, h: s.hL, c: s.cL, split: null };
    const right: Leaf = {
      node: li + 1,
      start: mid,
      end: leaf.end,
      depth: leaf.depth + 1,
      hist: leaf.hist,
      g: leaf.g - s.gL,
      h: leaf.h - s.hL,
      c: leaf.c - s.cL,
      split: null,
    };
    const [small, large] = left.c <= right.c ? [left, right] : [right, left];
    small.hist = takeHist();
    buildHist(small.hist, small.start, small.end);
    subtractHistogram(data, large.hist, small.hist, features);
    left.split = findSplit(left);
    right.split = findSplit(right);
    leaves.splice(pick, 1, left, right);
  }

  for (const leaf of leaves) {
    tree.value[leaf.node] = (-leaf.g / (leaf.h + l2)) * params.learningRate;
    pool.push(leaf.hist);
  }
  // Cover (hessian mass) of every node, leaves up: the tree's own record of how much data each branch saw.
  for (const leaf of leaves) tree.cover[leaf.node] = leaf.h;
  for (let node = tree.feature.length - 1; node >= 0; node--) {
    if (tree.feature[node]! >= 0) tree.cover[node] = tree.cover[tree.left[node]!]! + tree.cover[tree.right[node]!]!;
  }
  return { tree, bins };
}

/** Adds the tree's value for every row of the binned data to `scores`. */
export function addTreeBinned(grown: GrownTree, data: BinnedData, scores: Float64Array): void {
  const { tree, bins } = grown;
  for (let i = 0; i < data.n; i++) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      const code = codeAt(data, i, tree.feature[node]!);
      node = (code === 0 ? tree.missingLeft[node] === 1 : code <= bins[node]!) ? tree.left[node]! : tree.right[node]!;
    }
    scores[i]! += tree.value[node]!;
  }
}
