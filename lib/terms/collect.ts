/**
 * Text collection: turns DOM subtrees into plain-text segments the matcher can
 * scan, remembering which Text node each character came from.
 *
 * Text nodes are concatenated within a block (so "Claudia <em>Sheinbaum</em>"
 * is one string) and a new segment starts at every block boundary or <br>
 * (so words of two paragraphs never join, and no match spans paragraphs).
 * The DOM is only read, never modified.
 */

/** A run of inline text: `text` is the concatenation of `nodes`; `offsets[k]` is where `nodes[k]` starts in it. */
export interface Segment {
  readonly text: string;
  readonly nodes: readonly Text[];
  readonly offsets: readonly number[];
}

/** Subtrees whose text is not article prose: code, form controls, editors, graphics. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'NOSCRIPT', 'TEMPLATE',
  'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Elements that break the inline flow (by tag: computed styles would force style recalculation). */
const BREAKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'BUTTON', 'CAPTION', 'DD', 'DETAILS',
  'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'IMG', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PICTURE',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Whether an element's whole subtree must be ignored. */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.tagName.toUpperCase())) return true;
  // Editable regions belong to the user; `contenteditable=""` means true.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function isBreak(el: Element): boolean {
  return BREAKS.has(el.tagName.toUpperCase());
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
  readonly segments: Segment[] = [];
  #text = '';
  #nodes: Text[] = [];
  #offsets: number[] = [];
  /** Nearest breaking ancestor of the text in the current segment. */
  block: Node | null = null;

  add(node: Text): void {
    this.#nodes.push(node);
    this.#offsets.push(this.#text.length);
    this.#text += node.data;
  }

  flush(): void {
    if (this.#nodes.length > 0) {
      this.segments.push({ text: this.#text, nodes: this.#nodes, offsets: this.#offsets });
    }
    this.#text = '';
    this.#nodes = [];
    this.#offsets = [];
    this.block = null;
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
 * Collect the text under `roots` as segments. At most `maxTextNodes` non-empty
 * Text nodes are read in total, which bounds the work on huge pages.
 */
export function collectSegments(roots: readonly Element[], maxTextNodes: number): Segment[] {
  const builder = new SegmentBuilder();
  let budget = maxTextNodes;
  for (const root of normalizeRoots(roots)) {
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode: (n) => (n.nodeType === 1 && isSkipped(n as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
    });
    for (let n = walker.nextNode(); n !== null && budget > 0; n = walker.nextNode()) {
      if (n.nodeType === 1) {
        if (isBreak(n as Element)) builder.flush();
        continue;
      }
      const text = n as Text;
      if (text.data === '') continue;
      // Leaving a block shows up as a text node whose nearest block differs from the current one.
      const block = breakingAncestor(text, root);
      if (builder.block !== null && builder.block !== block) builder.flush();
      builder.block = block;
      builder.add(text);
      budget--;
    }
    builder.flush();
  }
  return builder.segments;
}
