/**
 * Layout facts about one element: is it shown, how much of the viewport does
 * it cover, is it a dim backdrop. Needs a real layout engine (the callers pass
 * the page's window so iframes and tests use their own viewport).
 */

/** Viewport size in CSS px, without scrollbars. */
export interface Viewport {
  width: number;
  height: number;
}

/** Current viewport of doc/win. */
export function viewportOf(doc: Document, win: Window): Viewport {
  const html = doc.documentElement;
  return { width: html.clientWidth || win.innerWidth, height: html.clientHeight || win.innerHeight };
}

/** Share (0..1) of the viewport area covered by rect. */
export function coverage(rect: DOMRectReadOnly, vp: Viewport): number {
  if (vp.width <= 0 || vp.height <= 0) return 0;
  const w = Math.min(rect.right, vp.width) - Math.max(rect.left, 0);
  const h = Math.min(rect.bottom, vp.height) - Math.max(rect.top, 0);
  return w > 0 && h > 0 ? (w * h) / (vp.width * vp.height) : 0;
}

/** Numeric z-index ('auto' counts as 0). */
export function zIndexOf(style: CSSStyleDeclaration): number {
  const z = parseInt(style.zIndex, 10);
  return Number.isFinite(z) ? z : 0;
}

/** In the browser's top layer (modal dialog, open popover); false where the selectors are unknown. */
export function inTopLayer(el: Element): boolean {
  try {
    return el.matches(':modal, :popover-open');
  } catch {
    return false;
  }
}

/** Shown on screen: not visibility:hidden, not (nearly) transparent, ancestors included where the browser can tell. */
export function isShown(el: Element, style: CSSStyleDeclaration): boolean {
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
  if (parseFloat(style.opacity) < 0.1) return false;
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  return true;
}

/**
 * Where the element sits relative to the text, or null when it does not cover
 * any. Fixed elements float over the article: a big one whatever its z-index,
 * a small box or wide strip (modal, metering bar) unless a negative z-index
 * puts it behind the text (`z-index: auto` still paints a fixed element above
 * everything in the flow, so it counts). Sticky and absolute
 * elements are part of the flow unless they cover most of the viewport (a
 * sticky sidebar newsletter box is not an overlay); an absolute layer with
 * `z-index: auto` counts when it dims the page or is what the reader sees on
 * top (`onTop`).
 */
export function coversText(el: Element, style: CSSStyleDeclaration, rect: DOMRectReadOnly, vp: Viewport, onTop: () => boolean = () => false): boolean {
  const cover = coverage(rect, vp);
  if (cover <= 0) return false;
  // Modal <dialog>s and open popovers live in the top layer, above any z-index.
  const z = inTopLayer(el) ? Number.MAX_SAFE_INTEGER : zIndexOf(style);
  const floating = (stacked: boolean): boolean => cover >= 0.25 || (stacked && (cover >= 0.015 || rect.width >= 0.6 * vp.width));
  switch (style.position) {
    case 'fixed':
      return floating(z >= 0);
    case 'sticky':
      // A wide strip stuck to the top or bottom edge is a banner; other sticky boxes are in the flow.
      return cover >= 0.5 || (cover >= 0.04 && rect.width >= 0.6 * vp.width && (rect.top <= 2 || rect.bottom >= vp.height - 2));
    case 'absolute':
      // A (non-modal) dialog floats wherever the page put it, like a fixed box.
      if (isDialog(el)) return floating(true);
      return cover >= 0.6 && (z >= 1 || isDimColor(style) || onTop());
    default:
      return false;
  }
}

/** Marked up as a dialog: <dialog open>, role dialog/alertdialog, or aria-modal. */
export function isDialog(el: Element): boolean {
  if (el.tagName === 'DIALOG') return el.hasAttribute('open');
  const role = el.getAttribute('role');
  return role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true';
}

/** Parse `rgb()`/`rgba()` as computed by browsers; null for anything else. */
export function parseRgba(color: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return null;
  const alphaText = m[4];
  let a = alphaText === undefined ? 1 : parseFloat(alphaText);
  if (alphaText?.endsWith('%')) a /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/**
 * A dim shade: its (effective) background is dark and at least a little
 * opaque. Light "fades" are left alone on purpose: sites fade truncated text
 * with white gradients, and un-fading text is a line Gloss does not cross.
 */
export function isDimColor(style: CSSStyleDeclaration): boolean {
  const rgba = parseRgba(style.backgroundColor);
  if (!rgba) return false;
  const [r, g, b, a] = rgba;
  const alpha = a * (parseFloat(style.opacity) || 0);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return alpha >= 0.1 && luminance < 0.5;
}

/** A backdrop-filter (blur, darken) turns a transparent layer into a shade too. */
function filtersBackdrop(style: CSSStyleDeclaration): boolean {
  const f = style.backdropFilter || style.getPropertyValue('-webkit-backdrop-filter');
  return !!f && f !== 'none';
}

/** Fixed or absolute layer over (nearly) the whole viewport with a dim (or blurring) background. */
export function isBackdropBox(style: CSSStyleDeclaration, rect: DOMRectReadOnly, vp: Viewport): boolean {
  return (style.position === 'fixed' || style.position === 'absolute') && coverage(rect, vp) >= 0.85 && (isDimColor(style) || filtersBackdrop(style));
}

/** Parent across shadow boundaries (a shadow root's children have the host as parent). */
export function parentOf(el: Element): Element | null {
  return el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
}

/** a is b or holds b, looking through open shadow roots. */
export function composedContains(a: Element, b: Element): boolean {
  for (let e: Element | null = b; e; e = parentOf(e)) if (e === a) return true;
  return false;
}

/**
 * The element the reader sees at (x, y) in viewport coordinates, looking into
 * open shadow roots (the document only answers with the host). Elements with
 * `pointer-events: none` are invisible to hit testing and so are skipped.
 */
export function topAt(doc: Document, x: number, y: number): Element | null {
  let el = doc.elementFromPoint(x, y);
  for (let depth = 0; el?.shadowRoot && depth < 8; depth++) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}
