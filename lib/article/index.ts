/**
 * Article detection: is this page a single article, and which live elements hold its text?
 * A walking-skeleton port of the ideas in Readability (text-density scoring) and
 * Readability-readerable (a cheap yes/no), reading the live DOM without cloning or changing it.
 *
 * Files: jsonld.ts / metadata.ts read what the page says about itself; score.ts scores paragraphs;
 * body.ts picks the body element and siblings.ts the blocks beside it that continue its text;
 * stats.ts measures it; decide.ts holds the decision;
 * headline.ts finds the <h1>; credits.ts the byline and publication time; text.ts has the
 * script-neutral text measures.
 */
import { pickBody } from './body';
import { creditsOf } from './credits';
import { decide, type Evidence } from './decide';
import { findHeadline, headlineIsTitle, titleNames } from './headline';
import { readJsonLd } from './jsonld';
import { siblingBlocks } from './siblings';
import { addressKind, cleanTitle, declaredAddress, hasMicrodataArticle, headOf, metaTitle, microdataOther, pageLang, readMeta, siteNameOf, typeSignals } from './metadata';
import { inStoryElement, pageSignals } from './signals';
import { scan } from './score';
import { bodyStats } from './stats';
import { trimBody } from './trim';
import { collapse } from './text';

export interface ArticleInfo {
  isArticle: boolean;
  /**
   * Headline: JSON-LD headline (or name, when <title> names that instead), og:title, the <h1>
   * inside/near the body unless it is a label (see headlineIsTitle), else document.title (site
   * suffix like " | EL PAÍS" stripped).
   */
  title: string;
  /** og:site_name, JSON-LD publisher.name, else hostname without www. */
  siteName: string;
  /** <html lang>, else content-language meta, else '' */
  lang: string;
  /** Author name(s) as the page gives them (JSON-LD, meta, else a byline element by the article); '' if none or not an article. */
  byline: string;
  /** Publication time as the page gives it (JSON-LD, meta, else a <time> by the article), usually ISO 8601; '' if none or not an article. */
  published: string;
  /**
   * Live elements holding the article body, NOT clones, in page order: usually one; several when
   * a page builder split the text into blocks of one kind (siblings.ts). Empty when not an article.
   */
  body: Element[];
  /**
   * Live elements of prose an overlay must not be allowed to cover: the body on an article, and
   * the scored body on a page that is not an article but reads as prose (see Decision.readable:
   * a product tour in headed sections). Empty otherwise. Overlays are hidden only where this is
   * not empty; terms are looked for on articles only.
   */
  prose: Element[];
  /** The live headline element if found (h1), else null. Term matching runs in body + headline. */
  headline: Element | null;
  /** Short machine-readable reason for the decision, e.g. 'jsonld:NewsArticle', 'density', 'too-little-text'. */
  reason: string;
}

export interface DetectOptions {
  /** Visibility test; default uses el.checkVisibility?.() ?? true. Injected so unit tests without layout can pass () => true. */
  isVisible?: (el: Element) => boolean;
  /** Stop examining after this many elements (bounded time on huge DOMs). Default 20000. */
  maxElements?: number;
  /** Receives the evidence the decision was made on (scripts/fit-article-model.mjs fits the model on it). */
  onEvidence?: (evidence: Evidence) => void;
}

const DEFAULT_MAX_ELEMENTS = 20_000;

// checkVisibility is missing in older engines (Firefox < 106, Safari < 17.4): then assume visible.
const defaultIsVisible = (el: Element): boolean => ('checkVisibility' in el ? el.checkVisibility() : true);

/** Visible elements among `els`, counting stops at `max`. */
function countVisible(els: HTMLCollectionOf<Element>, isVisible: (el: Element) => boolean, max: number): number {
  let n = 0;
  for (let i = 0; i < els.length && n < max; i++) if (isVisible(els[i] as Element)) n++;
  return n;
}

/**
 * Decides whether `doc` is a single article and finds its body. Reads the live DOM only (no
 * clone, no mutation) and never throws: on a page without <body>, a frameset, or any unexpected
 * failure it answers `isArticle: false` with the reason. Work is bounded by `maxElements`.
 */
export function detectArticle(doc: Document, opts: DetectOptions = {}): ArticleInfo {
  const info: ArticleInfo = { isArticle: false, title: '', siteName: '', lang: '', byline: '', published: '', body: [], prose: [], headline: null, reason: '' };
  try {
    return detect(doc, opts, info);
  } catch {
    // Hostile or exotic DOMs must not break the content script: report, do nothing. `detect`
    // only ever sets info's title, site name and language; the rest still says "not an article".
    return { ...info, reason: 'error' };
  }
}

/**
 * Where a shown byline is looked for, nearest first: the container of both headline and body (a
 * byline sits between them), the <article> around the body, the body's grandparent, the
 * headline's; never <body> itself.
 */
function creditsScopes(body: Element, headline: Element | null, root: Element): Element[] {
  let common: Element | null = headline && !body.contains(headline) ? headline : body.parentElement;
  while (common && !common.contains(body)) common = common.parentElement;
  const wider = body.parentElement?.parentElement ?? null;
  // A hero header apart from the text (headline, byline and date over a full-width image).
  const hero = headline?.parentElement?.parentElement ?? null;
  const scopes = [common, body.closest('article'), wider, hero, body].filter((el): el is Element => !!el && el !== root && root.contains(el));
  return [...new Set(scopes)];
}

function detect(doc: Document, opts: DetectOptions, info: ArticleInfo): ArticleInfo {
  const isVisible = opts.isVisible ?? defaultIsVisible;
  const meta = readMeta(doc);
  const head = headOf(doc);
  const headScripts = head ? [...head.getElementsByTagName('script')] : [];
  // document.body is the <frameset> on frameset pages (null in some DOM implementations). The DOM
  // typings say documentElement and body always exist; in XML and broken documents they do not.
  const html = doc.documentElement as Element | null;
  const frameset = html ? [...html.children].some((el) => el.localName === 'frameset') : false;
  const root = frameset ? null : (doc.body as HTMLElement | null | undefined);
  // A page that hides itself whole (`html { display: none }` until a frame-busting script shows
  // it, or a cached copy without that script) says nothing about which parts are visible: judge
  // its elements as if all were, as Readability does.
  const visible = root && !isVisible(root) ? () => true : isVisible;

  const ld = readJsonLd([...headScripts, ...(root ? root.querySelectorAll('script[type]') : [])]);
  info.siteName = siteNameOf(doc, meta, ld);
  info.lang = pageLang(doc, meta);
  // Of two declared titles, the one <title> names.
  const ldTitle = ld.name && !titleNames(doc.title, ld.headline) && titleNames(doc.title, ld.name) ? ld.name : ld.headline;
  const declaredTitle = ldTitle || metaTitle(meta, info.siteName);
  info.title = declaredTitle || cleanTitle(doc.title, info.siteName);
  if (!root) return { ...info, reason: frameset ? 'frameset' : 'no-body' };

  // A page that declares itself something else (a product, a forum thread, a Q&A) and an article
  // nowhere is decided without reading its text: on a shop, Gloss costs next to nothing.
  const microOther = microdataOther(doc);
  const declared = typeSignals(meta, ld, null, microOther);
  if (declared.other && !ld.articleType && !hasMicrodataArticle(doc)) return { ...info, reason: declared.other };

  const scanned = scan(root, visible, opts.maxElements ?? DEFAULT_MAX_ELEMENTS);
  const body = pickBody(scanned, root);
  const links = root.getElementsByTagName('a');
  const types = typeSignals(meta, ld, body, microOther);
  let credits: { byline: string; published: string } | null | undefined;
  // Asked by three rules (documentation, uncredited, listing) and the article model: looked up once.
  const creditsFound = () => (credits === undefined ? (credits = body ? creditsOf(meta, ld, creditsScopes(body, null, root), body) : null) : credits);
  const evidence: Evidence = {
    meta: types.article,
    otherType: types.other,
    inArticleElement: !!body && inStoryElement(body),
    address: addressKind(doc, meta),
    body: body ? bodyStats(body, scanned) : null,
    pageLinks: links.length,
    visibleLinks: (max) => countVisible(links, visible, max),
    code: body ? body.getElementsByTagName('pre').length + body.getElementsByTagName('code').length : 0,
    credited: () => !!(creditsFound()?.byline || creditsFound()?.published),
    signed: () => !!(creditsFound()?.byline && creditsFound()?.published),
    buttons: () => root.getElementsByTagName('button').length,
    model: () => ({
      signals: pageSignals(doc, root, declaredAddress(doc, meta)),
      pageChars: scanned.paragraphs.reduce((sum, p) => sum + p.chars, 0),
      bodyParagraphs: body ? body.getElementsByTagName('p').length : 0,
      byline: !!creditsFound()?.byline,
      published: !!creditsFound()?.published,
    }),
  };
  opts.onEvidence?.(evidence);
  const decision = decide(evidence);
  if (!body || !decision.isArticle) return { ...info, prose: body && decision.readable ? [body] : [], reason: decision.reason };

  // The body without the furniture it wraps (comments, a sign-up form), and the blocks beside it
  // that hold more of its text (a page builder's text widgets).
  const bodyElements = [...trimBody(body, scanned, visible), ...siblingBlocks(body, root, scanned)].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  const headline = findHeadline(body, root, declaredTitle, visible);
  const headlineText = headline ? collapse(headline.textContent) : '';
  return {
    ...info,
    ...creditsOf(meta, ld, creditsScopes(body, headline, root), body),
    isArticle: true,
    title: declaredTitle || (headlineIsTitle(headlineText, doc.title, info.siteName) ? headlineText : info.title),
    body: bodyElements,
    prose: bodyElements,
    headline,
    reason: decision.reason,
  };
}
