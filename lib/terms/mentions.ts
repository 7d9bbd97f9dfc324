/**
 * Finds dictionary terms in the page and maps them to DOM Ranges, plus the per-note mention
 * counts shown in the UI. Read-only on the DOM. Two flavours over the same walk: synchronous
 * (bounded by a node budget) and time-sliced (pauses through an injected `yield` so a page with
 * 100,000 text nodes stays responsive, and stops when its signal aborts).
 */
import { segments, type Segment } from './collect';
import type { Matcher, Mention } from './types';

/** Default bound on Text nodes read by {@link findMentions}: plenty for any article body. */
export const DEFAULT_MAX_TEXT_NODES = 20_000;
/** Default bound for {@link findMentionsSliced}, which stays responsive however long it runs. */
export const DEFAULT_SLICED_MAX_TEXT_NODES = 200_000;

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

/** Range over [start, end) of a segment's text, or undefined (no nodes, or the DOM changed under it). */
export function rangeIn(seg: Segment, start: number, end: number): Range | undefined {
  const doc = seg.nodes[0]?.ownerDocument;
  if (doc === undefined) return undefined;
  try {
    return toRange(doc, seg, start, end);
  } catch {
    return undefined; // a text node shrank since it was read
  }
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

/** Matches one segment and appends its mentions. */
function matchSegment(seg: Segment, matcher: Matcher, out: Mention[]): void {
  const doc = seg.nodes[0]?.ownerDocument;
  if (doc === undefined) return;
  for (const m of matcher.match(seg.text)) {
    if (m.end <= m.start) continue;
    const range = toRange(doc, seg, m.start, m.end);
    if (range) out.push({ noteId: m.noteId, range });
  }
}

/**
 * Find every mention of a dictionary term in the text under `roots` (article body elements,
 * headline), in document order. Matches may cross inline elements (`<em>`, `<a>`...) but never
 * block boundaries. Scripts, styles, form controls, templates, SVG/MathML and contenteditable
 * regions are skipped; roots nested in other roots are read once.
 */
export function findMentions(roots: readonly Element[], matcher: Matcher, opts: { maxTextNodes?: number } = {}): Mention[] {
  const mentions: Mention[] = [];
  for (const seg of segments(roots, opts.maxTextNodes ?? DEFAULT_MAX_TEXT_NODES)) {
    if (seg) matchSegment(seg, matcher, mentions);
  }
  return mentions;
}

/** Options of {@link findMentionsSliced}. */
export interface SlicedOptions {
  /** Aborting stops the work: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of work between two yields, in ms (default 8: well inside a frame). */
  sliceMs?: number;
  /**
   * Gives the page its turn: resolves when the page may have handled input and painted, e.g.
   * `() => new Promise((r) => setTimeout(r, 0))` or `scheduler.yield()` where present.
   */
  yield: () => Promise<void>;
  /** Bound on Text nodes read (default {@link DEFAULT_SLICED_MAX_TEXT_NODES}). */
  maxTextNodes?: number;
  /** Clock, injectable for tests (default performance.now). */
  now?: () => number;
}

/**
 * {@link findMentions}, in slices of at most about `sliceMs` of main-thread work separated by
 * `opts.yield()`. The DOM may change between slices: ranges into removed text are harmless, and
 * the caller's article watcher (watch.ts) asks for a fresh pass anyway.
 */
export async function findMentionsSliced(roots: readonly Element[], matcher: Matcher, opts: SlicedOptions): Promise<Mention[]> {
  const { signal, sliceMs = 8, maxTextNodes = DEFAULT_SLICED_MAX_TEXT_NODES } = opts;
  const now = opts.now ?? (() => performance.now());
  signal?.throwIfAborted();
  const mentions: Mention[] = [];
  let sliceStart = now();
  for (const seg of segments(roots, maxTextNodes)) {
    if (seg) matchSegment(seg, matcher, mentions);
    if (now() - sliceStart >= sliceMs) {
      await opts.yield();
      signal?.throwIfAborted();
      sliceStart = now();
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
