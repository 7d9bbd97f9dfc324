// @ts-check
/**
 * Pure scoring for `npm run eval:article` (scripts/eval-article.mjs): body-text shingle matching
 * exactly as the Zyte article-extraction-benchmark scores it, article-vs-other classification
 * figures, title comparison, the WCXB page-type mapping and timing quantiles. No I/O, no DOM:
 * unit-tested in test/unit/eval-metrics.test.ts.
 *
 * Body metric (see /work/shared/notes/extraction-metric.md, a port of the benchmark's
 * `evaluate.py`; with it @mozilla/readability 0.6.0 reproduces its published Zyte F1 0.947):
 *  - tokens: maximal runs of Unicode word characters (Python's `\w`: letters, digits, `_`; not
 *    combining marks), case kept;
 *  - shingles: every run of 4 consecutive tokens, as a multiset; 1-3 tokens give one shingle of
 *    all of them, no tokens give none;
 *  - per page: tp/fp/fn from the multisets, divided by their sum; precision 1 if fp = fn = 0, 0 if
 *    tp = fp = 0, else tp / (tp + fp) (recall likewise with fn);
 *  - corpus: precision = mean of per-page precision over pages with tp + fp > 0, recall = mean of
 *    per-page recall over pages with tp + fn > 0, F1 = 2PR / (P + R) of those two means.
 */

/** Python's Unicode `\w+` (letters, numbers, underscore). JS `\w` is ASCII-only. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle size of the benchmark. */
export const NGRAM = 4;

/**
 * The benchmark's tokens: maximal runs of word characters, case kept.
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function tokenize(text) {
  return text ? (text.match(TOKEN) ?? []) : [];
}

/**
 * The multiset of word n-gram shingles of a text (keys are the tokens joined by one space; tokens
 * never contain spaces, so keys are unambiguous).
 * @param {string | null | undefined} text
 * @param {number} [n]
 * @returns {Map<string, number>} shingle -> count
 */
export function shingles(text, n = NGRAM) {
  const tokens = tokenize(text);
  /** @type {Map<string, number>} */
  const counts = new Map();
  // range(0, max(1, len - n + 1)) in the Python original: a short text is one (shorter) shingle.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * @typedef {object} Match
 * @property {number} tp  shared shingles, as a share of tp + fp + fn
 * @property {number} fp  predicted shingles not in the truth, as a share
 * @property {number} fn  true shingles not predicted, as a share
 */

/**
 * Compares a prediction with the truth as the benchmark's `string_shingle_matching` does.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} pred
 * @returns {Match}
 */
export function matchShingles(truth, pred) {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/**
 * Per-page precision of the benchmark.
 * @param {Match} m
 * @returns {number}
 */
export function pagePrecision({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/**
 * Per-page recall of the benchmark.
 * @param {Match} m
 * @returns {number}
 */
export function pageRecall({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/**
 * @param {number | null} p
 * @param {number | null} r
 * @returns {number | null} 2PR / (P + R); 0 when both are 0; null when either is unknown
 */
export function f1(p, r) {
  if (p === null || r === null) return null;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/**
 * @typedef {object} PageBodyScore
 * @property {number | null} precision  null when nothing was predicted (tp + fp = 0): the page
 *   then does not count for corpus precision
 * @property {number | null} recall  null when the truth is empty (tp + fn = 0)
 * @property {number | null} f1  of this page's precision and recall (0 for an empty prediction
 *   against a non-empty truth); for reading rows only: the corpus F1 is not a mean of these
 * @property {Match} match
 */

/**
 * One page's body score.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} pred
 * @returns {PageBodyScore}
 */
export function scorePage(truth, pred) {
  const match = matchShingles(truth, pred);
  const precision = match.tp + match.fp > 0 ? pagePrecision(match) : null;
  const recall = match.tp + match.fn > 0 ? pageRecall(match) : null;
  // An empty prediction against a real truth is a miss (F1 0), not "unknown".
  const rowF1 = recall !== null && precision === null ? 0 : f1(precision, recall);
  return { precision, recall, f1: rowF1, match };
}

/**
 * @typedef {object} BodyFigures
 * @property {number | null} precision  mean per-page precision over pages with tp + fp > 0
 * @property {number | null} recall  mean per-page recall over pages with tp + fn > 0
 * @property {number | null} f1  2PR / (P + R) of the two means
 * @property {number} pages  pages scored
 */

/**
 * Corpus body figures from per-page matches, as the benchmark's `metrics_from_tp_fp_fns`.
 * @param {Match[]} matches
 * @returns {BodyFigures}
 */
export function corpusBody(matches) {
  const precisions = matches.filter((m) => m.tp + m.fp > 0).map(pagePrecision);
  const recalls = matches.filter((m) => m.tp + m.fn > 0).map(pageRecall);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: f1(precision, recall), pages: matches.length };
}

/**
 * @param {number[]} values
 * @returns {number | null} null for no values
 */
export function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/**
 * @typedef {object} ClassFigures
 * @property {number | null} precision  of "article": TP / (TP + FP); null if nothing was called an article
 * @property {number | null} recall  TP / (TP + FN); null if no page is an article
 * @property {number | null} accuracy  share of pages classed correctly
 * @property {{ tp: number, fp: number, fn: number, tn: number }} counts
 */

/**
 * Article-vs-other figures ("article" is the positive class).
 * @param {Array<{ truth: boolean, predicted: boolean }>} pairs
 * @returns {ClassFigures}
 */
export function classification(pairs) {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { truth, predicted } of pairs) {
    if (truth && predicted) counts.tp++;
    else if (!truth && predicted) counts.fp++;
    else if (truth && !predicted) counts.fn++;
    else counts.tn++;
  }
  const { tp, fp, fn, tn } = counts;
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    accuracy: pairs.length ? (tp + tn) / pairs.length : null,
    counts,
  };
}

/**
 * WCXB page types (`_internal.page_type.primary`) that count as "article". WCXB-dev has
 * article, collection, documentation, forum, listing, product and service: only `article` is a
 * single piece of editorial prose a reader would open Gloss's panel on. `documentation` (a
 * manual or API page), `forum` (a thread of posts by many people), `service` (a business's
 * landing page), `product`, `collection` and `listing` (teaser grids) are all "other", as
 * WCXB's own annotators classed them. Override with `--article-types` to try another mapping.
 */
export const WCXB_ARTICLE_TYPES = Object.freeze(['article']);

/**
 * The true class of a WCXB page type.
 * @param {string | null | undefined} pageType
 * @param {readonly string[]} [articleTypes]
 * @returns {boolean} true = article
 */
export function wcxbIsArticle(pageType, articleTypes = WCXB_ARTICLE_TYPES) {
  return !!pageType && articleTypes.includes(pageType.trim().toLowerCase());
}

/**
 * Title comparison key: Unicode-compatibility-folded (NFKC: full-width forms, ligatures), lower
 * case, and only letters, marks and digits kept, so case, whitespace and punctuation (curly or
 * straight quotes, dashes) never matter.
 * @param {string | null | undefined} title
 * @returns {string}
 */
export function titleKey(title) {
  return (title ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** A title separator: "|" anywhere, or a dash, bullet or "::" between spaces. */
const TITLE_SEPARATOR = /\s*\|\s*|\s+(?:[-–—·•»]|::)\s+/g;

/**
 * The keys of `title` with one site segment removed: its last segment ("Headline | Site") and
 * its first ("Site - Headline"), each only if the segment removed is shorter than what is left
 * (site names are short). Colons do not separate: "Madrid: the final" is one headline.
 * @param {string} title
 * @returns {string[]}
 */
function strippedKeys(title) {
  const parts = [...title.matchAll(TITLE_SEPARATOR)];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last || first.index === undefined || last.index === undefined) return [];
  /** @type {string[]} */
  const keys = [];
  const head = titleKey(title.slice(0, last.index));
  const tail = titleKey(title.slice(last.index + last[0].length));
  if (head && tail.length < head.length) keys.push(head);
  const lead = titleKey(title.slice(0, first.index));
  const rest = titleKey(title.slice(first.index + first[0].length));
  if (rest && lead.length < rest.length) keys.push(rest);
  return keys;
}

/**
 * Title accuracy test: equal keys (see {@link titleKey}), or equal once one short site-name
 * segment is stripped from either side ("Headline | Site" matches "Headline", and "Headline"
 * matches a truth of "Site - Headline"). An empty truth or prediction never matches.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function titlesMatch(truth, predicted) {
  const t = titleKey(truth);
  const p = titleKey(predicted);
  if (!t || !p) return false;
  if (t === p) return true;
  return strippedKeys(predicted ?? '').includes(t) || strippedKeys(truth ?? '').includes(p);
}

/**
 * Byline accuracy test: the keys (see {@link titleKey}) are equal, or one holds the other and
 * the shorter is at least 60% of the longer ("By Andrew King" matches "Andrew King"; one author
 * of three does not match the three). An empty truth or prediction never matches.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function bylinesMatch(truth, predicted) {
  const t = titleKey(truth);
  const p = titleKey(predicted);
  if (!t || !p) return false;
  const [short, long] = t.length <= p.length ? [t, p] : [p, t];
  return long.includes(short) && short.length >= 0.6 * long.length;
}

/**
 * The calendar date a date or time names, as YYYY-MM-DD: the date written at its start when it
 * is ISO 8601 (the publisher's own day, whatever its offset from UTC), else the UTC date of
 * whatever Date.parse reads; '' when it names none.
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function calendarDate(value) {
  const text = (value ?? '').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return iso[1] ?? '';
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/**
 * Publication-date accuracy test: both name the same calendar day (see {@link calendarDate}).
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function datesMatch(truth, predicted) {
  const t = calendarDate(truth);
  return t !== '' && t === calendarDate(predicted);
}

/**
 * Snippet check used by WCXB (`with`: must be in the main content; `without`: must not be):
 * case-insensitive, whitespace-collapsed substring test.
 * @param {string} text
 * @param {readonly string[]} snippets
 * @returns {number | null} share of snippets found in `text`; null if there are none
 */
export function snippetShare(text, snippets) {
  const norm = (/** @type {string} */ s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const hay = norm(text);
  const wanted = snippets.map(norm).filter(Boolean);
  if (!wanted.length) return null;
  return wanted.filter((s) => hay.includes(s)).length / wanted.length;
}

/**
 * Quantile by nearest rank (p95 = the value 95% of pages are at or below); the median of an
 * even count is the mean of the two middle values.
 * @param {number[]} values
 * @param {number} q  0..1
 * @returns {number | null} null for no values
 */
export function quantile(values, q) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5) {
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] ?? null : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  }
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/**
 * @typedef {object} BodyScore
 * @property {number | null} precision
 * @property {number | null} recall
 * @property {number | null} f1
 */

/**
 * What one detector did on one page.
 * @typedef {object} DetectorRow
 * @property {'article' | 'other'} predicted  Gloss: `isArticle`; Readability: isProbablyReaderable
 * @property {string} title  the detector's title
 * @property {boolean | null} titleOk  {@link titlesMatch} against the true title; null when the
 *   page has no true title or is not an article
 * @property {string} [byline]  the detector's byline
 * @property {boolean | null} [bylineOk]  {@link bylinesMatch} against the true byline; null when
 *   the page has none or is not an article
 * @property {string} [published]  the detector's publication time
 * @property {boolean | null} [publishedOk]  {@link datesMatch} against the true date; null when
 *   the page has none or is not an article
 * @property {BodyScore | null} body  body score on body-scored pages (true article with a
 *   non-empty truth), else null
 * @property {number | null} words  tokens in the predicted body text
 * @property {number | null} ms  main-thread time of the call; a timed-out call counts as the
 *   timeout (a lower bound); null when it threw
 * @property {number | null} [snippetsWith]  WCXB: share of `with` snippets in the predicted text
 * @property {number | null} [snippetsWithout]  WCXB: share of `without` snippets in it (leaks)
 * @property {string} [error]  the call threw or timed out (then predicted is 'other', no body)
 */

/**
 * @typedef {object} GlossRow
 * @property {string} reason  detectArticle's reason
 * @property {string} element  the body element, e.g. `div#main.post`
 * @property {BodyScore | null} bodyTextContent  body score with textContent instead of innerText
 * @property {number} [revealed]  ancestors hidden with `visibility: hidden` (until the page's
 *   scripts run, which they do not here) that were made visible before reading innerText
 */

/** @typedef {DetectorRow & GlossRow} GlossDetectorRow */

/**
 * @typedef {object} Row
 * @property {string} id
 * @property {'article' | 'other'} trueClass
 * @property {string | null} pageType  WCXB page type
 * @property {boolean | null} readerable  Readability layout's `readerable`
 * @property {string | null} url  original URL, if known
 * @property {number | null} truthWords  tokens in the body truth, on body-scored pages
 * @property {GlossDetectorRow | null} gloss  null when the page itself failed
 * @property {DetectorRow | null} readability  null when the page itself failed
 * @property {string} [error]  the page failed to load or crashed: excluded from all figures
 * @property {number} [loadMs]  wall time of loading the page (navigation to the load event)
 */

/**
 * @typedef {object} DetectorFigures
 * @property {{ precision: number | null, recall: number | null, accuracy: number | null }} classification
 *   all null when the corpus has no non-article pages (or no articles)
 * @property {{ precision: number | null, recall: number | null, f1: number | null }} body
 * @property {number | null} titleAccuracy
 * @property {number | null} bylineAccuracy  over pages with a true byline
 * @property {number | null} publishedAccuracy  over pages with a true publication date
 * @property {number | null} medianMs
 * @property {number | null} p95Ms
 * @property {number} errors  calls that threw or timed out
 * @property {{ with: number | null, without: number | null }} snippets  WCXB snippet shares
 *   (mean over body-scored pages that have snippets), null elsewhere
 */

/**
 * @typedef {object} Summary
 * @property {number} pages  pages run (failed ones included)
 * @property {number} failures  pages that failed to load or crashed (excluded from the figures)
 * @property {number} articles  true-article pages among those scored
 * @property {number} bodyPages  body-scored pages
 * @property {number} titlePages  title-scored pages
 * @property {number} bylinePages  byline-scored pages
 * @property {number} publishedPages  publication-date-scored pages
 * @property {DetectorFigures} gloss
 * @property {DetectorFigures} readability
 * @property {number | null} timeRatio  Gloss median time / Readability median time
 * @property {number | null} readerableAgreement  Readability layout: share of pages where Gloss's
 *   isArticle equals `readerable`; null for other layouts
 */

/**
 * Corpus figures from per-page rows (failed pages are left out).
 * @param {readonly Row[]} rows
 * @param {{ layout: string }} corpus
 * @returns {Summary}
 */
export function summarise(rows, { layout }) {
  const ok = rows.filter((r) => !r.error && r.gloss && r.readability);
  const articles = ok.filter((r) => r.trueClass === 'article').length;
  const hasBothClasses = articles > 0 && articles < ok.length;

  /** @param {'gloss' | 'readability'} key */
  const figures = (key) => {
    const det = ok.map((r) => /** @type {DetectorRow} */ (r[key]));
    const cls = classification(ok.map((r, i) => ({ truth: r.trueClass === 'article', predicted: det[i]?.predicted === 'article' })));
    const scored = det.filter((d) => d.body);
    const precisions = scored.map((d) => d.body?.precision).filter(isNumber);
    const recalls = scored.map((d) => d.body?.recall).filter(isNumber);
    const precision = mean(precisions);
    const recall = mean(recalls);
    const titled = det.filter((d) => d.titleOk !== null);
    /** @param {'bylineOk' | 'publishedOk'} k */
    const accuracy = (k) => {
      const scored = det.filter((d) => typeof d[k] === 'boolean');
      return scored.length ? scored.filter((d) => d[k]).length / scored.length : null;
    };
    const times = det.map((d) => d.ms).filter(isNumber);
    return {
      classification: hasBothClasses
        ? { precision: cls.precision, recall: cls.recall, accuracy: cls.accuracy }
        : { precision: null, recall: null, accuracy: null },
      body: { precision, recall, f1: f1(precision, recall) },
      titleAccuracy: titled.length ? titled.filter((d) => d.titleOk).length / titled.length : null,
      bylineAccuracy: accuracy('bylineOk'),
      publishedAccuracy: accuracy('publishedOk'),
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      errors: det.filter((d) => d.error).length,
      snippets: {
        with: mean(scored.map((d) => d.snippetsWith).filter(isNumber)),
        without: mean(scored.map((d) => d.snippetsWithout).filter(isNumber)),
      },
    };
  };
  const gloss = figures('gloss');
  const readability = figures('readability');
  const agreeing = ok.filter((r) => r.readerable !== null && (r.gloss?.predicted === 'article') === r.readerable);
  return {
    pages: rows.length,
    failures: rows.length - ok.length,
    articles,
    bodyPages: ok.filter((r) => r.gloss?.body).length,
    titlePages: ok.filter((r) => r.gloss?.titleOk !== null).length,
    bylinePages: ok.filter((r) => typeof r.gloss?.bylineOk === 'boolean').length,
    publishedPages: ok.filter((r) => typeof r.gloss?.publishedOk === 'boolean').length,
    gloss,
    readability,
    timeRatio: gloss.medianMs !== null && readability.medianMs ? gloss.medianMs / readability.medianMs : null,
    readerableAgreement: layout === 'readability' && ok.length ? agreeing.length / ok.length : null,
  };
}

/**
 * @param {unknown} v
 * @returns {v is number}
 */
function isNumber(v) {
  return typeof v === 'number' && Number.isFinite(v);
}
