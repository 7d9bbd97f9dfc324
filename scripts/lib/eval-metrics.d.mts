// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
/**
 * The benchmark's tokens: maximal runs of word characters, case kept.
 * @param {string | null | undefined} text
 * @returns {string[]}
 */
export function tokenize(text: string | null | undefined): string[];
/**
 * The multiset of word n-gram shingles of a text (keys are the tokens joined by one space; tokens
 * never contain spaces, so keys are unambiguous).
 * @param {string | null | undefined} text
 * @param {number} [n]
 * @returns {Map<string, number>} shingle -> count
 */
export function shingles(text: string | null | undefined, n?: number): Map<string, number>;
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
export function matchShingles(truth: string | null | undefined, pred: string | null | undefined): Match;
/**
 * Per-page precision of the benchmark.
 * @param {Match} m
 * @returns {number}
 */
export function pagePrecision({ tp, fp, fn }: Match): number;
/**
 * Per-page recall of the benchmark.
 * @param {Match} m
 * @returns {number}
 */
export function pageRecall({ tp, fp, fn }: Match): number;
/**
 * @param {number | null} p
 * @param {number | null} r
 * @returns {number | null} 2PR / (P + R); 0 when both are 0; null when either is unknown
 */
export function f1(p: number | null, r: number | null): number | null;
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
export function scorePage(truth: string | null | undefined, pred: string | null | undefined): PageBodyScore;
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
export function corpusBody(matches: Match[]): BodyFigures;
/**
 * @param {number[]} values
 * @returns {number | null} null for no values
 */
export function mean(values: number[]): number | null;
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
export function classification(pairs: Array<{
    truth: boolean;
    predicted: boolean;
}>): ClassFigures;
/**
 * The true class of a WCXB page type.
 * @param {string | null | undefined} pageType
 * @param {readonly string[]} [articleTypes]
 * @returns {boolean} true = article
 */
export function wcxbIsArticle(pageType: string | null | undefined, articleTypes?: readonly string[]): boolean;
/**
 * Title comparison key: Unicode-compatibility-folded (NFKC: full-width forms, ligatures), lower
 * case, and only letters, marks and digits kept, so case, whitespace and punctuation (curly or
 * straight quotes, dashes) never matter.
 * @param {string | null | undefined} title
 * @returns {string}
 */
export function titleKey(title: string | null | undefined): string;
/**
 * Title accuracy test: equal keys (see {@link titleKey}), or equal once one short site-name
 * segment is stripped from either side ("Headline | Site" matches "Headline", and "Headline"
 * matches a truth of "Site - Headline"). An empty truth or prediction never matches.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function titlesMatch(truth: string | null | undefined, predicted: string | null | undefined): boolean;
/**
 * Byline accuracy test: the keys (see {@link titleKey}) are equal, or one holds the other and
 * the shorter is at least 60% of the longer ("By Andrew King" matches "Andrew King"; one author
 * of three does not match the three). An empty truth or prediction never matches.
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function bylinesMatch(truth: string | null | undefined, predicted: string | null | undefined): boolean;
/**
 * The calendar date a date or time names, as YYYY-MM-DD: the date written at its start when it
 * is ISO 8601 (the publisher's own day, whatever its offset from UTC), else the UTC date of
 * whatever Date.parse reads; '' when it names none.
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function calendarDate(value: string | null | undefined): string;
/**
 * Publication-date accuracy test: both name the same calendar day (see {@link calendarDate}).
 * @param {string | null | undefined} truth
 * @param {string | null | undefined} predicted
 * @returns {boolean}
 */
export function datesMatch(truth: string | null | undefined, predicted: string | null | undefined): boolean;
/**
 * Snippet check used by WCXB (`with`: must be in the main content; `without`: must not be):
 * case-insensitive, whitespace-collapsed substring test.
 * @param {string} text
 * @param {readonly string[]} snippets
 * @returns {number | null} share of snippets found in `text`; null if there are none
 */
export function snippetShare(text: string, snippets: readonly string[]): number | null;
/**
 * Quantile by nearest rank (p95 = the value 95% of pages are at or below); the median of an
 * even count is the mean of the two middle values.
 * @param {number[]} values
 * @param {number} q  0..1
 * @returns {number | null} null for no values
 */
export function quantile(values: number[], q: number): number | null;
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
export function summarise(rows: readonly Row[], { layout }: {
    layout: string;
}): Summary;
/** Shingle size of the benchmark. */
export const NGRAM: 4;
/**
 * WCXB page types (`_internal.page_type.primary`) that count as "article". WCXB-dev has
 * article, collection, documentation, forum, listing, product and service: only `article` is a
 * single piece of editorial prose a reader would open Gloss's panel on. `documentation` (a
 * manual or API page), `forum` (a thread of posts by many people), `service` (a business's
 * landing page), `product`, `collection` and `listing` (teaser grids) are all "other", as
 * WCXB's own annotators classed them. Override with `--article-types` to try another mapping.
 */
export const WCXB_ARTICLE_TYPES: readonly string[];
export type Match = {
    /**
     * shared shingles, as a share of tp + fp + fn
     */
    tp: number;
    /**
     * predicted shingles not in the truth, as a share
     */
    fp: number;
    /**
     * true shingles not predicted, as a share
     */
    fn: number;
};
export type PageBodyScore = {
    /**
     * null when nothing was predicted (tp + fp = 0): the page
     * then does not count for corpus precision
     */
    precision: number | null;
    /**
     * null when the truth is empty (tp + fn = 0)
     */
    recall: number | null;
    /**
     * of this page's precision and recall (0 for an empty prediction
     * against a non-empty truth); for reading rows only: the corpus F1 is not a mean of these
     */
    f1: number | null;
    match: Match;
};
export type BodyFigures = {
    /**
     * mean per-page precision over pages with tp + fp > 0
     */
    precision: number | null;
    /**
     * mean per-page recall over pages with tp + fn > 0
     */
    recall: number | null;
    /**
     * 2PR / (P + R) of the two means
     */
    f1: number | null;
    /**
     * pages scored
     */
    pages: number;
};
export type ClassFigures = {
    /**
     * of "article": TP / (TP + FP); null if nothing was called an article
     */
    precision: number | null;
    /**
     * TP / (TP + FN); null if no page is an article
     */
    recall: number | null;
    /**
     * share of pages classed correctly
     */
    accuracy: number | null;
    counts: {
        tp: number;
        fp: number;
        fn: number;
        tn: number;
    };
};
export type BodyScore = {
    precision: number | null;
    recall: number | null;
    f1: number | null;
};
/**
 * What one detector did on one page.
 */
export type DetectorRow = {
    /**
     * Gloss: `isArticle`; Readability: isProbablyReaderable
     */
    predicted: "article" | "other";
    /**
     * the detector's title
     */
    title: string;
    /**
     * {@link titlesMatch} against the true title; null when the
     * page has no true title or is not an article
     */
    titleOk: boolean | null;
    /**
     * the detector's byline
     */
    byline?: string | undefined;
    /**
     * {@link bylinesMatch} against the true byline; null when
     * the page has none or is not an article
     */
    bylineOk?: boolean | null | undefined;
    /**
     * the detector's publication time
     */
    published?: string | undefined;
    /**
     * {@link datesMatch} against the true date; null when
     * the page has none or is not an article
     */
    publishedOk?: boolean | null | undefined;
    /**
     * body score on body-scored pages (true article with a
     * non-empty truth), else null
     */
    body: BodyScore | null;
    /**
     * tokens in the predicted body text
     */
    words: number | null;
    /**
     * main-thread time of the call; a timed-out call counts as the
     * timeout (a lower bound); null when it threw
     */
    ms: number | null;
    /**
     * WCXB: share of `with` snippets in the predicted text
     */
    snippetsWith?: number | null | undefined;
    /**
     * WCXB: share of `without` snippets in it (leaks)
     */
    snippetsWithout?: number | null | undefined;
    /**
     * the call threw or timed out (then predicted is 'other', no body)
     */
    error?: string | undefined;
};
export type GlossRow = {
    /**
     * detectArticle's reason
     */
    reason: string;
    /**
     * the body element, e.g. `div#main.post`
     */
    element: string;
    /**
     * body score with textContent instead of innerText
     */
    bodyTextContent: BodyScore | null;
    /**
     * ancestors hidden with `visibility: hidden` (until the page's
     * scripts run, which they do not here) that were made visible before reading innerText
     */
    revealed?: number | undefined;
};
export type GlossDetectorRow = DetectorRow & GlossRow;
export type Row = {
    id: string;
    trueClass: "article" | "other";
    /**
     * WCXB page type
     */
    pageType: string | null;
    /**
     * Readability layout's `readerable`
     */
    readerable: boolean | null;
    /**
     * original URL, if known
     */
    url: string | null;
    /**
     * tokens in the body truth, on body-scored pages
     */
    truthWords: number | null;
    /**
     * null when the page itself failed
     */
    gloss: GlossDetectorRow | null;
    /**
     * null when the page itself failed
     */
    readability: DetectorRow | null;
    /**
     * the page failed to load or crashed: excluded from all figures
     */
    error?: string | undefined;
    /**
     * wall time of loading the page (navigation to the load event)
     */
    loadMs?: number | undefined;
};
export type DetectorFigures = {
    /**
     *   all null when the corpus has no non-article pages (or no articles)
     */
    classification: {
        precision: number | null;
        recall: number | null;
        accuracy: number | null;
    };
    body: {
        precision: number | null;
        recall: number | null;
        f1: number | null;
    };
    titleAccuracy: number | null;
    /**
     * over pages with a true byline
     */
    bylineAccuracy: number | null;
    /**
     * over pages with a true publication date
     */
    publishedAccuracy: number | null;
    medianMs: number | null;
    p95Ms: number | null;
    /**
     * calls that threw or timed out
     */
    errors: number;
    /**
     * WCXB snippet shares
     * (mean over body-scored pages that have snippets), null elsewhere
     */
    snippets: {
        with: number | null;
        without: number | null;
    };
};
export type Summary = {
    /**
     * pages run (failed ones included)
     */
    pages: number;
    /**
     * pages that failed to load or crashed (excluded from the figures)
     */
    failures: number;
    /**
     * true-article pages among those scored
     */
    articles: number;
    /**
     * body-scored pages
     */
    bodyPages: number;
    /**
     * title-scored pages
     */
    titlePages: number;
    /**
     * byline-scored pages
     */
    bylinePages: number;
    /**
     * publication-date-scored pages
     */
    publishedPages: number;
    gloss: DetectorFigures;
    readability: DetectorFigures;
    /**
     * Gloss median time / Readability median time
     */
    timeRatio: number | null;
    /**
     * Readability layout: share of pages where Gloss's
     * isArticle equals `readerable`; null for other layouts
     */
    readerableAgreement: number | null;
};
