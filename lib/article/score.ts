/**
 * Readability-style text-density scoring. One bounded walk over the live DOM finds paragraph-like
 * elements; each paragraph's score flows to its ancestors, so the container that directly holds
 * most running text scores highest. Nothing is cloned or modified.
 */
import { furnitureAbove, NONE, SOFT, type Furniture } from './furniture';
import { smallLength, newLengths, type Lengths } from './length';
import { classWeight, collapse, countCommas, effectiveLength, isNeverArticleName, namesOf, UNRENDERED } from './text';

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
  /** The furniture mark (furniture.ts) of every ancestor of a paragraph read, up to the root. */
  furniture: Map<Element, Furniture>;
  /** Collapsed text lengths measured so far (length.ts), shared by every later question. */
  lengths: Lengths;
}

/** Shorter text is a label, caption or button, not prose (Readability's 25). */
export const MIN_PARAGRAPH = 25;

// A div/section/td with none of these children reads as one paragraph (Readability's div-to-p).
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'dl',
  'table', 'blockquote', 'pre', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li',
]);
const LEAF_CANDIDATES = new Set(['div', 'section', 'td']);
/**
 * Read for the text written straight into them only: a post made of bullet points (release notes,
 * weekly updates) puts its sentences in <li> ("We've just landed <a>Bug 1553982</a>, which ..."),
 * while menus and teaser lists hold links, headings and <p>, not running text of their own.
 */
const DIRECT_TEXT_TAGS = [...LEAF_CANDIDATES, 'li'];

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

/** Below this much paragraph text from <p>/<pre>, text in <div>/<section>/<td> blocks is read too. */
const LEAF_FALLBACK_CHARS = 2000;
/** Text directly inside a container (not in child elements) that counts as a paragraph of its own. */
const MIN_DIRECT_TEXT = 100;

interface Walk {
  root: Element;
  isVisible: (el: Element) => boolean;
  memo: Map<Element, Furniture>;
  budget: { left: number };
  /** Paragraphs inside softly skipped (by name) furniture, read only if the rest is scarce. */
  soft: Element[];
  out: Scan;
}

/**
 * Scores every visible paragraph under root: 1 + commas + one point per 100 characters (max 3),
 * given in full to the parent, half to the grandparent and a third-times-level further up
 * (Readability). Skips paragraphs inside page furniture.
 *
 * Why paragraph-first rather than a walk of every element: in Chromium each element touched from
 * script costs a wrapper, its child list and attribute reads, which made the walk most of the
 * detector's time. Starting from <p>/<pre> touches only paragraphs and their ancestors (memoised);
 * the text-only <div>/<td> blocks of older or page-builder markup, and text in softly skipped
 * furniture, are read only when <p> text is scarce. At most `maxElements` elements are examined.
 */
export function scan(root: Element, isVisible: (el: Element) => boolean, maxElements: number): Scan {
  const out: Scan = { paragraphs: [], scores: new Map(), held: new Map(), furniture: new Map(), lengths: newLengths() };
  const walk: Walk = { root, isVisible, memo: out.furniture, budget: { left: maxElements }, soft: [], out };
  let chars = 0;
  for (const tag of ['p', 'pre']) {
    for (const el of root.getElementsByTagName(tag)) {
      if (walk.budget.left <= 0) break;
      chars += consider(el, walk);
    }
  }
  if (chars < LEAF_FALLBACK_CHARS) {
    for (const tag of DIRECT_TEXT_TAGS) {
      for (const el of root.getElementsByTagName(tag)) {
        if (walk.budget.left <= 0) break;
        if (isParagraphLike(el)) chars += consider(el, walk);
        else if (directTextLength(el) >= MIN_DIRECT_TEXT) chars += consider(el, walk, true);
      }
    }
  }
  // Names misfire now and then (an article wrapper named "newsletter-email"): when the text
  // outside name-skipped furniture is scarce and the skipped text is not, read that as well.
  // Never comments or a consent notice, though: under a short post (a craft tutorial of photos
  // and captions) comments outweigh the text, and they are never the article (Readability removes
  // them outright); nor is a shop's cookie consent modal, however little else a category page says.
  if (chars < LEAF_FALLBACK_CHARS && walk.soft.length > 0) {
    const soft = walk.soft.filter((el) => !inNeverArticle(el, root));
    walk.soft = [];
    let softChars = 0;
    for (const el of soft) softChars += effectiveLength(collapse(proseText(el)));
    if (softChars > 2 * chars) for (const el of soft) addParagraph(el, walk, false);
  }
  return out;
}

/** `el` sits in a comment thread or a consent notice, by the names of its ancestors below root. */
function inNeverArticle(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (isNeverArticleName(namesOf(e))) return true;
  return false;
}

/** Scores `el` unless it sits in furniture; returns the characters it added. */
function consider(el: Element, walk: Walk, direct = false): number {
  walk.budget.left--;
  const furniture = furnitureAbove(el, walk.root, walk.memo, walk.budget);
  if (furniture === SOFT && !direct) walk.soft.push(el);
  if (furniture !== NONE) return 0;
  return addParagraph(el, walk, direct);
}

/** Length of the text nodes directly in `el`: running text written straight into a container. */
function directTextLength(el: Element): number {
  let n = 0;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) n += (node.nodeValue ?? '').trim().length;
  }
  return n;
}

/**
 * Adds one paragraph's score to its ancestors. With `direct`, the paragraph is the text written
 * straight into container `el`, which then counts as the paragraph's parent itself.
 */
function addParagraph(el: Element, walk: Walk, direct: boolean): number {
  const { out, root } = walk;
  const text = collapse(direct ? directText(el) : proseText(el));
  const chars = effectiveLength(text);
  if (chars < MIN_PARAGRAPH || !walk.isVisible(el)) return 0;
  // A "paragraph" that is mostly link text is a teaser or a menu entry, not running text.
  if (!direct) {
    let linkChars = 0;
    for (const a of el.getElementsByTagName('a')) linkChars += smallLength(a, out.lengths);
    if (linkChars > text.length / 2) return 0;
  }

  out.paragraphs.push({ el, chars });
  const score = 1 + countCommas(text) + Math.min(Math.floor(chars / 100), 3);
  let level = 0;
  for (let anc = direct ? el : el.parentElement; anc; anc = anc.parentElement, level++) {
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
  return chars;
}

/**
 * `el`'s text without that of its unrendered children (text.ts UNRENDERED): an ad slot's
 * `<script>` inside a paragraph (`<p><script>googletag.cmd.push(...)</script></p>`), or a theme's
 * wrapper of `<style>` sheets, which has no block children and so reads as one paragraph of
 * 100 KB of CSS.
 */
function proseText(el: Element): string {
  const children = el.children;
  let code = false;
  for (let i = 0; i < children.length && !code; i++) code = UNRENDERED.has(children[i]?.localName ?? '');
  if (!code) return el.textContent ?? '';
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (!(node.nodeType === 1 && UNRENDERED.has((node as Element).localName))) text += node.textContent ?? '';
  }
  return text;
}

function directText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += `${node.nodeValue ?? ''} `;
  return text;
}
