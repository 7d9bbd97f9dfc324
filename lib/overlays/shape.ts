/**
 * Walls without telling words: a notice in a language the word lists do not
 * know, an image, a cross-origin iframe. What gives them away is the shape:
 * right after load, a dim backdrop over the whole viewport and, on top of it,
 * the box the reader is made to look at. Two forms:
 *
 *  - a container: one fixed layer, dim and covering the viewport, holding the
 *    box (what the reader sees at some point of the screen is inside it);
 *  - split: a dim covering backdrop, and above it a separate positioned box
 *    (what the reader sees there is not the backdrop but a layer over it);
 *  - a curtain: an opaque fixed layer (any colour) over the whole viewport,
 *    holding a control to act on (subscribe button, form, frame), that
 *    arrived just now. Container form only: an opaque light layer with nothing
 *    of its own to click is a splash or loading screen, and light "fades" over
 *    text are never touched (they are in the flow, not fixed over the viewport).
 *
 * A shade with nothing on top is not a wall (sites dim the page for their own
 * menus and loaders) and is left alone. The same exclusions as for worded
 * walls apply to the box (article text, navigation, players, chat, consent).
 * Only reads the page; registry.ts does the hiding.
 */
import { MAX_NOTICE_TEXT, textOf, type ScanContext } from './candidates';
import { isArticleRelated, isChatWidget, isConsentDialog, isMediaPlayer, siteChrome } from './exclusions';
import { composedContains, coverage, isBackdropBox, isShown, parentOf, parseRgba } from './geometry';

/** Points (fractions of the viewport) where a wall's box would show. */
const PROBES: ReadonlyArray<readonly [number, number]> = [[0.5, 0.5], [0.5, 0.3], [0.5, 0.7], [0.3, 0.5], [0.7, 0.5], [0.5, 0.9]];

export interface ShapeContext extends ScanContext {
  doc: Document;
  /** What the reader sees at (x, y) (see geometry.topAt); memoised by the caller. */
  hit: (x: number, y: number) => Element | null;
  /** Did el (or an ancestor) arrive recently enough to be part of a new overlay? */
  fresh: (el: Element) => boolean;
}

/**
 * Boxes to hide as shape-only walls, given covering layers without words
 * and dim backdrops seen recently. Each box is returned once.
 */
export function findShapeWalls(layers: readonly Element[], backdrops: readonly Element[], ctx: ShapeContext): Element[] {
  const out: Element[] = [];
  const add = (el: Element): void => {
    if (!out.some((o) => composedContains(o, el) || composedContains(el, o))) out.push(el);
  };
  const probes = PROBES.map(([fx, fy]) => [fx * ctx.vp.width, fy * ctx.vp.height] as const);
  for (const el of [...layers, ...backdrops]) {
    if (!el.isConnected || ctx.skip(el) || !ctx.fresh(el)) continue;
    const dim = isDimCover(el, ctx);
    if (!dim && !isCurtain(el, ctx)) continue;
    // Container form: something inside the shade is what the reader sees. A curtain is opaque
    // and holds its own call to action: being on top is enough (its text may sit between probes).
    if (probes.some(([x, y]) => {
      const top = ctx.hit(x, y);
      return !!top && (top !== el || !dim) && composedContains(el, top);
    })) {
      if (acceptable(el, ctx)) add(el);
      continue;
    }
    if (!dim) continue;
    // Split form: a separate layer sits on top of the shade.
    for (const [x, y] of probes) {
      const top = ctx.hit(x, y);
      if (!top || composedContains(el, top)) continue;
      const box = layerOf(top, el, ctx);
      if (box && ctx.fresh(box) && acceptable(box, ctx)) {
        add(box);
        break;
      }
    }
  }
  return out;
}

/** A dim (or blurring) layer over (nearly) the whole viewport. */
function isDimCover(el: Element, ctx: ScanContext): boolean {
  const style = ctx.win.getComputedStyle(el);
  if (style.display === 'none' || !isShown(el, style)) return false;
  return isBackdropBox(style, el.getBoundingClientRect(), ctx.vp);
}

/** A curtain covers this much of the viewport (a whole-screen wall, not a big box). */
const CURTAIN_COVER = 0.95;
/** ...and lets this little of the page through. */
const CURTAIN_ALPHA = 0.85;
const CONTROLS = 'button, a[href], input, select, textarea, iframe, form, [role="button"]';

/** An opaque fixed layer over the whole viewport with something to act on in it (see the header). */
function isCurtain(el: Element, ctx: ScanContext): boolean {
  const style = ctx.win.getComputedStyle(el);
  if (style.position !== 'fixed' || style.display === 'none' || !isShown(el, style)) return false;
  if (coverage(el.getBoundingClientRect(), ctx.vp) < CURTAIN_COVER) return false;
  const rgba = parseRgba(style.backgroundColor);
  const alpha = rgba ? rgba[3] * (parseFloat(style.opacity) || 0) : 0;
  return alpha >= CURTAIN_ALPHA && !!el.querySelector(CONTROLS);
}

/**
 * The positioned layer that `top` belongs to: its outermost fixed/absolute
 * ancestor below <body> that does not also hold the shade. Null when `top` is
 * in the page's flow (it can only be above a fixed shade by being positioned).
 */
function layerOf(top: Element, shade: Element, ctx: ScanContext): Element | null {
  const doc = top.ownerDocument;
  let layer: Element | null = null;
  for (let el: Element | null = top; el && el !== doc.body && el !== doc.documentElement; el = parentOf(el)) {
    if (composedContains(el, shade)) break;
    const pos = ctx.win.getComputedStyle(el).position;
    if (pos === 'fixed' || pos === 'absolute') layer = el;
  }
  return layer;
}

/** The box passes the never-hide checks and is notice-sized. */
function acceptable(el: Element, ctx: ScanContext): boolean {
  if (ctx.skip(el)) return false;
  const rect = el.getBoundingClientRect();
  if (coverage(rect, ctx.vp) === 0) return false;
  const text = textOf(el);
  if (text.length > MAX_NOTICE_TEXT) return false;
  if (isArticleRelated(el, text, ctx.article())) return false;
  if (siteChrome(el, rect, ctx.vp, text)) return false;
  return !isMediaPlayer(el) && !isChatWidget(el) && !isConsentDialog(el, text);
}
