/** A gradient-boosted trees model as stored in a model file (kind 'gbt'). */

/**
 * One tree as parallel arrays over its nodes; node 0 is the root and a
 * child always comes after its parent. An internal node sends a row left
 * when x[feature] ≤ threshold (a missing value: left when missingLeft is 1);
 * a leaf has feature −1 and adds its value to the log-odds.
 */
export interface GbtTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  missingLeft: (0 | 1)[] | number[];
  /** Hessian mass of the training rows that reached the node. */
  cover: number[];
}

export interface GbtModel {
  /** Log-odds before any tree. */
  base: number;
  trees: GbtTree[];
}

export interface GbtShape {
  maxLeaves: number;
  maxDepth: number;
}

export interface GbtSettings {
  /** Most boosting rounds (early stopping usually stops sooner). */
  rounds: number;
  /** Rounds of the final fit on all rows (from the CV folds' early stopping). */
  finalRounds?: number;
  learningRate: number;
  /** The tree shape (of the final fit: the shape the CV folds chose most often). */
  maxLeaves: number;
  maxDepth: number;
  /** Shapes searched on each fold's validation split (absent: maxLeaves/maxDepth only). */
  shapes?: GbtShape[];
  minDataInLeaf: number;
  minChildWeight: number;
  l2: number;
  /** Share of rows each tree is grown on. */
  rowSample: number;
  /** Share of inputs each tree may split on. */
  colSample: number;
  maxBins: number;
  /** Stop after this many rounds without a better validation loss. */
  patience: number;
  /** Share of the training rows held out for early stopping. */
  validationShare: number;
  /** Gradient-based one-side sampling instead of `rowSample` from `minRows` training rows on (absent: never). */
  goss?: { top: number; other: number; minRows: number };
}
