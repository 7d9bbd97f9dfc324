/**
 * Looking at the screen instead of the DOM: some walls appear without any
 * mutation the guard could observe. A rule added with `sheet.insertRule()`,
 * a media query, a CSS animation with a delay, or an `adoptedStyleSheets`
 * swap reveals an element that was already in the page (and was skipped as
 * `display: none` when it was scanned). A periodic hit test at a few points
 * of the viewport finds such layers: whatever the reader sees there that sits
 * in a positioned (fixed/absolute/sticky) layer never examined before is
 * handed to the normal scan. Only reads the page.
 */
import { parentOf } from './geometry';

/** Points (fractions of the viewport) where a wall, a sheet or a banner would show. */
export const PROBE_POINTS: ReadonlyArray<readonly [number, number]> = [[0.5, 0.5], [0.5, 0.25], [0.5, 0.92], [0.5, 0.06], [0.25, 0.5], [0.75, 0.5]];
/** Probe this often while the page is young (walls come right after load)... */
export const PROBE_EARLY_MS = 1000;
/** ...and this long; then less often (a wall after a minute of reading is rarer, and mutations catch most). */
export const PROBE_EARLY_FOR_MS = 30_000;
export const PROBE_LATE_MS = 4000;
/** How far up from the hit element a layer is looked for. */
const MAX_DEPTH = 60;

/**
 * The outermost positioned ancestor-or-self of `el` below <body> (through open shadow roots), or
 * null when `el` is in the page's flow. The outermost one, because a wall's box is often a static
 * child of a fixed container, and the scan wants the whole layer.
 */
export function positionedLayerOf(el: Element, win: Window): Element | null {
  const doc = el.ownerDocument;
  let layer: Element | null = null;
  let depth = 0;
  for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement && depth < MAX_DEPTH; e = parentOf(e), depth++) {
    const pos = win.getComputedStyle(e).position;
    if (pos === 'fixed' || pos === 'absolute' || pos === 'sticky') layer = e;
  }
  return layer;
}

/**
 * Layers on screen at the probe points that `seen` does not know yet; each is added to `seen`, so
 * a layer is handed over once (its later changes are mutations the observer sees).
 * `hit(x, y)` is what the reader sees at that viewport point (geometry.topAt).
 */
export function unseenLayers(
  vp: { width: number; height: number },
  hit: (x: number, y: number) => Element | null,
  win: Window,
  seen: WeakSet<Element>,
): Element[] {
  const out: Element[] = [];
  for (const [fx, fy] of PROBE_POINTS) {
    const top = hit(Math.round(fx * vp.width), Math.round(fy * vp.height));
    if (!top) continue;
    const layer = positionedLayerOf(top, win);
    if (!layer || seen.has(layer)) continue;
    seen.add(layer);
    out.push(layer);
  }
  return out;
}
