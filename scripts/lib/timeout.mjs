// @ts-check
/**
 * A bound on a promise, for the measuring scripts (eval, bench, sweep): a browser call that never
 * settles (a page whose own script holds its main thread, a crashed tab) must become a failed row,
 * not a run that never ends.
 */

/** The rejection of withTimeout, told apart from the promise's own failures. */
export class TimeoutError extends Error {}

/**
 * `promise`, or a TimeoutError ("WHAT timed out after MS ms") once `ms` have passed.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer));
}
