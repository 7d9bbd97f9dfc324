/**
 * Readability's sibling pass, without moving nodes: an article a page builder split into
 * several blocks (Squarespace and Elementor put each text widget in its own wrapper, a long
 * read puts its chapters in separate sections between image rows) has its body in one of
 * them and the rest of its text beside it. Blocks beside the body of the same kind (tag and
 * class names: the builder's text widget again) that hold running text, not links, join it as
 * further body elements (Readability gives such siblings a bonus that nearly always carries
 * them). The wrapper around them all does not, and blocks of another kind never join: a
 * subscription notice or newsletter box after the text holds paragraphs too, but it is its
 * own component, and so are author boxes and "related" rows.
 */
import { linkDensity } from './body';
import type { Held, Scan } from './score';

/** A sibling holding this many paragraphs, or this much paragraph text, is a block of text. */
const MIN_PARAGRAPHS = 2;
const MIN_BLOCK_CHARS = 400;
/** More of its text than this in links, and a block is a list of links (related stories). */
const MAX_LINK_DENSITY = 0.25;
/** Bounds: page builders nest a widget several wrappers deep; a page has so many blocks. */
const MAX_CLIMB = 8;
const MAX_SIBLINGS = 60;
/**
 * The climb goes on through ancestors holding at most this many times the body's paragraph text:
 * a builder's section may hold a short line beside the text widget (a caption, a call to action).
 */
const OTHER_TEXT = 1.5;

/**
 * A class name that names one element rather than a kind: builders number their blocks
 * ("elementor-element-4866f849", "post-4163"), so two text sections differ only there.
 */
const isIdToken = (token: string): boolean => /\d{3}/.test(token) || (/\d/.test(token) && /[\da-f]{6}/.test(token));

/**
 * Tag and class names but for element ids: what a page builder's blocks of one kind share. When
 * every name looks like an id, they are the kind (a CSS module's hashed class, "fa265be5", is the
 * same on every block of its component). Without class names, the id: `#contentsBody` and
 * `#contentsFooter` are two different things.
 */
function kindOf(el: Element): string {
  const names = el.getAttribute('class') ?? '';
  if (!names.trim()) return `${el.localName}#${el.id}`;
  const kind = names.split(/\s+/).filter((t) => t && !isIdToken(t)).join(' ');
  return `${el.localName}.${kind || names}`;
}

/**
 * Sibling blocks of `body` (or of the wrapper around it) that hold more of the article's text,
 * in document order; empty when there are none. `root` is document.body.
 *
 * The wrapper: climb from the body through ancestors that hold no other paragraph (a section's
 * heading or image beside the text is no reason to stop: builders put each section's heading
 * and text in separate widgets); when no block of its kind stands beside that one, through
 * ancestors that hold little other paragraph text (a one-line call to action beside the text
 * widget). Never up to an <article>, nor from one: its siblings are other pieces (the next story
 * on an endless page).
 */
export function siblingBlocks(body: Element, root: Element, scan: Scan): Element[] {
  const held = (el: Element): Held | undefined => scan.held.get(el);
  const count = held(body)?.count ?? 0;
  const limit = OTHER_TEXT * (held(body)?.chars ?? 0);
  // First through ancestors holding no other paragraph: an article in two or three big sections
  // of one kind is joined at the sections' level, which the looser climb would pass.
  const strictTop = climb(body, root, (up) => held(up)?.count === count);
  const strict = besideBlock(strictTop, root, scan);
  if (strict.length > 0) return strict;
  const looseTop = climb(body, root, (up) => (held(up)?.chars ?? 0) <= limit);
  // Often the same wrapper (nothing beside the text at all): its siblings were just looked at.
  return looseTop === strictTop ? strict : besideBlock(looseTop, root, scan);
}

/** The highest ancestor of `body` (or body) reached through ancestors that `passes`, below root and <article>. */
function climb(body: Element, root: Element, passes: (up: Element) => boolean): Element {
  let top = body;
  for (let i = 0; i < MAX_CLIMB; i++) {
    const up = top.parentElement;
    if (!up || up === root || up.localName === 'article' || !passes(up)) break;
    top = up;
  }
  return top;
}

/** Siblings of `top` of its kind that hold running text, in document order. */
function besideBlock(top: Element, root: Element, scan: Scan): Element[] {
  const parent = top.parentElement;
  if (!parent || parent === root || parent.children.length > MAX_SIBLINGS || top.localName === 'article') return [];
  const kind = kindOf(top);
  const out: Element[] = [];
  for (const child of parent.children) {
    if (child === top || kindOf(child) !== kind) continue;
    const held = scan.held.get(child);
    if (!held || (held.count < MIN_PARAGRAPHS && held.chars < MIN_BLOCK_CHARS)) continue;
    if (linkDensity(child, scan.lengths) > MAX_LINK_DENSITY) continue;
    out.push(child);
  }
  return out;
}
