/**
 * One page through discovery as the content script will run it: the project's own article
 * detection finds the body and headline, then `suggestTerms` reads them. Shared by
 * `npm run eval:discovery` (bundled with esbuild) and the unit test that asserts the goals.
 */
import { detectArticle } from '../../lib/article';
import { suggestTerms, type Suggestion } from '../../lib/terms/discover';

export interface PageRun {
  suggestions: Suggestion[];
  /** detectArticle's reason; the whole <body> is read when it finds no article. */
  reason: string;
  ms: number;
}

/** Runs detection and discovery on a parsed document (no layout: everything counts as visible). */
export function runPage(doc: Document, lang?: string): PageRun {
  const info = detectArticle(doc, { isVisible: () => true });
  const body = info.body.length ? info.body : doc.body ? [doc.body] : [];
  const headline = info.headline && !body.some((b) => b.contains(info.headline)) ? [info.headline] : [];
  const t0 = performance.now();
  const suggestions = suggestTerms([...headline, ...body], { lang: lang || info.lang });
  return { suggestions, reason: info.isArticle ? info.reason : `not-article:${info.reason}`, ms: performance.now() - t0 };
}
