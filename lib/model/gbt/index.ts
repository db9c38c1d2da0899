/** Gradient-boosted trees (model kind 'gbt'): binning, tree growth, boosting, scoring, explanations, validation. */
export * from './types';
export { fitBins, binMatrix, binOf, quantileCuts, MAX_BINS, type Bins } from './binning';
export { growTree, binnedData, addTreeBinned, type TreeParams, type BinnedData, type GrownTree } from './tree';
export { fitGbt, DEFAULT_GBT, type GbtFitOptions, type GbtHooks } from './boost';
export { compileGbt, gbtLogits, leafOf, type CompiledGbt } from './predict';
export { gbtAttributions, addBaselineShap } from './shap';
export { gbtProblem, MAX_TREES, MAX_TREE_NODES, MAX_TREE_DEPTH, MAX_TOTAL_NODES } from './validate';
