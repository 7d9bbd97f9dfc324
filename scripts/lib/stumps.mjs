// @ts-check
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
export function fitStumps(X, y, w = X.map(() => 1), { rounds = 150, rate = 0.2, minLeaf = 10, lambda = 1 } = {}) {
  const n = X.length;
  const d = n ? (X[0]?.length ?? 0) : 0;
  let pos = 0;
  let all = 0;
  for (let i = 0; i < n; i++) {
    pos += (w[i] ?? 1) * (y[i] ?? 0);
    all += w[i] ?? 1;
  }
  const base = Math.log((pos + 1) / (all - pos + 1));
  const F = new Float64Array(n).fill(base);
  // Each feature's row order, sorted once: X never changes between rounds.
  const orders = Array.from({ length: d }, (_, j) => [...Array(n).keys()].sort((a, b) => (X[a]?.[j] ?? 0) - (X[b]?.[j] ?? 0)));
  /** @type {Map<string, [number, number, number]>} */
  const merged = new Map();
  let shift = 0;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let round = 0; round < rounds; round++) {
    let G = 0;
    let H = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(F[i] ?? 0)));
      const wi = w[i] ?? 1;
      g[i] = (p - (y[i] ?? 0)) * wi;
      h[i] = p * (1 - p) * wi;
      G += g[i] ?? 0;
      H += h[i] ?? 0;
    }
    /** @type {{ gain: number, j: number, t: number, left: number, right: number } | null} */
    let best = null;
    for (let j = 0; j < d; j++) {
      const order = /** @type {number[]} */ (orders[j]);
      let gl = 0;
      let hl = 0;
      for (let k = 0; k < n - 1; k++) {
        const i = /** @type {number} */ (order[k]);
        gl += g[i] ?? 0;
        hl += h[i] ?? 0;
        if (k + 1 < minLeaf || n - k - 1 < minLeaf) continue;
        const here = X[i]?.[j] ?? 0;
        const next = X[/** @type {number} */ (order[k + 1])]?.[j] ?? 0;
        if (next === here) continue;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (G * G) / (H + lambda);
        if (!best || gain > best.gain) best = { gain, j, t: (here + next) / 2, left: -gl / (hl + lambda), right: -gr / (hr + lambda) };
      }
    }
    if (!best || best.gain <= 1e-9) break;
    const { j, t, left, right } = best;
    for (let i = 0; i < n; i++) F[i] = (F[i] ?? 0) + rate * ((X[i]?.[j] ?? 0) > t ? right : left);
    shift += rate * left;
    const key = `${j}:${t}`;
    const split = merged.get(key) ?? [j, t, 0];
    split[2] += rate * (right - left);
    merged.set(key, split);
  }
  const splits = [...merged.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { base: base + shift, splits };
}

/**
 * The model's log-odds for row `x`.
 * @param {StumpModel} model
 * @param {number[]} x
 */
export function logOdds(model, x) {
  let s = model.base;
  for (const [j, t, points] of model.splits) if ((x[j] ?? 0) > t) s += points;
  return s;
}

/** @param {StumpModel} model @param {number[]} x */
export const probability = (model, x) => 1 / (1 + Math.exp(-logOdds(model, x)));

/**
 * Rounds a model for writing out: thresholds to 4 significant digits, points to 3 decimals. A
 * threshold is a midpoint between two values seen in training, so rounding keeps it between them
 * unless the two are closer than the rounding; such a split is merged into its neighbour.
 * @param {StumpModel} model
 * @returns {StumpModel}
 */
export function roundModel(model) {
  /** @type {Map<string, [number, number, number]>} */
  const merged = new Map();
  for (const [j, t, points] of model.splits) {
    const rt = Number(t.toPrecision(4));
    const key = `${j}:${rt}`;
    const split = merged.get(key) ?? [j, rt, 0];
    split[2] += points;
    merged.set(key, split);
  }
  const splits = [...merged.values()].map(([j, t, p]) => /** @type {[number, number, number]} */ ([j, t, Number(p.toFixed(3))])).filter((s) => s[2] !== 0);
  return { base: Number(model.base.toFixed(3)), splits };
}

/** A small deterministic generator (for fold assignment), so a fit is reproducible. @param {number} seed */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

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
export function outOfFold(X, y, w, options, { folds = 5, repeats = 3, seed = 7 } = {}) {
  const out = [];
  for (let r = 0; r < repeats; r++) {
    const rand = random(seed + r);
    const fold = X.map(() => Math.floor(rand() * folds));
    /** @type {number[]} */
    const p = new Array(X.length).fill(NaN);
    for (let k = 0; k < folds; k++) {
      const train = X.map((_, i) => i).filter((i) => fold[i] !== k);
      const model = fitStumps(train.map((i) => /** @type {number[]} */ (X[i])), train.map((i) => y[i] ?? 0), train.map((i) => w[i] ?? 1), options);
      X.forEach((x, i) => {
        if (fold[i] === k) p[i] = probability(model, x);
      });
    }
    out.push(p);
  }
  return out;
}
