/**
 * Chooses the one live element that holds the article body, from the scan's scores: the best
 * candidate after link-density penalty, unified upwards when the text is split among siblings,
 * then narrowed to the tightest descendant that still holds nearly all of its paragraph text (which
 * drops trailing newsletter boxes, subscription notices and "most viewed" lists).
 */
import type { Held, Scan } from './score';
import { smallLength, newLengths, textLength, type Lengths } from './length';
import { bodyStats, teaserBlocks } from './stats';
import { classWeight } from './text';

/** Only the best raw scores get the (costly) link-density pass. */
const TOP_CANDIDATES = 15;
/** A descendant holding this share of the candidate's paragraph text is the body proper. */
const TIGHT_SHARE = 0.85;

/**
 * Share of an element's text that sits inside links: high for menus, lists of headlines, teasers.
 * `lengths` memoises text lengths (length.ts): nested candidates share their text and their links,
 * and on a page with thousands of links (Wikipedia) or a big <body>, reading them again for each
 * made this most of the detector's time.
 */
export function linkDensity(el: Element, lengths: Lengths = newLengths()): number {
  const length = textLength(el, lengths);
  if (length === 0) return 0;
  let links = 0;
  for (const a of el.getElementsByTagName('a')) links += smallLength(a, lengths);
  return Math.min(1, links / length);
}

/**
 * The live body element, or null when nothing on the page scored. `root` is document.body.
 */
export function pickBody(scan: Scan, root: Element): Element | null {
  const first = pickWith(scan, root, scan.lengths);
  if (!first) return null;
  const held = (el: Element | null): number => (el ? (scan.held.get(el)?.chars ?? 0) : 0);
  const grid = teaserGrid(first, scan);
  if (!grid && held(first) >= RETRY_BELOW_CHARS) return first;
  // Readability's retry without class weights: a lone paragraph in a box named "content" or
  // "text" (an accordion panel, an author bio, a recipe's quick view) gets the +25 bonus and beats
  // the real text, whose score a page builder's deep nesting spreads thin. The longer pick wins.
  // So does a grid of teasers: WordPress and Elementor name every card and excerpt "post" (+25)
  // while the text beside it sits in a "widget" (-25). There the retry wins when it found
  // something apart from the grid that is not teasers itself; on a page that is only a listing
  // it finds the grid again, or a piece of it, and the grid stays (to be judged a listing).
  const unweighted = new Map<Element, number>();
  for (const [el, value] of scan.scores) unweighted.set(el, value - classWeight(el));
  const second = pickWith({ ...scan, scores: unweighted }, root, scan.lengths);
  if (!grid) return held(second) > held(first) ? second : first;
  return second && !first.contains(second) && !second.contains(first) && !teaserGrid(second, scan) ? second : first;
}

/** A grid holds at least this many teasers. */
const GRID_TEASERS = 3;

/** Whether the pick is a grid of teasers (stats.ts `teaserBlocks`) rather than a text. */
function teaserGrid(el: Element, scan: Scan): boolean {
  const stats = bodyStats(el, scan);
  return stats.runs >= GRID_TEASERS && teaserBlocks(stats);
}

/** Below this much paragraph text, the pick is made again without class weights (Readability's 500). */
const RETRY_BELOW_CHARS = 500;

function pickWith(scan: Scan, root: Element, lengths: Lengths): Element | null {
  const memo = new Map<Element, number>();
  const score = (el: Element): number => {
    let value = memo.get(el);
    if (value === undefined) {
      value = (scan.scores.get(el) ?? 0) * (1 - linkDensity(el, lengths));
      memo.set(el, value);
    }
    return value;
  };
  const ranked = [...scan.scores.keys()]
    .sort((a, b) => (scan.scores.get(b) ?? 0) - (scan.scores.get(a) ?? 0))
    .slice(0, TOP_CANDIDATES);
  let best: Element | null = null;
  for (const el of ranked) {
    // The penalty only lowers a score: a raw score below the best so far cannot win, and skipping
    // it spares reading the text of big containers such as <body>.
    if (best && (scan.scores.get(el) ?? 0) <= score(best)) continue;
    if (!best || score(el) > score(best)) best = el;
  }
  if (!best) return null;
  const top = commonAncestor(best, ranked, root, scan, score) ?? climb(best, root, scan, score);
  return tighten(join(top, root, scan, score), scan.held);
}

/** Readability's "alternative candidates": this many close runners-up... */
const ALTERNATIVES = 3;
/** ...each scoring at least this share of the best... */
const ALTERNATIVE_SHARE = 0.75;
/** ...among this many best candidates. */
const ALTERNATIVE_POOL = 5;

/**
 * When several candidates score nearly as well as the best and share an ancestor with it, the
 * text is split into blocks that each look like a body on their own (a how-to's steps, each in a
 * wrapper whose class says "content"), and that ancestor is the body. Readability's rule, on
 * penalised scores; null when it does not apply.
 */
function commonAncestor(
  best: Element,
  ranked: Element[],
  root: Element,
  scan: Scan,
  score: (el: Element) => number,
): Element | null {
  const bar = ALTERNATIVE_SHARE * score(best);
  const close = ranked
    .filter((el) => el !== best && (scan.scores.get(el) ?? 0) >= bar && score(el) >= bar)
    .sort((a, b) => score(b) - score(a))
    .slice(0, ALTERNATIVE_POOL - 1);
  if (close.length < ALTERNATIVES) return null;
  for (let parent = best.parentElement; parent && parent !== root; parent = parent.parentElement) {
    let containing = 0;
    for (const el of close) if (el !== parent && parent.contains(el)) containing++;
    if (containing >= ALTERNATIVES) return parent;
  }
  return null;
}

/** Readability's sibling threshold: a sibling scoring this share of the top candidate is body too. */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN = 10;
/** The joined blocks must hold this share of the parent's paragraph text for the parent to be the body. */
const JOINED_SHARE = 0.9;
/** Only a candidate with less paragraph text than this is joined with its siblings. */
const JOIN_BELOW_CHARS = 1000;
/** A sibling with a single paragraph must be this long to count as part of the text. */
const SIBLING_BLOCK_CHARS = 400;

/**
 * Readability's sibling pass, without moving nodes: when the text is split over sibling blocks
 * (page builders put each text widget in its own wrapper, simple pages one <div> per section)
 * and the siblings that score well hold nearly all of the parent's paragraph text, the parent is
 * the body. Otherwise the candidate stays, so sidebars and comment lists beside it stay out.
 */
function join(top: Element, root: Element, scan: Scan, score: (el: Element) => number): Element {
  const parent = top.parentElement;
  if (!parent || parent === root || top === root) return top;
  // A candidate long enough to be an article alone keeps its siblings out: beside a full text,
  // sibling blocks are more often subscription notices or author boxes than more of the text.
  if ((scan.held.get(top)?.chars ?? 0) >= JOIN_BELOW_CHARS) return top;
  const total = scan.held.get(parent)?.chars ?? 0;
  const threshold = Math.max(SIBLING_MIN, SIBLING_SHARE * score(top));
  let joined = 0;
  let siblings = 0;
  for (const child of parent.children) {
    const held = scan.held.get(child);
    if (!held) continue;
    // A block of text, not a lone notice or caption beside the article.
    const block = held.count >= 2 || held.chars >= SIBLING_BLOCK_CHARS;
    if (child === top || (block && (scan.scores.get(child) ?? 0) >= threshold && score(child) >= threshold)) {
      joined += held.chars;
      if (child !== top) siblings++;
    }
  }
  return siblings > 0 && joined >= JOINED_SHARE * total ? parent : top;
}

/** An ancestor scoring this share of the candidate, after penalty... */
const NEAR_SHARE = 0.75;
/** ...and holding this many times its paragraph text, is the body (see climb). */
const MORE_TEXT = 2;

/**
 * Readability's walk up from the top candidate: ancestors only get a share of each paragraph's
 * score, so an ancestor scoring *higher* than the candidate means the text is split among several
 * children (e.g. blocks separated by ads) and the ancestor is the real body. So is one scoring
 * nearly as high while holding twice the text: a "best of" guide's long intro takes every point
 * of its paragraphs and outscores the container, which gets only a share of each section's
 * (WCXB: pcmag's guides, a podcast equipment guide in nested sections). Stops below <body>.
 */
function climb(top: Element, root: Element, scan: Scan, score: (el: Element) => number): Element {
  let last = score(top);
  const floor = last / 3;
  const near = NEAR_SHARE * last;
  const heldChars = scan.held.get(top)?.chars ?? 0;
  for (let parent = top.parentElement; parent && parent !== root && top !== root; parent = parent.parentElement) {
    const raw = scan.scores.get(parent);
    if (raw === undefined) continue;
    if (raw < floor) break; // checked before the (costly) penalty, which can only lower it
    const value = score(parent);
    if (value < floor) break;
    if (value > last) return parent;
    if (value >= near && (scan.held.get(parent)?.chars ?? 0) >= MORE_TEXT * heldChars) return parent;
    last = value;
  }
  return top;
}

/**
 * Descends to the tightest element holding >= 85% of the candidate's paragraph text. It never
 * descends into a wrapper of a single paragraph out of many: the body stays a container of prose.
 */
function tighten(el: Element, held: Map<Element, Held>): Element {
  const total = held.get(el);
  if (!total) return el;
  const tighter = (cur: Element): Element | undefined => {
    for (const child of cur.children) {
      const h = held.get(child);
      if (h && h.chars >= TIGHT_SHARE * total.chars && (h.count >= 2 || h.count === total.count)) return child;
    }
    return undefined;
  };
  let cur = el;
  for (let next = tighter(cur); next; next = tighter(cur)) cur = next;
  return cur;
}
