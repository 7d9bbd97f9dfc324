/**
 * Finding overlay candidates in a subtree: boxes whose text names a wall
 * (subscription, registration, newsletter, metering, shared account), dim
 * backdrops that may belong to them, and covering layers without telling
 * words that shape.ts may still recognise as a wall by their shape. Only
 * looks; never writes to the page.
 */
import { coverage, coversText, isBackdropBox, isShown, type Viewport } from './geometry';
import { holdsArticle, iframeHint, isArticleRelated, isChatWidget, isConsentDialog, isInsideChrome, isMediaPlayer, siteChrome, type ArticleInfo } from './exclusions';
import { classifyIframeHint, classifyOverlayText, type OverlayKind } from './words';

/** Notices are short; a layer with more text than this is content, not a notice. */
export const MAX_NOTICE_TEXT = 2500;
/** A floating box smaller than 4% of the viewport needs at least this much text to be a notice. */
const MIN_TOAST_TEXT = 15;
/** Backdrops carry (almost) no text of their own. */
const MAX_BACKDROP_TEXT = 20;
/** Reading shadow text of descendants is bounded by this many elements. */
const MAX_SHADOW_WALK = 2000;
const MAX_FRAMES = 5;
/** Never overlays and never hold one: not read, not entered (phrasing tags are most of a long article). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'svg', 'SVG', 'CANVAS', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO',
  'BR', 'WBR', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'SUB', 'SUP', 'CODE', 'ABBR', 'CITE', 'Q', 'MARK', 'TIME', 'KBD',
  'VAR', 'SAMP', 'DFN', 'OPTION', 'SOURCE', 'TRACK', 'math', 'MATH',
]);

/**
 * Text blocks and phrasing wrappers. One in the page's normal flow is not entered: overlays are
 * layers a site puts in a container of its own, not inside a paragraph, a list item or a link, and
 * these (with the links and spans inside them) are most of a page's elements; what is positioned
 * inside them is a menu's submenu, a screen-reader label, an image credit. A positioned one is
 * still examined and entered, and so is one that a mutation added (a root of the scan).
 */
const FLOW_TEXT_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'A', 'SPAN', 'BUTTON', 'LABEL', 'FIGCAPTION']);

/** What a scan needs to know about the page. */
export interface ScanContext {
  win: Window;
  vp: Viewport;
  article: () => ArticleInfo;
  /** Elements never to look into again (already hidden by us, opened by the reader, kept by a rule). */
  skip: (el: Element) => boolean;
  /** Is el (or something in it) what the reader sees at the centre of the viewport? */
  onTop?: (el: Element) => boolean;
  /** A frame in `layer` may still be loading its document: look at the layer again once it loaded. */
  frameLoading?: (frame: HTMLIFrameElement, layer: Element) => void;
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
  /** Covering layers with no telling words (and not excluded): shape.ts decides. */
  layers: Element[];
  /** Positioned elements still animating in: look again shortly. */
  later: Element[];
  /** Open shadow roots met on the way (to observe them too). */
  shadowRoots: ShadowRoot[];
}

/** `flow`: rendered in the page's normal flow (not positioned), so only what it holds may be a layer. */
type Verdict = { type: 'box'; kind: OverlayKind } | { type: 'backdrop' | 'layer' | 'prune' | 'descend' | 'flow' | 'later' };

/** Rendered text of el plus the text of open shadow trees in it. */
export function textOf(el: Element): string {
  let out = 'innerText' in el ? (el as HTMLElement).innerText : el.textContent;
  const addShadow = (host: Element): void => {
    const sr = host.shadowRoot;
    if (sr) for (const c of sr.children) out += ` ${textOf(c)}`;
  };
  addShadow(el);
  const all = el.getElementsByTagName('*');
  if (all.length <= MAX_SHADOW_WALK) for (const d of all) if (d.shadowRoot) addShadow(d);
  return out;
}

/** Text of a same-origin frame's document ('' when cross-origin or not loaded). */
export function frameText(frame: Element): string {
  try {
    const body = (frame as HTMLIFrameElement).contentDocument?.body;
    return body ? textOf(body) : '';
  } catch {
    return '';
  }
}

/** The frames of a layer (itself when it is one), at most a few. */
function framesOf(el: Element): Element[] {
  if (el.tagName === 'IFRAME') return [el];
  return [...el.getElementsByTagName('iframe')].slice(0, MAX_FRAMES);
}

/** What a layer says: its own text, the text of same-origin frames in it, and its frames' attributes. */
function layerText(el: Element): { text: string; frames: Element[]; hints: string } {
  const frames = framesOf(el);
  const own = el.tagName === 'IFRAME' ? '' : textOf(el);
  const inner = frames.map(frameText).join(' ');
  return { text: inner ? `${own} ${inner}` : own, frames, hints: frames.map(iframeHint).join(' ') };
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
  if (pos !== 'fixed' && pos !== 'sticky' && pos !== 'absolute') return { type: 'flow' };
  const rect = el.getBoundingClientRect();
  if (!isShown(el, style) || coverage(rect, ctx.vp) === 0) {
    // Sheets that slide or fade in are off-screen or transparent for a few frames.
    const animating = typeof el.getAnimations === 'function' && el.getAnimations().length > 0;
    return { type: animating && pos !== 'sticky' ? 'later' : 'descend' };
  }
  if (!coversText(el, style, rect, ctx.vp, () => ctx.onTop?.(el) ?? false)) return { type: 'descend' };
  // Cheap checks before reading rendered text (innerText of a page-sized layer is costly).
  if (holdsArticle(el, ctx.article())) return { type: 'descend' };
  if (isInsideChrome(el)) return { type: 'prune' };
  if (el.textContent.length > 4 * MAX_NOTICE_TEXT) return { type: isConsentDialog(el, '') ? 'prune' : 'descend' };
  const { text, frames, hints } = layerText(el);
  // A fixed app shell holding the article is not hidden, but a modal inside it may be.
  if (isArticleRelated(el, text, ctx.article())) return { type: 'descend' };
  const chrome = siteChrome(el, rect, ctx.vp, text);
  if (chrome) return { type: chrome === 'inside' ? 'prune' : 'descend' };
  if (isMediaPlayer(el) || isChatWidget(el) || isConsentDialog(el, text)) return { type: 'prune' };
  if (text.length > MAX_NOTICE_TEXT) return { type: 'descend' };
  // Small floating boxes (toasts, corner notices) need a sentence, not a one-word button.
  if (coverage(rect, ctx.vp) < 0.04 && text.trim().length < MIN_TOAST_TEXT && !frames.length) return { type: 'descend' };
  const kind = classifyOverlayText(text) ?? (frames.length ? classifyIframeHint(hints) : null);
  if (kind) return { type: 'box', kind };
  // A frame that may still be loading its notice: look again when it has.
  for (const f of frames) if (f.tagName === 'IFRAME') ctx.frameLoading?.(f as HTMLIFrameElement, el);
  if (text.trim().length <= MAX_BACKDROP_TEXT && !frames.length && isBackdropBox(style, rect, ctx.vp)) return { type: 'backdrop' };
  return { type: 'layer' };
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
 * `budget` elements, stopping below anything classified as a box or backdrop.
 */
export function scan(roots: Iterable<Element>, ctx: ScanContext, budget: number): ScanResult {
  const res: ScanResult = { boxes: [], backdrops: [], layers: [], later: [], shadowRoots: [] };
  const stack = [...roots].reverse();
  const scanRoots = new Set(stack);
  let visited = 0;
  while (visited < budget) {
    const el = stack.pop();
    if (!el) break;
    visited++;
    const v = examine(el, ctx);
    if (v.type === 'box') res.boxes.push({ el, kind: v.kind });
    else if (v.type === 'backdrop') res.backdrops.push(el);
    else if (v.type === 'layer') res.layers.push(el);
    else if (v.type === 'later') res.later.push(el);
    if (v.type === 'box' || v.type === 'backdrop' || v.type === 'prune') continue;
    if (v.type === 'flow' && FLOW_TEXT_TAGS.has(el.tagName) && !scanRoots.has(el)) continue;
    const sr = el.shadowRoot;
    if (sr) {
      res.shadowRoots.push(sr);
      for (let i = sr.children.length - 1; i >= 0; i--) stack.push(sr.children[i] as Element);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as Element);
  }
  return res;
}
