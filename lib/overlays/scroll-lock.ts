/**
 * Undoing the scroll locks that walls install alongside their overlay.
 *
 * Sites lock scrolling in three ways, often combined:
 *  1. `overflow: hidden` on <html> or <body> (inline or via a class such as
 *     `modal-open`), sometimes with `height: 100%`;
 *  2. "iOS style": `body { position: fixed; top: -<scrollY>px; width: 100% }`,
 *     which keeps the page visually in place while the document can't scroll;
 *  3. both.
 * Overflow on the root propagates to the viewport; body overflow only does
 * when <html> is `visible`. So <html> gets `overflow-y: auto` (same as the
 * default viewport behaviour) and <body> gets `overflow-y: visible`: if body's
 * value propagates the viewport scrolls; if it doesn't (html set something
 * else) body's content overflows its box into the scrolling viewport, even
 * with `height: 100%`. `overflow-x` is left alone: `overflow-x: hidden` on body
 * is ordinary site CSS, not a lock. Only the properties written here are
 * recorded in the ledger, so "Show again" restores the lock exactly.
 */
import { FightBudget } from './budget';
import type { StyleLedger } from './hide';

const LOCKED_OVERFLOW = new Set(['hidden', 'clip']);

/** Which scroll locks are in force on html/body right now. */
export interface LockState {
  overflow: Element[];
  fixed: Element[];
  /** Scroll offset saved in a negative `top`/`left` of a fixed body/html. */
  scrollTo: { x: number; y: number } | null;
}

/** Read the current lock state of the document. */
export function readScrollLock(doc: Document, win: Window): LockState {
  const state: LockState = { overflow: [], fixed: [], scrollTo: null };
  // body is typed non-null but is missing early in loading and in frameset pages.
  const roots: Array<Element | null> = [doc.documentElement, doc.body];
  for (const el of roots) {
    if (!el) continue;
    const cs = win.getComputedStyle(el);
    if (LOCKED_OVERFLOW.has(cs.overflowY)) state.overflow.push(el);
    if (cs.position === 'fixed') {
      state.fixed.push(el);
      const top = parseFloat(cs.top) || 0;
      const left = parseFloat(cs.left) || 0;
      state.scrollTo = { x: Math.max(0, -left), y: Math.max(0, -top) };
    }
  }
  return state;
}

/**
 * Undo the locks in force, writing through the ledger. `allow(el)` lets the
 * caller cap how often one element is fought over. Returns the elements that
 * were changed (empty when nothing was locked).
 */
export function undoScrollLock(doc: Document, win: Window, ledger: StyleLedger, allow: (el: Element) => boolean): Element[] {
  const state = readScrollLock(doc, win);
  const changed = new Set<Element>();
  for (const el of state.fixed) {
    if (!allow(el)) continue;
    ledger.set(el, 'position', 'static');
    ledger.set(el, 'top', 'auto');
    ledger.set(el, 'left', 'auto');
    changed.add(el);
  }
  for (const el of state.overflow) {
    if (!changed.has(el) && !allow(el)) continue;
    if (el === doc.documentElement) {
      ledger.set(el, 'overflow-y', 'auto');
    } else {
      ledger.set(el, 'overflow-y', 'visible');
      // `overflow: hidden` also set overflow-x, and next to a non-visible x a
      // visible y computes to auto: body would become its own scroller (the
      // wheel would scroll nothing when body has height: 100%). `clip` clips
      // the same way without making a scroll container.
      const x = win.getComputedStyle(el).overflowX;
      if (x !== 'visible' && x !== 'clip') ledger.set(el, 'overflow-x', 'clip');
    }
    changed.add(el);
  }
  // Put the reader back where the fixed body showed them (layout is flushed by scrollTo).
  if (state.scrollTo && state.fixed.some((el) => changed.has(el))) {
    win.scrollTo({ left: state.scrollTo.x, top: state.scrollTo.y, behavior: 'instant' });
  }
  return [...changed];
}

/** True when some lock is in force. */
export function isLocked(state: LockState): boolean {
  return state.overflow.length > 0 || state.fixed.length > 0;
}

/** What html/body currently say about themselves (inline style and classes). */
function signature(doc: Document): string {
  return [doc.documentElement, doc.body].map((el) => (el ? `${el.getAttribute('style') ?? ''}|${el.getAttribute('class') ?? ''}` : '')).join('||');
}

/**
 * undoScrollLock with a per-element fight budget (sites that re-lock in a
 * loop), which leaves alone a lock the reader's own action caused.
 */
export class LockUndoer {
  private readonly budget = new FightBudget<Element>();
  /** html/body as they were when the reader's action locked scrolling; null when no such lock. */
  private readerLock: string | null = null;
  /** True when a lock was left in place for now (rate-limited) and may be undone later. */
  retry = false;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private readonly ledger: StyleLedger,
  ) {}

  /**
   * The reader just acted: a lock in force now is theirs (a menu, a dialog
   * they opened) until html/body change again without them.
   */
  readerActed(): void {
    this.readerLock = isLocked(readScrollLock(this.doc, this.win)) ? signature(this.doc) : null;
  }

  /** Undo the locks in force; t is when the page (re-)applied them, `at` is now. */
  undo(t: number, at = t): void {
    this.retry = false;
    if (this.readerLock !== null) {
      if (this.readerLock === signature(this.doc)) return;
      this.readerLock = null;
    }
    const changed = undoScrollLock(this.doc, this.win, this.ledger, (el) => {
      if (this.budget.take(el, t)) return true;
      this.retry ||= !this.budget.exhausted(el);
      return false;
    });
    for (const el of changed) this.budget.wroteAt(el, at);
  }
}
