/**
 * Readability-style text-density scoring. One bounded walk over the live DOM finds paragraph-like
 * elements; each paragraph's score flows to its ancestors, so the container that directly holds
 * most running text scores highest. Nothing is cloned or modified.
 */
import { isJsonLdScript } from './jsonld';
import { classWeight, collapse, countCommas, effectiveLength, isUnlikelyName, namesOf } from './text';

/** A paragraph of running text that took part in scoring. */
export interface Paragraph {
  el: Element;
  /** Effective length (CJK counted double), whitespace collapsed. */
  chars: number;
}

/** Paragraph text held by an element (all descendants, not only children). */
export interface Held {
  chars: number;
  count: number;
}

export interface Scan {
  paragraphs: Paragraph[];
  /** Readability content score of each candidate container (ancestors up to 5 levels up). */
  scores: Map<Element, number>;
  /** Paragraph text held by every ancestor of a paragraph, up to the root. */
  held: Map<Element, Held>;
  /** JSON-LD scripts met on the way, so the body need not be searched again for them. */
  jsonLd: Element[];
}

/** Shorter text is a label, caption or button, not prose (Readability's 25). */
export const MIN_PARAGRAPH = 25;

// Subtrees that never hold the article body. <header> is not here: article headers sit inside <article>.
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'video',
  'audio', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'dialog', 'menu',
]);
const SKIP_ROLES = /^(navigation|complementary|contentinfo|banner|menu|menubar|dialog|alertdialog|search)$/;
// A div/section/td with none of these children reads as one paragraph (Readability's div-to-p).
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'dl',
  'table', 'blockquote', 'pre', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li',
]);
const LEAF_CANDIDATES = new Set(['div', 'section', 'td']);

function isSkipped(el: Element): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || el.hasAttribute('hidden')) return true;
  if (SKIP_ROLES.test(el.getAttribute('role') ?? '')) return true;
  return tag !== 'body' && tag !== 'article' && tag !== 'main' && isUnlikelyName(namesOf(el));
}

function isParagraphLike(el: Element): boolean {
  if (el.localName === 'p' || el.localName === 'pre') return true;
  if (!LEAF_CANDIDATES.has(el.localName)) return false;
  const children = el.children;
  for (let i = 0; i < children.length; i++) if (BLOCK_TAGS.has(children[i]?.localName ?? '')) return false;
  return true;
}

// Readability's starting score by tag: containers of prose up, lists and headings down.
function initialScore(el: Element): number {
  switch (el.localName) {
    case 'div': case 'article': case 'main': case 'section': return 5 + classWeight(el);
    case 'pre': case 'td': case 'blockquote': return 3 + classWeight(el);
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form':
      return -3 + classWeight(el);
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5 + classWeight(el);
    default: return classWeight(el);
  }
}

/**
 * Walks root's subtree (at most maxElements elements, skipping page furniture) and scores every
 * visible paragraph: 1 + commas + one point per 100 characters (max 3), given in full to the
 * parent, half to the grandparent and a third-times-level further up (Readability). The same walk
 * collects JSON-LD scripts in the body.
 */
export function scan(root: Element, isVisible: (el: Element) => boolean, maxElements: number): Scan {
  const result: Scan = { paragraphs: [], scores: new Map(), held: new Map(), jsonLd: [] };
  // Depth-first, in document order, with indexed child lists: nextElementSibling is O(siblings) in
  // some DOM implementations (happy-dom), which made wide pages quadratic.
  const stack: { list: HTMLCollection; i: number }[] = [{ list: root.children, i: 0 }];
  let seen = 0;
  while (stack.length > 0 && seen < maxElements) {
    const top = stack[stack.length - 1];
    const el = top?.list[top.i++];
    if (!top || !el) { stack.pop(); continue; }
    seen++;
    if (isSkipped(el)) {
      if (isJsonLdScript(el)) result.jsonLd.push(el);
    } else if (isParagraphLike(el)) {
      addParagraph(el, root, isVisible, result);
    } else {
      stack.push({ list: el.children, i: 0 });
    }
  }
  return result;
}

function addParagraph(el: Element, root: Element, isVisible: (el: Element) => boolean, out: Scan): void {
  const text = collapse(el.textContent);
  const chars = effectiveLength(text);
  if (chars < MIN_PARAGRAPH || !isVisible(el)) return;
  // A "paragraph" that is mostly link text is a teaser or a menu entry, not running text.
  let linkChars = 0;
  for (const a of el.getElementsByTagName('a')) linkChars += collapse(a.textContent).length;
  if (linkChars > text.length / 2) return;

  out.paragraphs.push({ el, chars });
  const score = 1 + countCommas(text) + Math.min(Math.floor(chars / 100), 3);
  let level = 0;
  for (let anc = el.parentElement; anc; anc = anc.parentElement, level++) {
    const held = out.held.get(anc) ?? { chars: 0, count: 0 };
    held.chars += chars;
    held.count += 1;
    out.held.set(anc, held);
    if (level < 5) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      out.scores.set(anc, (out.scores.get(anc) ?? initialScore(anc)) + score / divider);
    }
    if (anc === root) break;
  }
}
