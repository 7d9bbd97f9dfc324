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
 * any. Fixed elements float over the article whatever their z-index; a wide
 * fixed strip (metering bar) counts when it is stacked. Sticky and absolute
 * elements are part of the flow unless they cover most of the viewport (a
 * sticky sidebar newsletter box is not an overlay).
 */
export function coversText(el: Element, style: CSSStyleDeclaration, rect: DOMRectReadOnly, vp: Viewport): boolean {
  const cover = coverage(rect, vp);
  if (cover <= 0) return false;
  // Modal <dialog>s and open popovers live in the top layer, above any z-index.
  const z = inTopLayer(el) ? Number.MAX_SAFE_INTEGER : zIndexOf(style);
  switch (style.position) {
    case 'fixed':
      return cover >= 0.25 || (z >= 1 && (cover >= 0.04 || rect.width >= 0.6 * vp.width));
    case 'sticky':
      return cover >= 0.5;
    case 'absolute':
      return cover >= 0.6 && z >= 1;
    default:
      return false;
  }
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

/** Fixed or absolute layer over (nearly) the whole viewport with a dim background. */
export function isBackdropBox(style: CSSStyleDeclaration, rect: DOMRectReadOnly, vp: Viewport): boolean {
  return (style.position === 'fixed' || style.position === 'absolute') && coverage(rect, vp) >= 0.85 && isDimColor(style);
}
