/**
 * Script-neutral text measures and the class/id name patterns shared by scoring and the body
 * decision. Everything here counts characters, never words, so Spanish, Arabic, Hebrew and CJK
 * pages are measured on the same scale.
 */

/**
 * Collapses runs of whitespace, so indentation in the HTML source does not count as text.
 * Same result as `s.replace(/\s+/g, ' ')`, but a lone plain space (most gaps between words) is
 * not a match: V8 pays per match, and the detector collapses whole containers' text (tens of
 * kilobytes, thousands of word gaps) to measure link density. About 5x faster on such text.
 */
export function collapse(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '\u2026', ndash: '\u2013',
  mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab',
  raquo: '\u00bb', bull: '\u2022', middot: '\u00b7', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi;

function codePoint(n: number, whole: string): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
}

/**
 * Decodes HTML character references left in metadata text. WordPress and other CMSs write
 * JSON-LD headlines and og:title with entities escaped once more ("Traveler&#8217;s",
 * "M&#038;A", even "&amp;#8230;"), so the parsed string still holds them; Readability unescapes
 * them too. Two passes at most, for the doubly escaped; unknown names are left as they are.
 */
export function decodeEntities(s: string): string {
  let out = s;
  for (let pass = 0; pass < 2 && out.includes('&'); pass++) {
    out = out.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
      if (dec) return codePoint(Number.parseInt(dec, 10), whole);
      if (hex) return codePoint(Number.parseInt(hex, 16), whole);
      return NAMED[(name ?? '').toLowerCase()] ?? whole;
    });
  }
  return out;
}

/**
 * Any character outside ASCII. Text without one takes ASCII-only patterns below, equivalent there:
 * V8 compiles a regex on its first use in each page load (a content script always runs cold), and
 * a \p{L} class costs a few tenths of a millisecond to compile, more than the work it then does.
 */
const NON_ASCII = /[\u0080-\uffff]/;

/** For comparing names ignoring case, accents and punctuation: "EL PAÍS" matches "El País". */
export function fold(s: string): string {
  if (!NON_ASCII.test(s)) return s.replace(/[^a-z0-9]+/gi, '').toLowerCase();
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** The words (runs of letters and digits, any script) of `s`. */
export function wordsOf(s: string): string[] {
  return s.match(NON_ASCII.test(s) ? /[\p{L}\p{N}]+/gu : /[a-z0-9]+/gi) ?? [];
}

// Han, kana and Hangul. One of these carries roughly what two or three Latin letters do.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/g;

/**
 * Length with each CJK character counted twice, so the same thresholds (e.g. ">= 80 characters is
 * a real paragraph") hold for a 40-character Chinese sentence and an 80-character Latin one.
 */
export function effectiveLength(s: string): number {
  return s.length + (s.match(CJK)?.length ?? 0);
}

// Readability's comma set (Latin, Arabic, small/vertical/fullwidth forms) plus the ideographic comma.
const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;

/** Commas hint at running prose rather than labels or teasers (Readability's comma bonus). */
export function countCommas(s: string): number {
  return s.match(COMMAS)?.length ?? 0;
}

/**
 * Elements that are never rendered: not a part of the body a reader sees, and their text is code
 * or markup, never prose (a `<script>` in a paragraph, the raw `<img>` markup of a `<noscript>`,
 * whose content is text while scripts run).
 */
export const UNRENDERED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

/**
 * A cookie consent notice, named precisely (not "cookie" alone: WordPress puts a post's tags in
 * its wrapper's classes, "tag-cookies" on a recipe).
 */
const CONSENT = 'cookie-?(?:consent|notice|law|bar|box|modal|popup|dialog)|consent-?(?:banner|modal|dialog|manager|sdk|notice|box|popup)|cookiebot|onetrust';

/**
 * Names of page furniture. A subtree whose class/id matches is not even walked (Readability's
 * "unlikely candidates"), unless the name also says it is content (see MAYBE_CONTENT).
 * These name patterns run on lower-cased names instead of carrying the `i` flag: a large
 * case-insensitive alternation costs V8 several times more to compile on first use, which a
 * content script pays on every page load.
 */
const UNLIKELY = new RegExp(
  `-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|${CONSENT}|legends|menu|\\bnav|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|share|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|newsletter|most-?viewed|most-?read|popular|trending|outbrain|taboola`,
);
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow/;

/**
 * Names of what is never the article, whatever else is scarce: a comment thread and its entries
 * (WordPress #comments, .comment-content, Disqus, "replies") and a cookie consent notice (a shop's
 * consent modal can hold more text than its category page).
 */
const NEVER_ARTICLE = new RegExp(`comment|disqus|replies|${CONSENT}`);

/** True when class/id (lower case, as namesOf gives them) name comments or a consent notice. */
export function isNeverArticleName(names: string): boolean {
  return NEVER_ARTICLE.test(names);
}

/** Scoring weights from class/id (Readability's getClassWeight, plus subscription furniture). */
const NEGATIVE =
  /hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|subscri|paywall|newsletter|signup|popular|most-?viewed|teaser/;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/;

/** The class and id of an element as one lower-case string (getAttribute: SVG className is not a string). */
export function namesOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** True when class/id (lower case, as namesOf gives them) mark furniture and nothing marks content. */
export function isUnlikelyName(names: string): boolean {
  return UNLIKELY.test(names) && !MAYBE_CONTENT.test(names);
}

/** -25..+25 per attribute, as in Readability: names are a hint, never the decision. */
export function classWeight(el: Element): number {
  let weight = 0;
  for (const attr of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!attr) continue;
    const value = attr.toLowerCase();
    if (NEGATIVE.test(value)) weight -= 25;
    if (POSITIVE.test(value)) weight += 25;
  }
  return weight;
}
