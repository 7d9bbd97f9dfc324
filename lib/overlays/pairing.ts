/**
 * Pairing a dim backdrop with the box it came with, so the panel lists one
 * overlay ("Subscription notice") rather than two, and the shade never stays
 * behind once its box is hidden.
 *
 * Sites insert the shade as a sibling of the box or of one of its wrappers
 * (`<div class="shade"></div><div class="modal">…`), in the same task or a
 * moment before/after it; the guard passes in shades seen recently.
 */
import { isBackdropNow, type ScanContext } from './candidates';
import { hasConsentHint } from './words';
import { hintOf } from './exclusions';
import { isShown } from './geometry';

/** A shade and the box may arrive this far apart and still be one overlay. */
export const PAIR_WINDOW_MS = 2000;
const MAX_SIBLINGS = 200;

/**
 * A shade next to a consent dialog belongs to the consent dialog. Only a
 * consent element that is on screen as a layer counts: many pages keep a
 * (closed or unstyled) CMP container as the last child of <body>, right where
 * a wall's shade gets appended.
 */
function nextToConsent(el: Element, ctx: ScanContext): boolean {
  const near = [el.previousElementSibling, el.nextElementSibling];
  return near.some((s) => !!s && hasConsentHint(hintOf(s)) && isShownLayer(s, ctx));
}

/** s, or one of its first few descendants, is a visible fixed/absolute layer. */
function isShownLayer(s: Element, ctx: ScanContext): boolean {
  const inner = s.getElementsByTagName('*');
  const els = [s];
  for (let i = 0; i < inner.length && i < 30; i++) els.push(inner[i] as Element);
  return els.some((e) => {
    const cs = ctx.win.getComputedStyle(e);
    if (cs.position !== 'fixed' && cs.position !== 'absolute') return false;
    const r = e.getBoundingClientRect();
    return cs.display !== 'none' && isShown(e, cs) && r.width * r.height > 0;
  });
}

/** Backdrops among the siblings of box and of its ancestors (nearest level that has any). */
export function siblingBackdrops(box: Element, ctx: ScanContext): Element[] {
  const doc = box.ownerDocument;
  for (let a: Element | null = box; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) {
    const parent: ParentNode | null = a.parentNode;
    if (!parent) break;
    const found: Element[] = [];
    const kids: HTMLCollection = parent.children;
    for (let i = 0; i < kids.length && i < MAX_SIBLINGS; i++) {
      const s: Element | undefined = kids[i];
      if (s && s !== a && isBackdropNow(s, ctx) && !nextToConsent(s, ctx)) found.push(s);
    }
    if (found.length) return found;
  }
  return [];
}

/** Filter shades found elsewhere (same scan, recent orphans) down to ones still eligible. */
export function eligibleBackdrops(candidates: Iterable<Element>, ctx: ScanContext): Element[] {
  return [...candidates].filter((el) => el.isConnected && isBackdropNow(el, ctx) && !nextToConsent(el, ctx));
}
