/**
 * Tracks the reader's own actions, so a dialog the reader opened (log-in,
 * share, menu) and the scroll lock it brings are never hidden or undone.
 *
 * Trusted pointer and key events count (pages can't forge them). Keys that
 * merely scroll don't count, and a touch that turns into a pan is cancelled by
 * the browser (`pointercancel`), which withdraws it: walls often appear on
 * scroll. One untrusted event counts too: a `click` on a control (button,
 * link, summary, labelled input). That is
 * `element.click()`, which assistive tools and automation use to activate a
 * control the reader chose when it can't be reached by pointer (covered,
 * off-screen). Erring towards "the reader opened it" only ever leaves a dialog
 * up; a wall script that clicks its own button to open itself is rare.
 */

/**
 * Within this long after a reader action, new overlays and locks are the reader's. Two seconds,
 * not one: a dialog opened by a click often waits for a fetch (the log-in form, the share
 * targets) before it shows, and leaving a wall up for a moment is the safe side of the line.
 */
export const READER_ACTION_MS = 2000;

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Shift', 'Control', 'Alt', 'Meta']);

const CONTROL = 'button, a[href], summary, label, input[type="button"], input[type="submit"], [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

/** The target is (in) an activatable control. */
function isControl(target: EventTarget | null): boolean {
  const el = target as Partial<Element> | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest(CONTROL);
}

/** Read access to the last reader action. */
export interface ReaderActions {
  /** True when the reader acted within READER_ACTION_MS. */
  recent(): boolean;
}

/** Listen (capture, passive) on win until signal aborts. */
export function trackReaderActions(win: Window, now: () => number, signal: AbortSignal): ReaderActions {
  let last = Number.NEGATIVE_INFINITY;
  let beforePointer = last;
  const opts: AddEventListenerOptions = { capture: true, passive: true, signal };
  win.addEventListener('pointerdown', (e) => {
    if (!e.isTrusted) return;
    beforePointer = last;
    last = now();
  }, opts);
  win.addEventListener('pointercancel', (e) => {
    if (e.isTrusted) last = beforePointer;
  }, opts);
  win.addEventListener('click', (e) => {
    if (e.isTrusted || !isControl(e.target)) return;
    last = now();
  }, opts);
  win.addEventListener('keydown', (e) => {
    if (!e.isTrusted || SCROLL_KEYS.has(e.key)) return;
    // Space scrolls the page unless a control has focus.
    const tag = (e.target as Partial<Element> | null)?.tagName;
    if (e.key === ' ' && (!tag || tag === 'BODY' || tag === 'HTML')) return;
    last = now();
  }, opts);
  return { recent: () => now() - last <= READER_ACTION_MS };
}
