/**
 * The hover tooltip over a highlighted term: one line of text (the note's title, or a one-line
 * hint) in a closed shadow root, so page scripts and styles can neither read nor restyle it.
 * It never holds a note body. Created on first use and removed when the signal aborts; it sits
 * under <html>, outside <body>, so observers of the article never see it, and it takes no
 * pointer events, so it never gets in the way of the page.
 */

/** Where to show the tooltip: a viewport rectangle (e.g. a mention's first client rect). */
export interface Anchor {
  left: number;
  top: number;
  bottom: number;
}

/** The tooltip's handle. */
export interface Tooltip {
  /** Shows `text` (plain text, one line) above `anchor`, or below it near the viewport top. */
  show(text: string, anchor: Anchor): void;
  hide(): void;
  readonly visible: boolean;
}

/** Dependencies of {@link createTooltip}. */
export interface TooltipDeps {
  doc: Document;
  /** Removes the element and stops everything when aborted. */
  signal: AbortSignal;
}

const HOST_TAG = 'gloss-tooltip';
const GAP = 6;
const CSS_TEXT = `
.tip {
  box-sizing: border-box; max-width: min(32rem, 90vw); padding: 4px 8px; border-radius: 4px;
  background: #1f2328; color: #f6f8fa; border: 1px solid rgba(255, 255, 255, 0.25);
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);
  font: 500 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; direction: auto;
}`;

/** Inline `!important` declarations: the page's own CSS cannot move or hide the host. */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['display', 'block'],
  ['contain', 'layout style'],
];

/** A lazily created tooltip bound to `doc` and `signal`. */
export function createTooltip({ doc, signal }: TooltipDeps): Tooltip {
  let host: HTMLElement | null = null;
  let box: HTMLElement | null = null;
  let visible = false;

  function ensure(): { host: HTMLElement; box: HTMLElement } | null {
    if (signal.aborted) return null;
    if (host && box) {
      if (!host.isConnected) doc.documentElement.append(host); // a page may have removed it
      return { host, box };
    }
    host = doc.createElement(HOST_TAG);
    for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    box = doc.createElement('div');
    box.className = 'tip';
    box.setAttribute('role', 'tooltip');
    root.append(style, box);
    doc.documentElement.append(host);
    return { host, box };
  }

  signal.addEventListener(
    'abort',
    () => {
      host?.remove();
      host = null;
      box = null;
      visible = false;
    },
    { once: true },
  );

  return {
    get visible() {
      return visible;
    },
    show(text, anchor) {
      const el = ensure();
      if (!el) return;
      el.box.textContent = text;
      el.host.style.setProperty('visibility', 'hidden', 'important');
      el.host.style.setProperty('display', 'block', 'important');
      const view = doc.defaultView;
      const width = el.box.offsetWidth;
      const height = el.box.offsetHeight;
      const vw = view?.innerWidth ?? width;
      const above = anchor.top - GAP - height;
      const y = above >= 0 ? above : anchor.bottom + GAP;
      const x = Math.max(0, Math.min(anchor.left, vw - width));
      el.host.style.setProperty('transform', `translate(${Math.round(x)}px, ${Math.round(y)}px)`, 'important');
      el.host.style.setProperty('visibility', 'visible', 'important');
      visible = true;
    },
    hide() {
      if (host) host.style.setProperty('display', 'none', 'important');
      visible = false;
    },
  };
}
