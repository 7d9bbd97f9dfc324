/**
 * Which highlighted mention is under the pointer. Highlights are not elements, so events cannot
 * tell; browsers differ in what they offer, and this module picks by feature detection:
 *
 * - `CSS.highlights.highlightsFromPoint(x, y)` (recent Chrome): the highlights at the point and
 *   their ranges, so the common case (pointer over plain text) returns at once and a hit names
 *   its range directly;
 * - `document.caretPositionFromPoint` (Firefox, Chrome 128+) or `caretRangeFromPoint` (older
 *   Chrome, Safari): the text position under the pointer, then a binary search over the
 *   mentions (in document order) for the range holding it.
 *
 * Caret APIs answer the nearest text position even in margins and past line ends, so a
 * candidate is confirmed by its own client rects before it is returned.
 */

/** What hit-testing needs of a mention. */
export interface HitTarget {
  range: Range;
}

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

interface HitDocument {
  caretPositionFromPoint?: (x: number, y: number, options?: unknown) => CaretPositionLike | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
  defaultView: (Window & { CSS?: { highlights?: HighlightRegistryLike } }) | null;
}

interface HighlightRegistryLike {
  get(name: string): unknown;
  highlightsFromPoint?: (x: number, y: number, options?: unknown) => readonly unknown[];
}

/** Options of {@link mentionAtPoint}. */
export interface HitOptions {
  /** Name the mentions are registered under; enables the highlightsFromPoint shortcut. */
  highlightName?: string;
}

/** The text position under (x, y), or null. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as HitDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint.call(doc, x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint.call(doc, x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Whether (x, y) is inside one of the range's boxes. */
function rangeHas(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

const byRange = new WeakMap<readonly HitTarget[], Map<AbstractRange, HitTarget>>();

/**
 * The answer of highlightsFromPoint: a mention (its range was reported), null (none of ours is
 * here), or undefined (API absent, or it did not say which range: fall back to the caret).
 */
function fromHighlights<T extends HitTarget>(doc: Document, x: number, y: number, name: string, mentions: readonly T[]): T | null | undefined {
  const registry = (doc as unknown as HitDocument).defaultView?.CSS?.highlights;
  if (!registry || typeof registry.highlightsFromPoint !== 'function') return undefined;
  const ours = registry.get(name);
  if (ours === undefined) return null;
  let hits: readonly unknown[];
  try {
    hits = registry.highlightsFromPoint(x, y);
  } catch {
    return undefined;
  }
  // Chrome returns { highlight, ranges } (early drafts: the Highlight objects themselves).
  const hit = hits.find((h) => h === ours || (h as { highlight?: unknown })?.highlight === ours);
  if (hit === undefined) return null;
  const ranges = (hit as { ranges?: readonly AbstractRange[] }).ranges;
  if (!Array.isArray(ranges) || ranges.length === 0) return undefined;
  let map = byRange.get(mentions);
  if (!map) {
    map = new Map(mentions.map((m) => [m.range, m]));
    byRange.set(mentions, map);
  }
  for (const r of ranges) {
    const m = map.get(r);
    if (m) return m as T;
  }
  return undefined;
}

/** Position of a boundary point relative to a range: -1 before, 0 inside, 1 after. */
function compare(range: Range, node: Node, offset: number): number {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return Number.NaN; // another document or a detached range
  }
}

/**
 * The mention under the viewport point (x, y), or null. `mentions` must be in document order
 * (as findMentions returns them) and not overlap.
 */
export function mentionAtPoint<T extends HitTarget>(
  doc: Document,
  x: number,
  y: number,
  mentions: readonly T[],
  opts: HitOptions = {},
): T | null {
  if (mentions.length === 0) return null;
  if (opts.highlightName !== undefined) {
    const hit = fromHighlights(doc, x, y, opts.highlightName, mentions);
    if (hit !== undefined) return hit;
  }
  const caret = caretAt(doc, x, y);
  if (caret === null) return null;
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compare(mentions[mid]!.range, caret.node, caret.offset);
    if (Number.isNaN(c)) return null;
    if (c === 0) {
      found = mid;
      break;
    }
    if (c < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  if (found < 0) return null;
  // A caret between two touching mentions is inside both: check the neighbours' boxes too.
  for (const i of [found, found - 1, found + 1]) {
    const m = mentions[i];
    if (m && compare(m.range, caret.node, caret.offset) === 0 && rangeHas(m.range, x, y)) return m;
  }
  return null;
}
