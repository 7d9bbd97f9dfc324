/**
 * Applying `##` site rules to a batch: the elements a rule names among the
 * subtrees that changed, minus what must never be hidden. A rule is a hint,
 * not an order: it never hides the article's text or a consent dialog, and
 * skips what is not rendered (nothing to hide, nothing to list). Only reads.
 */
import { MAX_NOTICE_TEXT, textOf, type BoxCandidate } from './candidates';
import { isArticleRelated, isConsentDialog, type ArticleInfo } from './exclusions';
import { classifyOverlayText } from './words';

/** At most this many elements per batch (a rule matching half the page is a bad rule). */
const MAX_RULE_MATCHES = 200;

export interface RuleHitContext {
  /** Already hidden, opened by the reader, or kept by a `#@#` rule. */
  skip: (el: Element) => boolean;
  article: () => ArticleInfo;
}

/** Elements `selector` (a selector list of hide rules) names in roots and shadow roots, as boxes to hide. */
export function ruleHits(selector: string, roots: readonly Element[], shadowRoots: readonly ShadowRoot[], ctx: RuleHitContext): BoxCandidate[] {
  if (!selector) return [];
  const found = new Set<Element>();
  const add = (el: Element): void => {
    if (found.size < MAX_RULE_MATCHES) found.add(el);
  };
  try {
    for (const r of roots) {
      if (r.matches(selector)) add(r);
      r.querySelectorAll(selector).forEach(add);
    }
    for (const sr of shadowRoots) sr.querySelectorAll(selector).forEach(add);
  } catch {
    return []; // a selector this browser does not know
  }
  const out: BoxCandidate[] = [];
  for (const el of found) {
    if (ctx.skip(el) || !el.checkVisibility() || el.textContent.length > 4 * MAX_NOTICE_TEXT) continue;
    const text = textOf(el);
    if (isArticleRelated(el, text, ctx.article()) || isConsentDialog(el, text)) continue;
    out.push({ el, kind: classifyOverlayText(text) ?? 'rule' });
  }
  return out;
}
