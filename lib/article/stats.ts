/**
 * Measures of the chosen body that the decision needs: how much prose it holds, and whether that
 * prose is one continuous text or many separate little blocks (a listing, a forum thread).
 */
import type { Held, Scan } from './score';
import { smallLength, type Lengths } from './length';

/** A paragraph at least this long (effective characters) is substantial prose, not a teaser line. */
export const SUBSTANTIAL = 80;
/** A paragraph at least this long is a paragraph of running text: a teaser or a service blurb rarely is. */
export const LONG = 200;
/** Text beside a paragraph that makes its wrapper a block of its own (a headline, a byline). */
const OWN_BLOCK_EXTRA = 20;

export interface BodyStats {
  /** Effective characters of all scored paragraphs in the body. */
  chars: number;
  /** Paragraphs of at least SUBSTANTIAL characters. */
  substantial: number;
  /** Paragraphs of at least LONG characters. */
  long: number;
  /** Separate blocks ("runs") the paragraphs sit in: 1 for an article, one per teaser for a listing. */
  runs: number;
  /** Share of the body's paragraph text in its largest run. */
  runShare: number;
  /** Headings (h2-h6) and long standalone links in the body: teaser headlines on a listing. */
  headlines: number;
  /**
   * Of those, the ones that lead elsewhere: linked headings and the standalone links. A teaser's
   * headline is a link to its story; a section heading of one text is not.
   */
  teasers: number;
}

/**
 * Blocks each headed by a link elsewhere, with at least half of the headings linked: teasers for
 * other pages (a listing, a "latest news" grid), not sections of one text, however long each
 * summary is. A brand's history or a roundup links some of its many headings, not most.
 */
export function teaserBlocks(s: BodyStats): boolean {
  return s.teasers >= s.runs && 2 * s.teasers >= s.headlines;
}

/** Computes BodyStats for `body` from the scan (paragraphs outside body are ignored). */
export function bodyStats(body: Element, scan: Scan): BodyStats {
  // Asked twice of the same element in one detection (the body pick's teaser-grid check, then
  // the decision's evidence): measured once per scan.
  let memo = measured.get(scan.paragraphs);
  if (!memo) measured.set(scan.paragraphs, (memo = new Map()));
  let stats = memo.get(body);
  if (!stats) memo.set(body, (stats = measure(body, scan)));
  return stats;
}

/** BodyStats by element, per scan (keyed by the scan's paragraph list, shared by its re-weighted copies). */
const measured = new WeakMap<object, Map<Element, BodyStats>>();

function measure(body: Element, scan: Scan): BodyStats {
  const lengthOf = (el: Element): number => smallLength(el, scan.lengths);
  const runChars = new Map<Element, number>();
  let chars = 0;
  let substantial = 0;
  let long = 0;
  for (const p of scan.paragraphs) {
    if (!body.contains(p.el)) continue;
    chars += p.chars;
    if (p.chars >= SUBSTANTIAL) substantial++;
    if (p.chars >= LONG) long++;
    const run = runOf(p.el, body, scan.held, lengthOf);
    runChars.set(run, (runChars.get(run) ?? 0) + p.chars);
  }
  let largest = 0;
  for (const n of runChars.values()) largest = Math.max(largest, n);
  return {
    chars,
    substantial,
    long,
    runs: runChars.size,
    runShare: chars > 0 ? largest / chars : 0,
    ...countHeadlines(body, scan.lengths),
  };
}

/**
 * The block a paragraph belongs to: climb through wrappers that hold nothing but this paragraph
 * (CMSs often wrap each <p> in a <div>), and stop at the first ancestor that holds other paragraphs
 * or other text of its own, such as a teaser's headline or a forum post's author line, or a
 * heading however short (a forum post headed by a user name of a dozen letters).
 */
function runOf(p: Element, body: Element, held: Map<Element, Held>, textLength: (el: Element) => number): Element {
  const own = textLength(p);
  let cur = p;
  for (let parent = cur.parentElement; parent && parent !== body; parent = parent.parentElement) {
    if ((held.get(parent)?.count ?? 0) > 1 || textLength(parent) - own > OWN_BLOCK_EXTRA) break;
    if (textLength(parent) > own && parent.querySelector(HEADINGS)) break;
    cur = parent;
  }
  return cur.parentElement ?? body;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/**
 * A link that leads elsewhere. Links to a place on the same page are not teasers: a heading's
 * permalink or a back-link to the table of contents (Sphinx, GitHub-style Markdown), and the
 * table of contents' own entries.
 */
const ELSEWHERE = 'a[href]:not([href^="#"])';
const MAX_LINKS = 2000;
const HEADLINE_LINK = 25;

function countHeadlines(body: Element, lengths: Lengths): Pick<BodyStats, 'headlines' | 'teasers'> {
  const headings = body.querySelectorAll('h2, h3, h4, h5, h6');
  let linked = 0;
  for (let i = 0; i < Math.min(headings.length, MAX_LINKS); i++) {
    const h = headings[i] as Element;
    if (h.closest(ELSEWHERE) || h.querySelector(ELSEWHERE)) linked++;
  }
  let standalone = 0;
  const links = body.getElementsByTagName('a');
  for (let i = 0; i < Math.min(links.length, MAX_LINKS); i++) {
    const a = links[i];
    if (!a || a.closest('p, h1, h2, h3, h4, h5, h6') || !a.matches(ELSEWHERE)) continue;
    if (smallLength(a, lengths) >= HEADLINE_LINK) standalone++;
  }
  return { headlines: headings.length + standalone, teasers: linked + standalone };
}
