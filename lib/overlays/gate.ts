/**
 * Is the article text visibly cut off behind a gate? Gloss hides overlays
 * that cover text already delivered, but it never un-blurs, un-fades or
 * un-truncates: when the text itself is blurred, faded out, clamped or simply
 * stops at a "subscribe to continue reading" prompt, the panel has to say
 * "The full text isn't on this page" instead of pretending.
 *
 * Only reads the page (computed styles, a few rects); never writes. A report
 * needs two things, so ordinary design does not trip it: the text looks cut
 * (blur filter, transparent text with a text-shadow, low opacity, a gradient
 * mask or fade layer, line-clamp or max-height with overflow hidden) AND a
 * wall prompt goes with it (wall words right after or at the end of the body,
 * or an overlay the guard hid). Plain truncation counts only with a prompt
 * that says both "subscribe / register" and "to continue reading".
 */
import { textOf } from './candidates';
import { parentOf } from './geometry';
import { saysContinueReading, wallWordKind } from './words';

/** How the text is cut off. */
export type GateKind = 'blurred' | 'faded' | 'clamped' | 'truncated';

/** What detectGate found. */
export interface GateReport {
  /** True when the full text is not (readably) on the page. */
  gated: boolean;
  kind: GateKind | null;
  /** The element whose style or position shows it (a paragraph, the body, the prompt). */
  element: Element | null;
}

export const NO_GATE: GateReport = { gated: false, kind: null, element: null };

export interface GateOptions {
  /** Window for computed styles; default doc.defaultView. */
  win?: Window;
  /** Overlays the guard hid: a wall prompt even though they are no longer shown. */
  prompts?: readonly Element[];
}

const MAX_PARAGRAPHS = 60;
const MAX_PROMPT_TEXT = 1500;
const MIN_PARAGRAPH = 40;
/** Opacity below this (paragraph and ancestors multiplied) is a fade-out. */
const FADED_OPACITY = 0.5;

/** Does the article text look cut off behind a wall? Never changes the page. */
export function detectGate(doc: Document, articleBody: readonly Element[], opts: GateOptions = {}): GateReport {
  const win = opts.win ?? doc.defaultView;
  const body = articleBody[0];
  if (!win || !body || !body.isConnected) return NO_GATE;
  const style = (el: Element, pseudo?: string): CSSStyleDeclaration => win.getComputedStyle(el, pseudo);
  const paragraphs = textBlocks(body);
  const prompt = findPrompt(body, opts.prompts ?? []);

  const look = lookCut(body, paragraphs, style);
  if (look && prompt) return { gated: true, ...look };
  if (prompt && saysContinueReading(textOf(prompt)) && prompt.isConnected && !isInsideHidden(prompt, opts.prompts ?? [])) {
    return { gated: true, kind: 'truncated', element: prompt };
  }
  return NO_GATE;
}

/** The body's paragraphs (or the body itself when its text is not in <p>s). */
function textBlocks(body: Element): Element[] {
  const ps = [...body.querySelectorAll('p')].filter((p) => (p.textContent ?? '').trim().length >= MIN_PARAGRAPH);
  return ps.length ? ps.slice(0, MAX_PARAGRAPHS) : [body];
}

/** The visual trick that cuts the text, if any. */
function lookCut(body: Element, paragraphs: Element[], style: (el: Element, pseudo?: string) => CSSStyleDeclaration): Omit<GateReport, 'gated'> | null {
  const html = body.ownerDocument.documentElement;
  // Blur and fade: on a paragraph, or on anything between it and <html>.
  const seen = new Map<Element, 'blurred' | 'faded' | null>();
  const effectOf = (el: Element): 'blurred' | 'faded' | null => {
    let v = seen.get(el);
    if (v !== undefined) return v;
    const cs = style(el);
    v = null;
    if (/blur\(\s*(?:[1-9]|0?\.[5-9])/.test(cs.filter)) v = 'blurred';
    else if (cs.textShadow !== 'none' && alphaOf(cs.color) === 0) v = 'blurred';
    else if (/gradient/.test(cs.maskImage || cs.getPropertyValue('-webkit-mask-image'))) v = 'faded';
    seen.set(el, v);
    return v;
  };
  for (const p of paragraphs) {
    let opacity = 1;
    for (let el: Element | null = p; el && el !== html; el = parentOf(el)) {
      const effect = effectOf(el);
      if (effect) return { kind: effect, element: el };
      opacity *= parseFloat(style(el).opacity) || 0;
    }
    // Near 0 is more likely a reveal-on-scroll animation that has not run than a fade-out.
    if (opacity < FADED_OPACITY && opacity > 0.05) return { kind: 'faded', element: p };
  }
  // A fade layer: a gradient pseudo-element on the body or around its end, or a gradient box over the last paragraph.
  const last = paragraphs[paragraphs.length - 1] ?? body;
  const around = [body, last, last.parentElement, body.parentElement].filter((e): e is Element => !!e);
  for (const el of around) {
    for (const pseudo of ['::after', '::before']) {
      const cs = style(el, pseudo);
      if (cs.content !== 'none' && cs.content !== 'normal' && /gradient/.test(cs.backgroundImage)) return { kind: 'faded', element: el };
    }
  }
  const lastRect = last.getBoundingClientRect();
  for (const el of nearEnd(body)) {
    const cs = style(el);
    if (!/gradient/.test(cs.backgroundImage) || (cs.position !== 'absolute' && cs.position !== 'relative' && cs.position !== 'sticky')) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom > lastRect.top && r.top < lastRect.bottom && r.right > lastRect.left && r.left < lastRect.right) return { kind: 'faded', element: el };
  }
  // Clamped: the body (or a wrapper) cuts its own text off.
  for (let el: Element | null = body, i = 0; el && el !== html && i < 3; el = el.parentElement, i++) {
    const cs = style(el);
    const clamp = cs.getPropertyValue('-webkit-line-clamp');
    if (clamp && clamp !== 'none') return { kind: 'clamped', element: el };
    const cut = (cs.overflowY === 'hidden' || cs.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 20;
    if (cut && (cs.maxHeight !== 'none' || cs.height.endsWith('px'))) return { kind: 'clamped', element: el };
  }
  for (const p of paragraphs.slice(-3)) {
    const clamp = style(p).getPropertyValue('-webkit-line-clamp');
    if (clamp && clamp !== 'none') return { kind: 'clamped', element: p };
  }
  return null;
}

/** Alpha of a computed colour (1 when unparseable). */
function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const m = /rgba?\([^)]*[,/]\s*([\d.]+%?)\s*\)$/.exec(color);
  if (!m || !/rgba|\//.test(color)) return 1;
  const a = m[1] ?? '1';
  return a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
}

/** Elements at the end of the body and right after it (where sites put the fade and the prompt). */
function nearEnd(body: Element): Element[] {
  const out: Element[] = [];
  const kids = body.children;
  for (let i = Math.max(0, kids.length - 3); i < kids.length; i++) out.push(kids[i] as Element);
  for (let el: Element | null = body, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    let s = el.nextElementSibling;
    for (let n = 0; s && n < 4; s = s.nextElementSibling, n++) out.push(s);
  }
  return out;
}

/** A wall prompt near the end of the body, or one of the hidden overlays. */
function findPrompt(body: Element, hidden: readonly Element[]): Element | null {
  for (const el of hidden) if (wallWordKind(textOf(el))) return el;
  for (const el of nearEnd(body)) {
    const t = textOf(el);
    if (t.length <= MAX_PROMPT_TEXT && wallWordKind(t)) return el;
  }
  return null;
}

function isInsideHidden(el: Element, hidden: readonly Element[]): boolean {
  return hidden.some((h) => h === el || h.contains(el));
}
