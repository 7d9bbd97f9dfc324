/**
 * Finds dictionary terms in the page and maps them to DOM Ranges, plus the
 * per-note mention counts shown in the UI. Read-only on the DOM.
 */
import { collectSegments, type Segment } from './collect';
import type { Matcher, Mention } from './types';

/** Default bound on Text nodes read by {@link findMentions}: plenty for any article body. */
export const DEFAULT_MAX_TEXT_NODES = 20_000;

/** Index of the node holding character `index` (the last node starting at or before it). */
function nodeAt(seg: Segment, index: number): number {
  let lo = 0;
  let hi = seg.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((seg.offsets[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Range over [start, end) of the segment's text, ending inside the node of the last character. */
function toRange(doc: Document, seg: Segment, start: number, end: number): Range | undefined {
  const a = nodeAt(seg, start);
  const b = nodeAt(seg, end - 1);
  const startNode = seg.nodes[a];
  const endNode = seg.nodes[b];
  if (startNode === undefined || endNode === undefined) return undefined;
  const range = doc.createRange();
  range.setStart(startNode, start - (seg.offsets[a] ?? 0));
  range.setEnd(endNode, end - (seg.offsets[b] ?? 0));
  return range;
}

/**
 * Find every mention of a dictionary term in the text under `roots` (article
 * body elements, headline), in document order. Matches may cross inline
 * elements (`<em>`, `<a>`...) but never block boundaries. Scripts, styles,
 * form controls, templates, SVG/MathML and contenteditable regions are skipped;
 * roots nested in other roots are read once.
 */
export function findMentions(
  roots: readonly Element[],
  matcher: Matcher,
  opts: { maxTextNodes?: number } = {},
): Mention[] {
  const mentions: Mention[] = [];
  for (const seg of collectSegments(roots, opts.maxTextNodes ?? DEFAULT_MAX_TEXT_NODES)) {
    const doc = seg.nodes[0]?.ownerDocument;
    if (doc === undefined) continue;
    for (const m of matcher.match(seg.text)) {
      if (m.end <= m.start) continue;
      const range = toRange(doc, seg, m.start, m.end);
      if (range) mentions.push({ noteId: m.noteId, range });
    }
  }
  return mentions;
}

/** Mention count per note, notes in order of their first mention. */
export function countMentions(mentions: readonly Mention[]): { noteId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.noteId, (counts.get(m.noteId) ?? 0) + 1);
  return [...counts].map(([noteId, count]) => ({ noteId, count }));
}
