/**
 * Text collection: turns DOM subtrees into plain-text segments the matcher can
 * scan, remembering which Text node each character came from.
 *
 * Text nodes are concatenated within a block (so "Claudia <em>Sheinbaum</em>"
 * is one string) and a new segment starts at every block boundary or <br>
 * (so words of two paragraphs never join, and no match spans paragraphs).
 * The DOM is only read, never modified. Segments come one at a time from a generator that
 * also yields `null` every few hundred nodes, so a time-sliced caller can pause anywhere, even
 * in a page of 100,000 nodes with no text.
 */

/** A run of inline text: `text` is the concatenation of `nodes`; `offsets[k]` is where `nodes[k]` starts in it. */
export interface Segment {
  readonly text: string;
  readonly nodes: readonly Text[];
  readonly offsets: readonly number[];
}

/** Subtrees whose text is not article prose: code, form controls, editors, graphics. */
const SKIPPED = new Set([
  'script', 'style', 'textarea', 'input', 'select', 'option', 'noscript', 'template',
  'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio', 'head', 'title',
]);

/** Elements that break the inline flow (by tag: computed styles would force style recalculation). */
const BREAKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'img', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'picture',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** A segment is cut after this many nodes where a node ends in a space, and always at the hard cap. */
const SOFT_MAX_SEGMENT_NODES = 2048;
const HARD_MAX_SEGMENT_NODES = 8192;
/** Nodes visited between two `null` ticks of {@link segments}. */
const TICK_NODES = 512;

// localName: lower-case for HTML elements, and no string is allocated (tagName is upper-case).
const tagOf = (el: Element): string => el.localName;

/** Elements made editable (`contenteditable=""` means true; only "false" turns it off). */
const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

/** Whether an element's whole subtree must be ignored. */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(tagOf(el))) return true;
  // Editable regions belong to the user; `contenteditable=""` means true.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function isBreak(el: Element): boolean {
  return BREAKS.has(tagOf(el));
}

/** Roots in document order, without duplicates or roots inside other roots, nor roots inside skipped elements. */
export function normalizeRoots(roots: readonly Element[]): Element[] {
  const unique = [...new Set(roots)].filter((r) => !roots.some((o) => o !== r && o.contains(r)));
  const kept = unique.filter((r) => {
    for (let el: Element | null = r; el !== null; el = el.parentElement) if (isSkipped(el)) return false;
    return true;
  });
  return kept.sort((a, b) => {
    const pos = a.compareDocumentPosition(b);
    if (pos & 4 /* FOLLOWING */) return -1;
    if (pos & 2 /* PRECEDING */) return 1;
    return 0;
  });
}

/** Accumulates text nodes into segments. */
class SegmentBuilder {
  #text = '';
  #nodes: Text[] = [];
  #offsets: number[] = [];
  /** Nearest breaking ancestor of the text in the current segment. */
  block: Node | null = null;

  get size(): number {
    return this.#nodes.length;
  }

  endsInSpace(): boolean {
    const c = this.#text.charCodeAt(this.#text.length - 1);
    return c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0;
  }

  add(node: Text, data: string): void {
    this.#nodes.push(node);
    this.#offsets.push(this.#text.length);
    this.#text += data;
  }

  /** The segment so far (or null if empty), starting a new one. */
  flush(): Segment | null {
    const seg = this.#nodes.length > 0 ? { text: this.#text, nodes: this.#nodes, offsets: this.#offsets } : null;
    this.#text = '';
    this.#nodes = [];
    this.#offsets = [];
    this.block = null;
    return seg;
  }
}

/** Nearest ancestor of `node` (up to `root`) that breaks the inline flow, or `root`. */
function breakingAncestor(node: Node, root: Element): Node {
  for (let el = node.parentElement; el !== null && el !== root; el = el.parentElement) {
    if (isBreak(el)) return el;
  }
  return root;
}

/**
 * Moves `walker` past the subtree of its current node; returns the next node or null. Walking
 * without a NodeFilter callback on purpose: Chromium refuses to call a filter function
 * ("The provided callback is no longer runnable") in a page whose JavaScript is switched off.
 */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

/**
 * The text under `roots` as segments, in document order, reading at most `maxTextNodes`
 * non-empty Text nodes in total (bounded work on huge pages). Also yields `null` every few
 * hundred nodes visited: a chance for a time-sliced caller to pause.
 */
export function* segments(roots: readonly Element[], maxTextNodes: number): Generator<Segment | null> {
  const builder = new SegmentBuilder();
  let budget = maxTextNodes;
  let tick = TICK_NODES;
  for (const root of normalizeRoots(roots)) {
    if (budget <= 0) break;
    const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
    // Editable regions, found by one native query instead of reading an attribute per element.
    const editable = new Set(root.querySelectorAll(EDITABLE));
    let n = walker.nextNode();
    while (n !== null && budget > 0) {
      if (--tick === 0) {
        tick = TICK_NODES;
        yield null;
      }
      if (n.nodeType === 1) {
        const el = n as Element;
        if (SKIPPED.has(tagOf(el)) || editable.has(el)) {
          n = skipSubtree(walker);
          continue;
        }
        if (isBreak(el)) {
          const seg = builder.flush();
          if (seg) yield seg;
        }
      } else {
        const text = n as Text;
        const data = text.data;
        if (data !== '') {
          // Leaving a block shows up as a text node outside the current segment's block.
          let cut = builder.block !== null && !builder.block.contains(text);
          if (!cut && builder.size >= SOFT_MAX_SEGMENT_NODES) cut = builder.endsInSpace() || builder.size >= HARD_MAX_SEGMENT_NODES;
          if (cut) {
            const seg = builder.flush();
            if (seg) yield seg;
          }
          builder.block ??= breakingAncestor(text, root);
          builder.add(text, data);
          budget--;
        }
      }
      n = walker.nextNode();
    }
    const seg = builder.flush();
    if (seg) yield seg;
  }
}

/** All segments at once (see {@link segments}). */
export function collectSegments(roots: readonly Element[], maxTextNodes: number): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments(roots, maxTextNodes)) if (seg) out.push(seg);
  return out;
}
