// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
/**
 * Gradient-boosted one-split trees ("stumps") for a yes/no label, as used by
 * scripts/fit-article-model.mjs to fit Gloss's article model (lib/article/model.ts). Logistic
 * loss, Newton leaf values, per-row weights. The fitted model is additive: a base log-odds and,
 * per split, the points added when a feature is above a threshold, so it can be written out as a
 * short table and read by a person. Pure functions, no I/O.
 */
/**
 * @typedef {object} StumpModel
 * @property {number} base  log-odds before any split
 * @property {[feature: number, threshold: number, points: number][]} splits  points added when x[feature] > threshold
 */
/**
 * @typedef {object} FitOptions
 * @property {number} [rounds]  stumps fitted (default 150)
 * @property {number} [rate]  shrinkage per stump (default 0.2)
 * @property {number} [minLeaf]  fewest rows on either side of a split (default 10)
 * @property {number} [lambda]  L2 penalty on leaf values (default 1)
 */
/**
 * Fits the model on rows `X` (numbers, one array per row) with labels `y` (0/1) and weights `w`.
 * @param {number[][]} X
 * @param {number[]} y
 * @param {number[]} [w]
 * @param {FitOptions} [options]
 * @returns {StumpModel}
 */
export function fitStumps(X: number[][], y: number[], w?: number[], { rounds, rate, minLeaf, lambda }?: FitOptions): StumpModel;
/**
 * The model's log-odds for row `x`.
 * @param {StumpModel} model
 * @param {number[]} x
 */
export function logOdds(model: StumpModel, x: number[]): number;
/**
 * Rounds a model for writing out: thresholds to 4 significant digits, points to 3 decimals. A
 * threshold is a midpoint between two values seen in training, so rounding keeps it between them
 * unless the two are closer than the rounding; such a split is merged into its neighbour.
 * @param {StumpModel} model
 * @returns {StumpModel}
 */
export function roundModel(model: StumpModel): StumpModel;
/** A small deterministic generator (for fold assignment), so a fit is reproducible. @param {number} seed */
export function random(seed: number): () => number;
/**
 * Out-of-fold probabilities: `folds`-fold cross-validation repeated `repeats` times, each row
 * scored by models that never saw it. Returns one array of probabilities per repeat.
 * @param {number[][]} X
 * @param {number[]} y
 * @param {number[]} w
 * @param {FitOptions} options
 * @param {{ folds?: number, repeats?: number, seed?: number }} [cv]
 * @returns {number[][]}
 */
export function outOfFold(X: number[][], y: number[], w: number[], options: FitOptions, { folds, repeats, seed }?: {
    folds?: number;
    repeats?: number;
    seed?: number;
}): number[][];
export function probability(model: StumpModel, x: number[]): number;
export type StumpModel = {
    /**
     * log-odds before any split
     */
    base: number;
    /**
     * points added when x[feature] > threshold
     */
    splits: [feature: number, threshold: number, points: number][];
};
export type FitOptions = {
    /**
     * stumps fitted (default 150)
     */
    rounds?: number | undefined;
    /**
     * shrinkage per stump (default 0.2)
     */
    rate?: number | undefined;
    /**
     * fewest rows on either side of a split (default 10)
     */
    minLeaf?: number | undefined;
    /**
     * L2 penalty on leaf values (default 1)
     */
    lambda?: number | undefined;
};
