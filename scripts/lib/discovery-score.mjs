// @ts-check
/**
 * Scoring for `npm run eval:discovery` (pure, unit-tested in test/unit/terms/discover-eval.test.ts).
 *
 * Labels per page: `{ lang, want: string[][], ok: string[][] }`; each entry lists the acceptable
 * surface forms of one suggestion. A suggestion matches an entry when its label equals one of the
 * forms after case and diacritic folding.
 *  - precision = suggestions matching a want or ok entry / all suggestions listed;
 *  - recall    = want entries matched by some suggestion / all want entries.
 * Overall figures pool the pages (micro average), so long pages weigh more.
 * A second suggestion matching an entry already matched counts as correct (as specified) but is
 * reported under `duplicates`: two suggestions for one person are a merging miss.
 */

/**
 * @typedef {{ lang?: string, want: string[][], ok?: string[][] }} Labels
 * @typedef {{ label: string }} Labelled
 * @typedef {{ name: string, suggestions: number, correct: number, want: number, found: number,
 *   precision: number, recall: number, wrong: string[], missed: string[], duplicates: string[] }} PageScore
 * @typedef {{ precision: number, recall: number, pages: PageScore[] }} Summary
 */

/**
 * Case and diacritic folding, typographic apostrophes and hyphens straightened.
 * @param {string} s
 */
export function foldLabel(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Scores one page's suggestions against its labels.
 * @param {string} name
 * @param {readonly Labelled[]} suggestions
 * @param {Labels} labels
 * @returns {PageScore}
 */
export function scorePage(name, suggestions, labels) {
  const want = labels.want.map((forms) => new Set(forms.map(foldLabel)));
  const ok = (labels.ok ?? []).map((forms) => new Set(forms.map(foldLabel)));
  /** @type {Set<Set<string>>} */
  const matched = new Set();
  /** @type {string[]} */
  const wrong = [];
  /** @type {string[]} */
  const duplicates = [];
  let correct = 0;
  for (const s of suggestions) {
    const key = foldLabel(s.label);
    const entry = [...want, ...ok].find((forms) => forms.has(key));
    if (!entry) { wrong.push(s.label); continue; }
    correct++;
    if (matched.has(entry)) duplicates.push(s.label);
    matched.add(entry);
  }
  const found = want.filter((e) => matched.has(e)).length;
  const missed = labels.want.filter((_, i) => !matched.has(/** @type {Set<string>} */ (want[i]))).map((forms) => forms[0] ?? '');
  return {
    name,
    suggestions: suggestions.length,
    correct,
    want: want.length,
    found,
    precision: suggestions.length ? correct / suggestions.length : 1,
    recall: want.length ? found / want.length : 1,
    wrong,
    missed,
    duplicates,
  };
}

/**
 * Pools page scores.
 * @param {PageScore[]} pages
 * @returns {Summary}
 */
export function summarise(pages) {
  const sum = (/** @type {(p: PageScore) => number} */ f) => pages.reduce((n, p) => n + f(p), 0);
  const listed = sum((p) => p.suggestions);
  const want = sum((p) => p.want);
  return {
    precision: listed ? sum((p) => p.correct) / listed : 1,
    recall: want ? sum((p) => p.found) / want : 1,
    pages,
  };
}
