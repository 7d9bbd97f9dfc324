/**
 * The quality goals of "Also mentioned" (lib/terms/discover) on the labelled fixtures in
 * test/fixtures/discovery, scored exactly as `npm run eval:discovery` does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPage } from '../../../scripts/lib/discovery-run';
import { foldLabel, scorePage, summarise, type Labels } from '../../../scripts/lib/discovery-score.mjs';

const DIR = path.join(import.meta.dirname, '../../fixtures/discovery');

describe('discovery scoring', () => {
  test('folds case and accents; duplicates count but are reported', () => {
    expect(foldLabel('EL PAÍS')).toBe('el pais');
    const s = scorePage('x', [{ label: 'Sheinbaum' }, { label: 'claudia sheinbaum' }, { label: 'Hardly' }], {
      want: [['Claudia Sheinbaum', 'Sheinbaum'], ['ISIS']],
      ok: [],
    });
    expect(s).toMatchObject({ correct: 2, suggestions: 3, found: 1, want: 2, wrong: ['Hardly'], missed: ['ISIS'], duplicates: ['claudia sheinbaum'] });
  });
});

describe('discovery on the labelled fixtures', () => {
  test('precision and recall are at least 0.85 overall', () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    expect(names.length).toBeGreaterThanOrEqual(11);
    const pages = names.map((name) => {
      const labels = JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Labels;
      // Stylesheet links only make happy-dom log a refused load.
      const html = readFileSync(path.join(DIR, `${name}.html`), 'utf8').replace(/<link[^>]*>/gu, '');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return scorePage(name, runPage(doc, labels.lang).suggestions, labels);
    });
    const summary = summarise(pages);
    expect(summary.precision).toBeGreaterThanOrEqual(0.85);
    expect(summary.recall).toBeGreaterThanOrEqual(0.85);
  });
});
