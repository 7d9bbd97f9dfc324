/**
 * Things that float over a page but must never be hidden: the article itself,
 * the site's own header/navigation, media players, chat widgets, and above all
 * cookie/consent dialogs (hiding those would decide a legal choice for the
 * reader). Each check errs towards "leave it alone".
 */
import { collapse } from '../article/text';
import type { Viewport } from './geometry';
import { CHAT_HINT, PLAYER_HINT, hasConsentHint, isConsentText } from './words';

/** Text facts about the article, computed once per guard (lazily). */
export interface ArticleInfo {
  bodies: readonly Element[];
  /** Total text length of the article bodies. */
  length: number;
  /** Short verbatim samples of article paragraphs. */
  samples: readonly string[];
}

const SAMPLE = 60;

/**
 * Summarise the article bodies: length and a few verbatim samples, taken from
 * the middle of long paragraphs, or from the body text itself when its text is
 * not in <p>s (text in <div>s and <br>s).
 */
export function articleInfo(bodies: readonly Element[]): ArticleInfo {
  let length = 0;
  const samples: string[] = [];
  for (const body of bodies) {
    const all = collapse(body.textContent);
    length += all.length;
    const paragraphs: string[] = [];
    const ps = body.querySelectorAll('p');
    for (let i = 0; i < ps.length && paragraphs.length < 6; i++) {
      const p = ps[i]!;
      const t = collapse(p.textContent);
      // A notice that is already up when this runs (or a site's modal appended to a body that
      // is the whole page) is not article text: sampling it would make the notice "article".
      if (t.length >= 80 && !inFloatingLayer(p, body)) paragraphs.push(t);
    }
    const sources = paragraphs.length ? paragraphs : [0.25, 0.5, 0.75].map((f) => all.slice(Math.floor(f * all.length) - SAMPLE, Math.floor(f * all.length) + SAMPLE));
    for (const t of sources) {
      if (t.length < SAMPLE) continue;
      const mid = Math.floor(t.length / 2) - SAMPLE / 2;
      samples.push(t.slice(mid, mid + SAMPLE));
    }
  }
  return { bodies, length, samples };
}

/** el sits in a fixed or sticky layer below `body` (where overlays float). */
function inFloatingLayer(el: Element, body: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    const pos = win.getComputedStyle(e).position;
    if (pos === 'fixed' || pos === 'sticky') return true;
  }
  return false;
}

/** A paragraph this long is prose, not a notice: a layer holding one is content. */
const LONG_PARAGRAPH = 500;

/**
 * The candidate is (part of) the article: it contains a body, sits inside one,
 * or holds a real share of its text (a copy in a reader pane, a wrapper the
 * detector did not pick). Hiding it would hide the text we exist to show.
 */
export function isArticleRelated(el: Element, text: string, info: ArticleInfo): boolean {
  if (holdsArticle(el, info)) return true;
  const t = collapse(text);
  if (info.samples.some((s) => t.includes(s))) return true;
  // Without samples there is no verbatim check: fall back to "holds a real share of its length".
  if (!info.samples.length && info.length >= 200 && t.length >= 0.3 * info.length) return true;
  const ps = el.querySelectorAll('p');
  for (let i = 0; i < ps.length && i < 50; i++) if (collapse(ps[i]?.textContent ?? '').length >= LONG_PARAGRAPH) return true;
  return false;
}

/**
 * el contains an article body or sits inside one (no text needed). A body that is the page's
 * own <body> or <html> (a bare page whose text sits straight in <body>, as detection reports
 * it) holds every overlay a site appends too, so sitting inside it proves nothing: there the
 * text checks of {@link isArticleRelated} alone keep the article safe.
 */
export function holdsArticle(el: Element, info: ArticleInfo): boolean {
  return info.bodies.some((body) => el.contains(body) || (!isPageRoot(body) && body.contains(el)));
}

function isPageRoot(el: Element): boolean {
  const doc = el.ownerDocument;
  return el === doc.body || el === doc.documentElement;
}

const CHROME_LANDMARK = 'header, nav, [role="banner"], [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"]';

/** el is (in) a header/navigation landmark. */
export function isInsideChrome(el: Element): boolean {
  return !!el.closest(CHROME_LANDMARK);
}

/** id + class + aria-label, the strings widgets name themselves with. */
export function hintOf(el: Element): string {
  return `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
}

/**
 * The site's header or navigation: sticky headers often carry a "Subscribe"
 * button, which must not make the whole header vanish. 'inside' means the
 * element is (in) a header/nav landmark: nothing below it is looked at.
 * 'holds' means it contains navigation (a header bar, or a fixed shell around
 * the whole site): it is not hidden, but layers inside it may still be.
 */
export function siteChrome(el: Element, rect: DOMRectReadOnly, vp: Viewport, text = ''): 'inside' | 'holds' | null {
  if (isInsideChrome(el)) return 'inside';
  if (el.querySelector('nav, [role="navigation"], [role="menubar"], [role="menu"]')) return 'holds';
  const links = el.querySelectorAll('a[href]');
  // A bar along the top edge with a few links or the site's logo/home link is the site's header.
  const topBar = rect.top <= 5 && rect.height <= 0.3 * vp.height && (links.length >= 3 || !!el.querySelector(HOME_OR_LOGO));
  return topBar || isLinkList(links, text) ? 'holds' : null;
}

const HOME_OR_LOGO = 'a[href="/"], a[rel="home"], a img, a svg, [class*="logo" i], [id*="logo" i]';

/**
 * Mostly links: a menu, a tab bar, a table of contents. Walls carry one or two
 * links ("Subscribe", "Log in") among sentences; navigation is the links.
 */
function isLinkList(links: NodeListOf<Element>, text: string): boolean {
  if (links.length < 4) return false;
  const total = collapse(text).length;
  if (!total) return false;
  let linked = 0;
  for (let i = 0; i < links.length && i < 200; i++) linked += collapse(links[i]?.textContent ?? '').length;
  return linked >= 0.6 * total;
}

/** Video/audio players, including floating picture-in-picture ones. */
export function isMediaPlayer(el: Element): boolean {
  return el.matches('video, audio') || !!el.querySelector('video, audio') || PLAYER_HINT.test(hintOf(el));
}

/** Support/chat widgets: the reader's tools, not the site's wall. */
export function isChatWidget(el: Element): boolean {
  if (CHAT_HINT.test(hintOf(el))) return true;
  return [...el.querySelectorAll('iframe')].some((f) => CHAT_HINT.test(`${f.title} ${f.id} ${f.name}`));
}

/** iframe attributes that hint at what it shows (its text is cross-origin). */
export function iframeHint(el: Element): string {
  return ['src', 'title', 'name', 'id', 'class'].map((a) => el.getAttribute(a) ?? '').join(' ');
}

/**
 * Cookie/consent dialog: by text, by a consent-platform id/class on the
 * element, a near ancestor (CMPs wrap their banner) or a descendant.
 */
export function isConsentDialog(el: Element, text: string): boolean {
  if (isConsentText(text)) return true;
  if (hasConsentHint(el.tagName === 'IFRAME' ? iframeHint(el) : hintOf(el))) return true;
  let up = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
  for (let i = 0; up && i < 3; i++, up = up.parentElement) {
    // html/body classes ("cookie-banner-open") say nothing about this element.
    if (up !== el.ownerDocument.body && up !== el.ownerDocument.documentElement && hasConsentHint(hintOf(up))) return true;
  }
  const inner = el.querySelectorAll('[id], [class], iframe');
  for (let i = 0; i < inner.length && i < 300; i++) {
    const d = inner[i];
    if (d && hasConsentHint(d.tagName === 'IFRAME' ? iframeHint(d) : hintOf(d))) return true;
  }
  return false;
}
