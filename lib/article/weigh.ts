/**
 * The article model: a second opinion on the rules of decide.ts, weighing everything the page
 * shows at once. The rules each look at one thing (a listing's shape, a body of code, a services
 * page's buttons); many pages are decided by what several weak signals say together (no byline,
 * no share links, a one-word address, many inputs: a service page; a slug of six words and a
 * link to the author's page: a story, whatever its shape).
 *
 * The model is an additive scorecard (boosted one-split trees, fitted by
 * scripts/fit-article-model.mjs on labelled pages): every feature adds or takes points at
 * thresholds, the points sum to log-odds. Features are counts and shares, never words, so it
 * holds in every language. The rules' own answer is one feature, so the model learns where they
 * go wrong rather than starting over.
 */
import type { Evidence } from './decide';
import { MODEL } from './model';

/** Feature names, in the order of the vector; model.ts must list the same (checked by a test). */
export const FEATURES = [
  'rules', 'inArticle', 'slugWords', 'rootAddress', 'inputs', 'perRun', 'shareLinks', 'authorLinks', 'code',
  'bodyShare', 'linksPerChar', 'runShare', 'byline', 'published', 'bodyParagraphs', 'chars', 'buttons',
  'articles', 'nextPage',
] as const;

const bit = (b: boolean | undefined): number => (b ? 1 : 0);

/**
 * The feature vector of a page the rules decided `rules` (true: article). Null when the page
 * carries no model evidence (no body, or evidence built without page signals).
 */
export function modelFeatures(e: Evidence, rules: boolean): number[] | null {
  const { body } = e;
  const model = e.model?.();
  if (!body || !model) return null;
  const s = model.signals;
  return [
    bit(rules), bit(e.inArticleElement), s.slugWords, bit(s.rootAddress), s.inputs, body.substantial / Math.max(1, body.runs),
    s.shareLinks, s.authorLinks, e.code ?? 0, body.chars / Math.max(1, model.pageChars), (e.pageLinks ?? 0) / Math.max(1, body.chars),
    body.runShare, bit(model.byline), bit(model.published), model.bodyParagraphs, body.chars, e.buttons?.() ?? 0, s.articles,
    bit(s.nextPage),
  ];
}

/** The model's probability that a page with feature vector `x` is an article. */
export function articleProbability(x: readonly number[]): number {
  let logOdds = MODEL.base;
  for (const [feature, threshold, points] of MODEL.splits) if ((x[feature] ?? 0) > threshold) logOdds += points;
  return 1 / (1 + Math.exp(-logOdds));
}

/** At or above this probability the page is an article (the threshold the fit was scored at). */
export const THRESHOLD = MODEL.threshold;
