// @ts-check
/**
 * Figures for `npm run bench`: medians, nearest-rank percentiles, ratios, and the report's
 * formatting. Pure, so the benchmark's arithmetic can be read (and tested) apart from the
 * browser driving.
 */

/**
 * Nearest-rank percentile of the finite values (NaN when there are none).
 * @param {readonly number[]} values
 * @param {number} p  in [0, 100]
 * @returns {number}
 */
export function percentile(values, p) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * v.length));
  return /** @type {number} */ (v[Math.min(v.length, rank) - 1]);
}

/**
 * Median (the mean of the two middle values for an even count); NaN when empty.
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? /** @type {number} */ (v[mid]) : (/** @type {number} */ (v[mid - 1]) + /** @type {number} */ (v[mid])) / 2;
}

/**
 * @param {number} a
 * @param {number} b
 * @returns {number} a / b, or NaN when undefined
 */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

/**
 * @typedef {object} StageSummary
 * @property {number} pages  pages where the stage ran
 * @property {number} medianMs
 * @property {number} p95Ms
 */

/**
 * @param {readonly number[]} values
 * @returns {StageSummary}
 */
export function summarize(values) {
  const v = values.filter(Number.isFinite);
  return { pages: v.length, medianMs: median(v), p95Ms: percentile(v, 95) };
}

/**
 * @param {number} n
 * @returns {string}
 */
export function fmtMs(n) {
  if (!Number.isFinite(n)) return 'n/a';
  return n < 10 ? `${n.toFixed(2)} ms` : n < 1000 ? `${n.toFixed(1)} ms` : `${(n / 1000).toFixed(2)} s`;
}

/**
 * @param {number} n
 * @param {number} [digits]
 * @returns {string}
 */
export function fmtRatio(n, digits = 2) {
  return Number.isFinite(n) ? `${n.toFixed(digits)}x` : 'n/a';
}

/**
 * @param {number} n
 * @returns {string}
 */
export function fmtBytes(n) {
  if (!Number.isFinite(n)) return 'n/a';
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * A verdict for the report: `✓` when `value` meets the goal, `✗` otherwise, `?` when unknown.
 * @param {number} value
 * @param {'<=' | '>='} op
 * @param {number} goal
 * @returns {string}
 */
export function verdict(value, op, goal) {
  if (!Number.isFinite(value)) return '?';
  return (op === '<=' ? value <= goal : value >= goal) ? '✓' : '✗';
}
