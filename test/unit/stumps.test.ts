/** The boosted one-split trees that fit the article model (scripts/lib/stumps.mjs). */
import { describe, expect, test } from 'vitest';
import { fitStumps, logOdds, outOfFold, probability, roundModel } from '../../scripts/lib/stumps.mjs';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('fitStumps', () => {
  test('learns a threshold on the one feature that tells the classes apart', () => {
    // Feature 0 is noise, feature 1 decides: label 1 above 60.
    const X = range(100).map((i) => [(i * 37) % 11, i]);
    const y = range(100).map((i) => (i > 60 ? 1 : 0));
    const model = fitStumps(X, y);
    expect(model.splits.every(([j]) => j === 1)).toBe(true);
    expect(X.every((x, i) => probability(model, x) >= 0.5 === (y[i] === 1))).toBe(true);
    // The split sits between the two classes.
    for (const [, t] of model.splits) expect(t).toBeGreaterThan(55);
  });

  test('adds up evidence from several features', () => {
    // Either of two weak signals alone is a coin toss; both together are a yes.
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = i % 2;
      const b = Math.floor(i / 2) % 2;
      X.push([a, b]);
      y.push(a && b ? 1 : i % 4 === 0 ? 0 : i % 3 === 0 ? 1 : 0);
    }
    const model = fitStumps(X, y);
    expect(probability(model, [1, 1])).toBeGreaterThan(probability(model, [1, 0]));
    expect(probability(model, [1, 1])).toBeGreaterThan(probability(model, [0, 1]));
    expect(probability(model, [0, 0])).toBeLessThan(0.5);
  });

  test('row weights pull the split towards the heavier rows', () => {
    const X = range(40).map((i) => [i]);
    // Rows 10-19 are labelled 1 but outnumbered by 0s unless weighted.
    const y = range(40).map((i) => (i >= 30 || (i >= 10 && i < 20) ? 1 : 0));
    const light = fitStumps(X, y, undefined, { minLeaf: 5 });
    const heavy = fitStumps(X, y, range(40).map((i) => (i >= 10 && i < 20 ? 10 : 1)), { minLeaf: 5 });
    expect(probability(heavy, [15])).toBeGreaterThan(probability(light, [15]));
  });

  test('no rows or no signal: only a base rate', () => {
    expect(fitStumps([], [])).toEqual({ base: 0, splits: [] });
    const flat = fitStumps(range(30).map(() => [1]), range(30).map((i) => i % 2));
    expect(flat.splits).toEqual([]);
    expect(logOdds(flat, [1])).toBeCloseTo(0, 5);
  });
});

describe('roundModel and outOfFold', () => {
  test('rounding keeps the answers and merges splits that round together', () => {
    const model = { base: 0.12345, splits: [[0, 1.23456, 0.5], [0, 1.23459, 0.25], [1, 0.5, 0.0001]] as [number, number, number][] };
    expect(roundModel(model)).toEqual({ base: 0.123, splits: [[0, 1.235, 0.75]] });
  });

  test('every row is scored by models that never saw it, the same way for the same seed', () => {
    const X = range(60).map((i) => [i % 10, i]);
    const y = range(60).map((i) => (i > 30 ? 1 : 0));
    const a = outOfFold(X, y, X.map(() => 1), { rounds: 20 }, { repeats: 2 });
    const b = outOfFold(X, y, X.map(() => 1), { rounds: 20 }, { repeats: 2 });
    expect(a).toHaveLength(2);
    expect(a[0]!.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(a).toEqual(b);
  });
});
