/**
 * Pointer interaction with highlighted terms, in the content script: hovering a mention shows
 * its note's title in the tooltip (and marks it with a second highlight), clicking it asks to
 * open the note in the side panel.
 *
 * The click callback runs synchronously inside the page's click event: browsers only let an
 * extension open its panel during a user gesture, and an `await` before the request would
 * lose it. Clicks on a mention inside a link or control are left to the page (the reader
 * expects the link to work) unless Alt is held, which opens the note instead.
 *
 * Every listener, frame request and timer hangs off `signal`; the tooltip goes with it.
 */
import { mentionAtPoint, type HitOptions } from '../platform/hit-test';
import { DEFAULT_HIGHLIGHT_NAME } from './highlight';
import { createTooltip, type Anchor, type Tooltip } from './tooltip';
import type { Mention } from './types';

/** Name of the highlight that marks the hovered mention; style with `::highlight(gloss-term-active)`. */
export const ACTIVE_HIGHLIGHT_NAME = 'gloss-term-active';
/** How long a hint returned by `onOpen` stays up. */
const HINT_MS = 4000;
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]:not([contenteditable="false"])';

/** Options of {@link startTermInteraction}. */
export interface TermInteractionOptions {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** The current mentions, in document order (the controller never keeps a stale list). */
  mentions: () => readonly Mention[];
  /** A note's title for the tooltip (CompiledMatcher.titleOf); undefined shows nothing. */
  titleOf: (noteId: string) => string | undefined;
  /**
   * Called synchronously in the click handler (a user gesture): send the "open this note"
   * message from here, before any await. May return a promise of a one-line hint to show at
   * the click (e.g. when the browser refused to open the panel).
   */
  onOpen: (noteId: string) => void | Promise<string | void>;
  /** Name the mentions are highlighted under (default 'gloss-term'). */
  highlightName?: string | (() => string);
  /** Injected for tests. */
  hitTest?: <T extends Mention>(doc: Document, x: number, y: number, mentions: readonly T[], opts?: HitOptions) => T | null;
  tooltip?: Tooltip;
}

/** Handle of a running controller. */
export interface TermInteraction {
  /** The mention under the pointer, if any. */
  hovered(): Mention | null;
}

interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

function anchorOf(range: Range, x: number, y: number): Anchor {
  const rects = [...range.getClientRects()];
  const r = rects.find((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) ?? rects[0];
  return r ? { left: r.left, top: r.top, bottom: r.bottom } : { left: x, top: y, bottom: y };
}

/** Starts hover tooltips and click-to-open on highlighted mentions. */
export function startTermInteraction(opts: TermInteractionOptions): TermInteraction {
  const { doc, win, signal } = opts;
  const nameOpt = opts.highlightName ?? DEFAULT_HIGHLIGHT_NAME;
  // A function: the reader may change the highlight colour (and so its name) while the page is open.
  const name = typeof nameOpt === 'function' ? nameOpt : () => nameOpt;
  const hitTest = opts.hitTest ?? mentionAtPoint;
  const tooltip = opts.tooltip ?? createTooltip({ doc, signal });
  const w = win as unknown as HighlightWindow;
  let hovered: Mention | null = null;
  let frame = 0;
  let last = { x: 0, y: 0 };
  let hintTimer: ReturnType<typeof setTimeout> | undefined;

  const at = (x: number, y: number) => hitTest(doc, x, y, opts.mentions(), { highlightName: name() });

  function setHovered(m: Mention | null): void {
    if (m === hovered) return;
    hovered = m;
    const registry = w.CSS?.highlights;
    if (registry && w.Highlight) {
      if (m) registry.set(ACTIVE_HIGHLIGHT_NAME, new w.Highlight(m.range));
      else registry.delete(ACTIVE_HIGHLIGHT_NAME);
    }
    const title = m ? opts.titleOf(m.noteId) : undefined;
    if (m && title) tooltip.show(title, anchorOf(m.range, last.x, last.y));
    else if (hintTimer === undefined) tooltip.hide();
  }

  function onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    last = { x: e.clientX, y: e.clientY };
    // At most one hit test per frame, however fast the pointer moves.
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      if (!signal.aborted) setHovered(at(last.x, last.y));
    });
  }

  function showHint(text: string, x: number, y: number): void {
    if (signal.aborted || !text) return;
    clearTimeout(hintTimer);
    tooltip.show(text, { left: x, top: y, bottom: y });
    hintTimer = setTimeout(() => {
      hintTimer = undefined;
      tooltip.hide();
    }, HINT_MS);
  }

  function onClick(e: MouseEvent): void {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(INTERACTIVE) && !e.altKey) return;
    // A click that ends a text selection is the reader selecting, not asking for the note.
    const selection = win.getSelection();
    if (selection && !selection.isCollapsed) return;
    const m = at(e.clientX, e.clientY);
    if (!m) return;
    if (e.altKey) e.preventDefault(); // Alt+click on a link would download it
    const result = opts.onOpen(m.noteId);
    if (result && typeof result.then === 'function') {
      result.then((hint) => hint && showHint(hint, e.clientX, e.clientY)).catch(() => {});
    }
  }

  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('pointermove', onMove, listen);
  doc.addEventListener('click', onClick, { capture: true, signal });
  // The page moving under a still pointer: drop the tooltip rather than leave it misplaced.
  win.addEventListener('scroll', () => setHovered(null), listen);
  doc.addEventListener('mouseout', (e) => e.relatedTarget === null && setHovered(null), listen);
  signal.addEventListener(
    'abort',
    () => {
      if (frame) win.cancelAnimationFrame(frame);
      clearTimeout(hintTimer);
      const registry = w.CSS?.highlights;
      if (hovered && registry) registry.delete(ACTIVE_HIGHLIGHT_NAME);
      hovered = null;
    },
    { once: true },
  );

  return { hovered: () => hovered };
}
