/**
 * Finding overlay candidates in a subtree: boxes whose text names a wall
 * (subscription, registration, newsletter, metering, shared account) and dim
 * backdrops that may belong to them. Only looks; never writes to the page.
 */
import { coverage, coversText, isBackdropBox, isShown, type Viewport } from './geometry';
import { isArticleRelated, isChatWidget, isConsentDialog, isMediaPlayer, siteChrome, iframeHint, type ArticleInfo } from './exclusions';
import { classifyIframeHint, classifyOverlayText, type OverlayKind } from './words';

/** Notices are short; a layer with more text than this is content, not a notice. */
const MAX_NOTICE_TEXT = 2500;
/** Backdrops carry (almost) no text of their own. */
const MAX_BACKDROP_TEXT = 20;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'svg', 'SVG', 'CANVAS', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO']);

/** What a scan needs to know about the page. */
export interface ScanContext {
  win: Window;
  vp: Viewport;
  article: () => ArticleInfo;
  /** Elements never to look into again (already hidden by us, opened by the reader). */
  skip: (el: Element) => boolean;
}

/** A box to hide. */
export interface BoxCandidate {
  el: Element;
  kind: OverlayKind;
}

/** Result of scanning some subtrees. */
export interface ScanResult {
  boxes: BoxCandidate[];
  backdrops: Element[];
  /** Positioned elements still animating in: look again shortly. */
  later: Element[];
  /** Open shadow roots met on the way (to observe them too). */
  shadowRoots: ShadowRoot[];
}

type Verdict = { type: 'box'; kind: OverlayKind } | { type: 'backdrop' | 'prune' | 'descend' | 'later' };

/** Rendered text of el plus the text of its open shadow tree. */
export function textOf(el: Element): string {
  const own = 'innerText' in el ? (el as HTMLElement).innerText : el.textContent;
  const shadow = el.shadowRoot ? [...el.shadowRoot.children].map(textOf).join(' ') : '';
  return shadow ? `${own} ${shadow}` : own;
}

/** Decide what one element is. Cheap checks first; text only for positioned, visible layers. */
export function examine(el: Element, ctx: ScanContext): Verdict {
  if (SKIP_TAGS.has(el.tagName) || ctx.skip(el)) return { type: 'prune' };
  // html/body are never overlays; a fixed body is a scroll lock, handled elsewhere.
  const doc = el.ownerDocument;
  if (el === doc.documentElement || el === doc.body) return { type: 'descend' };
  const style = ctx.win.getComputedStyle(el);
  if (style.display === 'none') return { type: 'prune' };
  const pos = style.position;
  if (pos !== 'fixed' && pos !== 'sticky' && pos !== 'absolute') return { type: 'descend' };
  const rect = el.getBoundingClientRect();
  if (!isShown(el, style) || coverage(rect, ctx.vp) === 0) {
    // Sheets that slide or fade in are off-screen or transparent for a few frames.
    const animating = typeof el.getAnimations === 'function' && el.getAnimations().length > 0;
    return { type: animating && pos !== 'sticky' ? 'later' : 'descend' };
  }
  if (!coversText(el, style, rect, ctx.vp)) return { type: 'descend' };
  const isFrame = el.tagName === 'IFRAME';
  const text = isFrame ? '' : textOf(el);
  // A fixed app shell holding the article is not hidden, but a modal inside it may be.
  if (isArticleRelated(el, text, ctx.article())) return { type: 'descend' };
  const chrome = siteChrome(el, rect, ctx.vp);
  if (chrome) return { type: chrome === 'inside' ? 'prune' : 'descend' };
  if (isMediaPlayer(el) || isChatWidget(el) || isConsentDialog(el, text)) return { type: 'prune' };
  if (text.length > MAX_NOTICE_TEXT) return { type: 'descend' };
  const kind = isFrame ? classifyIframeHint(iframeHint(el)) : classifyOverlayText(text);
  if (kind) return { type: 'box', kind };
  if (text.trim().length <= MAX_BACKDROP_TEXT && isBackdropBox(style, rect, ctx.vp)) return { type: 'backdrop' };
  return { type: 'descend' };
}

/** Is el a backdrop right now (used when pairing shades found outside a scan)? */
export function isBackdropNow(el: Element, ctx: ScanContext): boolean {
  if (ctx.skip(el)) return false;
  const style = ctx.win.getComputedStyle(el);
  if (style.display === 'none' || !isShown(el, style)) return false;
  const rect = el.getBoundingClientRect();
  if (!isBackdropBox(style, rect, ctx.vp) || textOf(el).trim().length > MAX_BACKDROP_TEXT) return false;
  return !isConsentDialog(el, '');
}

/**
 * Depth-first walk of the given subtrees (entering open shadow roots), at most
 * `budget` elements, stopping below anything classified.
 */
export function scan(roots: Iterable<Element>, ctx: ScanContext, budget: number): ScanResult {
  const res: ScanResult = { boxes: [], backdrops: [], later: [], shadowRoots: [] };
  const stack = [...roots].reverse();
  let visited = 0;
  while (visited < budget) {
    const el = stack.pop();
    if (!el) break;
    visited++;
    const v = examine(el, ctx);
    if (v.type === 'box') res.boxes.push({ el, kind: v.kind });
    else if (v.type === 'backdrop') res.backdrops.push(el);
    if (v.type !== 'descend' && v.type !== 'later') continue;
    if (v.type === 'later') res.later.push(el);
    const sr = el.shadowRoot;
    if (sr) {
      res.shadowRoots.push(sr);
      for (let i = sr.children.length - 1; i >= 0; i--) stack.push(sr.children[i] as Element);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
  return res;
}
