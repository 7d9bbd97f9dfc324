/**
 * An article's credits: who wrote it (the byline) and when it was published. Read in the order
 * of trust Readability uses: what the page declares about itself (JSON-LD, then <meta>), then
 * what it shows near the article (an element marked as the author, a <time>). Names are kept
 * as the page writes them ("By Erin Cunningham", "Por Elena Reina"): no words of any language
 * are stripped or assumed.
 */
import type { JsonLd } from './jsonld';
import { collapse } from './text';

export interface Credits {
  /** Author name(s) as the page gives them, '' if none. */
  byline: string;
  /** Publication time as the page gives it (usually ISO 8601), '' if none. */
  published: string;
}

/** Author metas trusted over a shown byline, in Readability's order: Dublin Core, `author`, Parse.ly. */
const AUTHOR_METAS = ['dc:creator', 'dc.creator', 'dcterm:creator', 'dcterms:creator', 'dcterms.creator', 'author', 'parsely-author'];
/**
 * Metas read only when the page shows no byline: `article:author` is as often a profile URL or
 * the desk's name as the writer's, and vendor tags lag behind edits.
 */
const FALLBACK_AUTHOR_METAS = ['article:author', 'og:article:author', 'byl'];
/** Publication-time metas; `article:published_time` is Open Graph's. */
const TIME_METAS = ['article:published_time', 'parsely-pub-date', 'dc.date.issued', 'dc.date', 'dcterms.date', 'date', 'pubdate', 'publish-date'];
/**
 * Elements a page marks as the author: `rel=author` links, schema.org microdata, and the class
 * and id names CMSs give bylines (Readability's, less "dateline", which names a place and date;
 * its "p-author", the microformat, is an "author" class already).
 */
const BYLINE_SELECTOR = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i], [class*="author" i], [class*="writtenby" i]';
/** Longer than this, an "author" element is a bio box, not a byline (Readability's 100). */
const MAX_BYLINE = 100;
/** Candidates looked at, so a page of a thousand author links (a blog's archive) stays cheap. */
const MAX_CANDIDATES = 30;
const TIME_SELECTOR = '[itemprop~="datePublished"], time[datetime]';

/** A value that is a link (Facebook profile URLs in `article:author`) or a handle, not a name. */
const notAName = (s: string): boolean => /^(https?:|\/\/|www\.)/i.test(s) || s.startsWith('@');

/**
 * The article's byline and publication time. `scopes` are where a shown byline or <time> is
 * looked for, nearest first (the container of headline and body, the <article>, a wider
 * wrapper), never the whole page, so comment authors and author links in a sidebar stay out.
 * A shown date counts only above `body` (when given): a publication date sits with the byline
 * over the text, while a date under it is a "last modified" footer (documentation sites) or a
 * comment's. Reads only; never throws on odd markup.
 */
export function creditsOf(meta: ReadonlyMap<string, string>, ld: JsonLd, scopes: readonly Element[], body: Element | null = null): Credits {
  return { byline: bylineOf(meta, ld, scopes), published: publishedOf(meta, ld, scopes, body) };
}

function metaName(meta: ReadonlyMap<string, string>, keys: readonly string[]): string {
  for (const key of keys) {
    const value = meta.get(key);
    if (value && !notAName(value) && value.length <= MAX_BYLINE) return value;
  }
  return '';
}

function bylineOf(meta: ReadonlyMap<string, string>, ld: JsonLd, scopes: readonly Element[]): string {
  if (ld.author) return ld.author;
  const declared = metaName(meta, AUTHOR_METAS);
  if (declared) return declared;
  for (const scope of scopes) {
    const shown = shownByline(scope);
    if (shown) return shown;
  }
  return metaName(meta, FALLBACK_AUTHOR_METAS);
}

/** The first element in `scope` marked as the author whose text is a name-sized line. */
function shownByline(scope: Element): string {
  const found = scope.querySelectorAll(BYLINE_SELECTOR);
  for (let i = 0; i < Math.min(found.length, MAX_CANDIDATES); i++) {
    const el = found[i] as Element;
    const text = nameIn(el);
    if (text) return text;
  }
  return '';
}

/** Where a byline's name sits inside it: microdata's name, the author's link (to an author page). */
const NAME_PART = '[itemprop~="name"], [rel~="author"], a[href*="/author" i]';

/**
 * The name in a byline element: its name part when it has one ("By <a>Ana Ruiz</a> · 3 May" is
 * "Ana Ruiz"), else its first link when it says more than a name, else its whole text; '' when
 * that is no name-sized line. Text of separate elements is joined with spaces
 * ("Written by<span>Ana</span>" reads "Written by Ana").
 */
function nameIn(el: Element): string {
  // The first link of a byline that says more than a name ("By <a>Ana</a> · 3 May") is the
  // writer's page: bylines link the author, not the date.
  const whole = spacedText(el);
  for (const part of [el.querySelector(NAME_PART), whole.length > SHORT_BYLINE ? el.querySelector('a[href]') : null]) {
    const name = part && part !== el ? spacedText(part) : '';
    if (isNameLike(name)) return name;
  }
  return isNameLike(whole) ? whole : '';
}

/** A byline this short is a name already (with at most a lead word such as "By"). */
const SHORT_BYLINE = 30;

const isNameLike = (text: string): boolean => text.length > 1 && text.length <= MAX_BYLINE && !notAName(text);

/** The text of `el`, collapsed, with a space between text nodes that would otherwise run together. */
function spacedText(el: Element): string {
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let nodes = 0;
  for (let n = walker.nextNode(); n && nodes < 50; n = walker.nextNode(), nodes++) {
    const data = (n as Text).data;
    text += text && !/[\s([]$/.test(text) && !/^[\s,.;:!?)\]]/.test(data) ? ` ${data}` : data;
  }
  return collapse(text);
}

function publishedOf(meta: ReadonlyMap<string, string>, ld: JsonLd, scopes: readonly Element[], body: Element | null): string {
  if (ld.datePublished) return ld.datePublished;
  for (const key of TIME_METAS) {
    const value = meta.get(key);
    if (value) return value;
  }
  for (const scope of scopes) {
    const el = scope.querySelector(TIME_SELECTOR);
    if (el && (!body || above(el, body))) return collapse(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
  }
  return '';
}

/** `el` comes before `body`'s text: before the body, or inside it above its first paragraph. */
function above(el: Element, body: Element): boolean {
  const first = body.contains(el) ? body.querySelector('p') : body;
  return !!first && !!(el.compareDocumentPosition(first) & 4 /* DOCUMENT_POSITION_FOLLOWING */);
}
