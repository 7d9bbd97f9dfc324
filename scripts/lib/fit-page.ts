/**
 * The in-page half of `node scripts/fit-article-model.mjs`: bundled with lib/article into one
 * IIFE evaluated in each corpus page, where it defines `globalThis.__glossFit`. It runs the
 * detector as the content script does and hands back what the article model would weigh: the
 * feature vector (lib/article/weigh.ts) of the evidence the decision was made on, the rules' own
 * answer, and whether the page is one the model judges at all.
 */
import { ruleDecision, settled, type Evidence } from '../../lib/article/decide.ts';
import { detectArticle } from '../../lib/article/index.ts';
import { modelFeatures } from '../../lib/article/weigh.ts';

export interface FitRow {
  /** The model does not judge this page (no text, a declared non-article type or address). */
  settled: boolean;
  /** The rules' answer, and the detector's final one. */
  rules: boolean;
  isArticle: boolean;
  reason: string;
  x: number[] | null;
}

declare global {
  var __glossFit: { features: () => FitRow };
}

globalThis.__glossFit = {
  features(): FitRow {
    let evidence: Evidence | null = null;
    const info = detectArticle(document, { onEvidence: (e) => (evidence = e) });
    const e = evidence as Evidence | null;
    if (!e) return { settled: true, rules: false, isArticle: info.isArticle, reason: info.reason, x: null };
    const rules = ruleDecision(e).isArticle;
    return { settled: settled(e), rules, isArticle: info.isArticle, reason: info.reason, x: settled(e) ? null : modelFeatures(e, rules) };
  },
};
