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
import type { Scan } from './score';

/** A sibling holding this many paragraphs, or this much paragraph text, is a block of text. */
const MIN_PARAGRAPHS = 2;
const MIN_BLOCK_CHARS = 400;
/** More of its text than this in links, and a block is a list of links (related stories). */
const MAX_LINK_DENSITY = 0.25;
/** Bounds: page builders nest a widget a few wrappers deep; a page has so many blocks. */
const MAX_CLIMB = 4;
const MAX_SIBLINGS = 60;

/** Tag and class names: what a page builder's blocks of one kind share. */
const kindOf = (el: Element): string => `${el.localName}.${el.getAttribute('class') ?? ''}`;

/**
 * Sibling blocks of `body` (or of the wrapper it is the only child of) that hold more of the
 * article's text, in document order; empty when there are none. `root` is document.body.
 */
export function siblingBlocks(body: Element, root: Element, scan: Scan): Element[] {
  let top = body;
  for (let i = 0; i < MAX_CLIMB && top.parentElement && top.parentElement !== root && top.parentElement.children.length === 1; i++) {
    top = top.parentElement;
  }
  const parent = top.parentElement;
  if (!parent || parent === root || parent.children.length > MAX_SIBLINGS) return [];
  const kind = kindOf(top);
  const out: Element[] = [];
  for (const child of parent.children) {
    if (child === top || kindOf(child) !== kind) continue;
    const held = scan.held.get(child);
    if (!held || (held.count < MIN_PARAGRAPHS && held.chars < MIN_BLOCK_CHARS)) continue;
    if (linkDensity(child) > MAX_LINK_DENSITY) continue;
    out.push(child);
  }
  return out;
}
