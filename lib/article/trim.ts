/**
 * Leaves page furniture and tables of contents out of the body. The element picked as the body
 * sometimes wraps more than the text: a blog's post area holds its comments, a <main> a
 * related-stories list or a sign-up form. Everything downstream reads only the body (terms, the
 * panel's counts), so such furniture is cut out and the body becomes the parts around it: the
 * body element's children, split further down only along the path to what is cut. Readability
 * cleans its pick the same way.
 *
 * Only what the scan already judged is cut (furniture.ts marks every ancestor of every paragraph
 * it read), so this costs no extra walk: the outermost furniture inside the body that holds some
 * text and none of the paragraphs the scan counted (a wrongly named article wrapper, read after
 * all by the scan's fallback, stays). Of furniture by tag, only navigation and forms are cut: an
 * <aside> or <footer> inside an article is usually its own (a callout box, the tags and byline).
 * A table of contents is found from the body's links to anchors on the page.
 *
 * The parts are the elements a reader sees: a part that is not rendered (a <script>, a hidden
 * block) is dropped, since reading an element's `innerText` gives all its text when it is not
 * rendered, where the whole body's `innerText` skipped it.
 */
import { furnitureOf, HARD, NONE } from './furniture';
import type { Scan } from './score';
import { smallLength, textLength } from './length';
import { UNRENDERED } from './text';

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

/**
 * The body without its furniture and its tables of contents: `[body]` when there is none to cut
 * or it cannot be cut cleanly. `isVisible` drops parts that are not rendered.
 */
export function trimBody(body: Element, scan: Pick<Scan, 'furniture' | 'paragraphs' | 'held' | 'lengths'>, isVisible: (el: Element) => boolean): Element[] {
  const { furniture } = scan;
  // A body that is the whole page (text scattered over it) has no shape to cut along.
  if ((furniture.get(body) ?? NONE) !== NONE || body.localName === 'body' || body.localName === 'html') return [body];
  const counted = new Set<Element>();
  for (const p of scan.paragraphs) counted.add(p.el);
  const furnitureCuts = furnitureIn(body, scan, counted);
  const withContents = cutOut(body, new Set([...furnitureCuts, ...contentsLists(body, scan, counted)]), isVisible);
  // A table of contents whose cut cannot be made cleanly (text written straight beside it) leaves
  // the furniture cuts alone.
  return withContents ?? cutOut(body, furnitureCuts, isVisible) ?? [body];
}

/** The outermost furniture inside `body` that the scan marked and that holds no counted paragraph. */
function furnitureIn(body: Element, scan: Pick<Scan, 'furniture' | 'held' | 'lengths'>, counted: Set<Element>): Set<Element> {
  const { furniture } = scan;
  const bodyChars = scan.held.get(body)?.chars ?? 0;
  const cuts = new Set<Element>();
  for (const [el, mark] of furniture) {
    if (mark === NONE || el === body) continue;
    const parent = el.parentElement;
    // The outermost furniture only: its parent is not furniture (and is in the map: every
    // ancestor up to the scan's root is).
    if (!parent || (furniture.get(parent) ?? NONE) !== NONE || !body.contains(el)) continue;
    if (furnitureOf(el) === HARD && !CUT_TAGS.has(el.localName)) continue;
    const chars = textLength(el, scan.lengths);
    if (chars < MIN_CUT_CHARS || chars > MAX_CUT_RATIO * bodyChars) continue;
    if (holdsCounted(el, scan.held, counted)) continue;
    cuts.add(el);
  }
  return cuts;
}

/** A paragraph the scan counted is `el` or inside it (the scan records `held` for every ancestor). */
const holdsCounted = (el: Element, held: Map<Element, unknown>, counted: Set<Element>): boolean => counted.has(el) || held.has(el);

/** A list this much (or more) in links to places on the page itself is a table of contents. */
const CONTENTS_DENSITY = 0.6;
/** Shorter lists are left: not worth splitting the body for. */
const MIN_CONTENTS_CHARS = 25;

/**
 * Tables of contents inside the body: lists whose text is mostly links to anchors on the page
 * ("#why-it-matters"), holding no paragraph the scan counted. They repeat the headings, so term
 * matching would count every name in a heading twice, and they are navigation, not text
 * (the WCXB truths leave them out; a list of links to other pages, a post's further reading,
 * they keep, and so does this).
 */
function contentsLists(body: Element, scan: Pick<Scan, 'held' | 'lengths'>, counted: Set<Element>): Element[] {
  // From the in-page links, which most bodies have few or none of, rather than from every list.
  const lists = new Set<Element>();
  for (const a of body.querySelectorAll('a[href^="#"]')) {
    let list: Element | null = null;
    for (let el = a.parentElement; el && el !== body; el = el.parentElement) if (el.localName === 'ul' || el.localName === 'ol') list = el;
    if (list) lists.add(list); // the outermost: a nested list goes with its parent list
  }
  const out: Element[] = [];
  for (const list of lists) {
    if (holdsCounted(list, scan.held, counted)) continue;
    const chars = textLength(list, scan.lengths);
    if (chars < MIN_CONTENTS_CHARS) continue;
    let anchors = 0;
    for (const a of list.getElementsByTagName('a')) if (a.getAttribute('href')?.startsWith('#')) anchors += smallLength(a, scan.lengths);
    if (anchors >= CONTENTS_DENSITY * chars) out.push(list);
  }
  return out;
}

/**
 * The body's children with `cuts` left out, split further down only along the path to a cut;
 * `[body]` with no cuts, null when the body cannot be cut cleanly (text written straight into an
 * element that must be split, or more than MAX_PARTS parts).
 */
function cutOut(body: Element, cuts: Set<Element>, isVisible: (el: Element) => boolean): Element[] | null {
  if (cuts.size === 0) return [body];
  // The elements to split: every ancestor of a cut, up to the body.
  const split = new Set<Element>();
  for (const cut of cuts) {
    for (let el = cut.parentElement; el && !split.has(el); el = el.parentElement) {
      split.add(el);
      if (el === body) break;
    }
  }
  for (const el of split) {
    // Text written straight into an element that must be split would be lost: keep it whole.
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return null;
    }
  }
  const parts: Element[] = [];
  const collect = (el: Element): void => {
    for (const child of el.children) {
      if (cuts.has(child)) continue;
      if (split.has(child)) collect(child);
      else if (!UNRENDERED.has(child.localName) && isVisible(child)) parts.push(child);
    }
  };
  collect(body);
  return parts.length > 0 && parts.length <= MAX_PARTS ? parts : null;
}
