/**
 * Reads the article's text for discovery: one string, blocks (paragraphs, list items, headings)
 * separated by "\n" so no sentence or name runs across them, plus where the italics and links are.
 * Inline elements (links, <em>, <span>...) stay inside their sentence.
 */
import { skipSubtree } from '../collect';

/** A run of text between block boundaries: [start, end) in `PageText.text`. */
export interface Block {
  start: number;
  end: number;
  /** Characters of the block inside links: a block that is mostly links is navigation. */
  linkChars: number;
}

export interface PageText {
  text: string;
  blocks: Block[];
  /** [start, end) of each italic run (<em>, <i>, <cite>, <dfn>): foreign words and marked terms. */
  italics: [number, number][];
}

/** Never read: code, form fields, page furniture. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'form',
  'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'nav', 'aside', 'header', 'footer',
]);
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn']);

// NodeFilter.SHOW_ELEMENT | SHOW_TEXT as a number: the constants object is missing in some test DOMs.
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** Upper bound on text read, so a huge page cannot stall the content script. */
export const MAX_CHARS = 300_000;

function rejected(el: Element): boolean {
  if (SKIP.has(el.localName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor that is not inline (or the root): text in the same one shares a block. */
function blockOf(node: Node, root: Element): Node {
  let el = node.parentElement;
  while (el && el !== root && INLINE.has(el.localName)) el = el.parentElement;
  return el ?? root;
}

/** Whether an inline ancestor below the block matches `names`. */
function inside(node: Node, block: Node, names: ReadonlySet<string>): boolean {
  for (let el = node.parentElement; el && el !== block; el = el.parentElement) if (names.has(el.localName)) return true;
  return false;
}

const LINK = new Set(['a']);

/** Reads `roots` in document order (each root is its own block). */
export function readText(roots: readonly Element[]): PageText {
  const steps = readSteps(roots);
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

/** Text nodes read between two looks at the clock in {@link readTextSliced}. */
const NODES_PER_STEP = 64;

/**
 * {@link readText} in slices of about `sliceMs` of main-thread work separated by `pause()`, so a
 * long article does not hold the page in one task (a 30 ms stall on a long Wikipedia page).
 * The DOM may change between slices; the walker carries on from where it is.
 */
export async function readTextSliced(
  roots: readonly Element[],
  opts: { pause: () => Promise<void>; sliceMs?: number; now?: () => number; signal?: AbortSignal },
): Promise<PageText> {
  const { sliceMs = 8, now = () => performance.now() } = opts;
  const steps = readSteps(roots);
  let sliceStart = now();
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    if (now() - sliceStart >= sliceMs) {
      await opts.pause();
      opts.signal?.throwIfAborted();
      sliceStart = now();
    }
  }
}

/** The reading itself, pausing (yielding) every NODES_PER_STEP text nodes; returns the text. */
function* readSteps(roots: readonly Element[]): Generator<void, PageText> {
  const out: PageText = { text: '', blocks: [], italics: [] };
  let block: Block | null = null;
  let current: Node | null = null;
  let endsWithBreak = true; // nothing read yet: no break needed
  let count = 0;
  const close = () => {
    if (block && block.end > block.start) out.blocks.push(block);
    // Tracked in a flag, not read back with endsWith(): `text` grows by concatenation (a rope in
    // V8), and reading its last character flattens it, which made this loop quadratic (seconds
    // on a page flooded with thousands of paragraphs).
    if (!endsWithBreak && out.text.length < MAX_CHARS) {
      out.text += '\n';
      endsWithBreak = true;
    }
    block = null;
    current = null;
  };
  for (const root of roots) {
    close();
    // No NodeFilter callback (see skipSubtree): rejected subtrees are stepped over by hand.
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    for (let n = walker.nextNode(); n && out.text.length < MAX_CHARS; n = n.nodeType === 1 && rejected(n as Element) ? skipSubtree(walker) : walker.nextNode()) {
      if (n.nodeType === 1) {
        if ((n as Element).localName === 'br') close();
        continue;
      }
      const data = (n as Text).data;
      if (!data) continue;
      const b = blockOf(n, root);
      if (b !== current) { close(); current = b; }
      block ??= { start: out.text.length, end: out.text.length, linkChars: 0 };
      const start = out.text.length;
      // Never past MAX_CHARS, even inside one long text node: the reader's text travels to the
      // background, which refuses anything longer.
      const piece = data.slice(0, MAX_CHARS - start).replace(/[\r\n\t]+/gu, ' ');
      out.text += piece;
      if (piece) endsWithBreak = false;
      block.end = out.text.length;
      if (inside(n, b, ITALIC)) addSpan(out.italics, start, out.text.length);
      if (inside(n, b, LINK)) block.linkChars += data.length;
      if (++count % NODES_PER_STEP === 0) yield;
    }
  }
  close();
  return out;
}

/** Appends [start, end), joining it to the previous run when they touch ("<em>narco</em><em>-boats</em>"). */
function addSpan(spans: [number, number][], start: number, end: number): void {
  const last = spans[spans.length - 1];
  if (last && last[1] === start) last[1] = end;
  else spans.push([start, end]);
}
