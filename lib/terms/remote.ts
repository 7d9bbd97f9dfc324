/**
 * Matching in the background instead of the page (an alternative to shipping the compiled
 * dictionary to every content script): the content script collects the article's text
 * segments and sends their strings; the background, which keeps one matcher per dictionary
 * version, matches them and answers offsets; the content script maps those back to Ranges.
 * The page's main thread then pays only for reading its own text (about one text walk) and
 * for the Ranges, whatever the dictionary's size, and nothing about the dictionary enters it.
 *
 *   content:    const { texts, segments } = collectTexts(roots);
 *               const { matches } = await send('content:matchTexts', { version, texts });
 *               const mentions = mentionsFromMatches(segments, matches);
 *   background: matchTexts(matcher, texts)   // matcher built once per dictionary version
 */
import { segments as walkSegments, type Segment } from './collect';
import { DEFAULT_SLICED_MAX_TEXT_NODES, rangeIn, type SlicedOptions } from './mentions';
import type { Matcher, Mention } from './types';

/** A match in one of the texts sent: `[segment index, start, end, noteId]`, compact on the wire. */
export type SegmentMatch = [segment: number, start: number, end: number, noteId: string];

/** The article's text to send (`texts`) and what maps answers back to the DOM (`segments`, kept in the page). */
export interface CollectedTexts {
  texts: string[];
  segments: Segment[];
}

/** Reads the text under `roots` as segments (see collect.ts): cheap, read-only, bounded. */
export function collectTexts(roots: readonly Element[], opts: { maxTextNodes?: number } = {}): CollectedTexts {
  const segments: Segment[] = [];
  for (const seg of walkSegments(roots, opts.maxTextNodes ?? DEFAULT_SLICED_MAX_TEXT_NODES)) if (seg) segments.push(seg);
  return { texts: segments.map((s) => s.text), segments };
}

/** {@link collectTexts} in slices separated by `opts.yield()` (see findMentionsSliced). */
export async function collectTextsSliced(roots: readonly Element[], opts: SlicedOptions): Promise<CollectedTexts> {
  const { signal, sliceMs = 8, maxTextNodes = DEFAULT_SLICED_MAX_TEXT_NODES } = opts;
  const now = opts.now ?? (() => performance.now());
  signal?.throwIfAborted();
  const segments: Segment[] = [];
  let sliceStart = now();
  for (const seg of walkSegments(roots, maxTextNodes)) {
    if (seg) segments.push(seg);
    if (now() - sliceStart >= sliceMs) {
      await opts.yield();
      signal?.throwIfAborted();
      sliceStart = now();
    }
  }
  return { texts: segments.map((s) => s.text), segments };
}

/** Background side: every match in every text. Never throws on malformed input. */
export function matchTexts(matcher: Matcher, texts: unknown): SegmentMatch[] {
  const out: SegmentMatch[] = [];
  if (!Array.isArray(texts)) return out;
  texts.forEach((text, i) => {
    if (typeof text !== 'string') return;
    for (const m of matcher.match(text)) out.push([i, m.start, m.end, m.noteId]);
  });
  return out;
}

/** Content side: the background's answer as Mentions; answers that no longer fit the page are dropped. */
export function mentionsFromMatches(segments: readonly Segment[], matches: unknown): Mention[] {
  const out: Mention[] = [];
  if (!Array.isArray(matches)) return out;
  for (const m of matches as unknown[]) {
    if (!Array.isArray(m)) continue;
    const [i, start, end, noteId] = m as unknown[];
    const seg = typeof i === 'number' ? segments[i] : undefined;
    if (!seg || typeof start !== 'number' || typeof end !== 'number' || typeof noteId !== 'string') continue;
    if (!(start >= 0 && end > start && end <= seg.text.length)) continue;
    const range = rangeIn(seg, start, end);
    if (range) out.push({ noteId, range });
  }
  return out;
}
