/**
 * Leaves page furniture out of the body. The element picked as the body sometimes wraps more
 * than the text: a blog's post area holds its comments, a <main> a related-stories list or a
 * sign-up form. Everything downstream reads only the body (terms, the panel's counts), so such
 * furniture is cut out and the body becomes the parts around it: the body element's children,
 * split further down only along the path to what is cut. Readability cleans its pick the same way.
 *
 * Only what the scan already judged is cut (furniture.ts marks every ancestor of every paragraph
 * it read), so this costs no extra walk: the outermost furniture inside the body that holds some
 * text and none of the paragraphs the scan counted (a wrongly named article wrapper, read after
 * all by the scan's fallback, stays). Of furniture by tag, only navigation and forms are cut: an
 * <aside> or <footer> inside an article is usually its own (a callout box, the tags and byline).
 *
 * The parts are the elements a reader sees: a part that is not rendered (a <script>, a hidden
 * block) is dropped, since reading an element's `innerText` gives all its text when it is not
 * rendered, where the whole body's `innerText` skipped it.
 */
import { furnitureOf, HARD, NONE } from './furniture';
import type { Scan } from './score';
import { textLength } from './length';

/** Furniture with less text than this is left in place: not worth splitting the body for. */
const MIN_CUT_CHARS = 80;
/** A body that would fall into more parts than this stays whole (a page of many small blocks). */
const MAX_PARTS = 60;
/**
 * Furniture holding more than this many times the text the scan counted in the body is not cut:
 * the text is more likely in it (a story inside a block named "newsletter") than beside it.
 * Comments run long, so the bound is loose.
 */
const MAX_CUT_RATIO = 4;

/** Furniture by tag that is cut out of a body (see above). */
const CUT_TAGS = new Set(['nav', 'form']);
/** Never rendered: not a part of the body a reader sees. */
const UNRENDERED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

/**
 * The body without its furniture: `[body]` when there is none to cut or it cannot be cut cleanly.
 * `isVisible` drops parts that are not rendered.
 */
export function trimBody(body: Element, scan: Pick<Scan, 'furniture' | 'paragraphs' | 'held' | 'lengths'>, isVisible: (el: Element) => boolean): Element[] {
  const { furniture } = scan;
  // A body that is the whole page (text scattered over it) has no shape to cut along.
  if ((furniture.get(body) ?? NONE) !== NONE || body.localName === 'body' || body.localName === 'html') return [body];
  const counted = scan.held.get(body)?.chars ?? 0;
  const cuts = new Set<Element>();
  for (const [el, mark] of furniture) {
    if (mark === NONE || el === body) continue;
    const parent = el.parentElement;
    // The outermost furniture only: its parent is not furniture (and is in the map: every
    // ancestor up to the scan's root is).
    if (!parent || (furniture.get(parent) ?? NONE) !== NONE || !body.contains(el)) continue;
    if (furnitureOf(el) === HARD && !CUT_TAGS.has(el.localName)) continue;
    const chars = textLength(el, scan.lengths);
    if (chars < MIN_CUT_CHARS || chars > MAX_CUT_RATIO * counted) continue;
    if (scan.paragraphs.some((p) => el.contains(p.el))) continue;
    cuts.add(el);
  }
  if (cuts.size === 0) return [body];

  // The elements to split: every ancestor of a cut, up to the body.
  const split = new Set<Element>();
  for (const cut of cuts) {
    for (let el = cut.parentElement; el && !split.has(el); el = el.parentElement) {
      split.add(el);
      if (el === body) break;
    }
  }
  const parts: Element[] = [];
  for (const el of split) {
    // Text written straight into an element that must be split would be lost: keep it whole.
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return [body];
    }
  }
  const collect = (el: Element): void => {
    for (const child of el.children) {
      if (cuts.has(child)) continue;
      if (split.has(child)) collect(child);
      else if (!UNRENDERED.has(child.localName) && isVisible(child)) parts.push(child);
    }
  };
  collect(body);
  return parts.length > 0 && parts.length <= MAX_PARTS ? parts : [body];
}
