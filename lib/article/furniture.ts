/**
 * Page furniture: subtrees that never hold the article body (navigation, asides, footers, forms,
 * media) by tag or ARIA role ("hard"), or by class/id name such as "sidebar" or "comments"
 * ("soft": names are a strong hint but wrong now and then, e.g. an article wrapper named
 * "newsletter-email" on a newsletter archive, so the scan may read soft-skipped text after all).
 */
import { isUnlikelyName, namesOf } from './text';

export const NONE = 0;
export const SOFT = 1;
export const HARD = 2;
export type Furniture = typeof NONE | typeof SOFT | typeof HARD;

// <header> is not here: article headers sit inside <article>.
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'video',
  'audio', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'dialog', 'menu',
]);
/** Landmarks that wrap the main content by mistake when a page leaves them unclosed. */
const LANDMARKS = new Set(['nav', 'aside', 'footer', 'form']);
const SKIP_ROLES = /^(navigation|complementary|contentinfo|banner|menu|menubar|dialog|alertdialog|search)$/;

/** How `el` alone (not its ancestors) marks its subtree. */
export function furnitureOf(el: Element): Furniture {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) {
    // An unclosed <aside> swallows the rest of the page; ASP.NET pages wrap everything in a
    // <form>. A landmark holding the page's <main> is not furniture.
    return LANDMARKS.has(tag) && el.querySelector('main, [role="main"]') ? NONE : HARD;
  }
  if (el.hasAttribute('hidden')) return HARD;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.test(role)) return HARD;
  if (tag === 'body' || tag === 'article' || tag === 'main') return NONE;
  // Most elements have neither class nor id: skip the (costly, cold) name patterns for them.
  const names = namesOf(el);
  return names.length > 1 && isUnlikelyName(names) ? SOFT : NONE;
}

/**
 * The strongest furniture mark on el or its ancestors below root, memoised per element so
 * sibling paragraphs share the climb: each ancestor is examined once. `budget.left` is lowered
 * by the number of elements examined.
 */
export function furnitureAbove(el: Element, root: Element, memo: Map<Element, Furniture>, budget: { left: number }): Furniture {
  const chain: Element[] = [];
  let verdict: Furniture = NONE;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const known = memo.get(e);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    chain.push(e);
  }
  budget.left -= chain.length;
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i];
    if (!e) continue;
    if (verdict !== HARD) verdict = Math.max(verdict, furnitureOf(e)) as Furniture;
    memo.set(e, verdict);
  }
  return verdict;
}
