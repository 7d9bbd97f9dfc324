/**
 * Page metadata from <meta>, <html lang>, microdata and the URL: site name, language, the
 * metadata title, and whether the page's own markup calls it an article (or a product).
 */
import type { JsonLd } from './jsonld';
import { collapse, decodeEntities, fold } from './text';

const MAX_METAS = 300;

/** document.head, which the DOM typings call non-null but XML and odd documents lack. */
export function headOf(doc: Document): HTMLHeadElement | null {
  const head = doc.head as HTMLHeadElement | null;
  return head;
}

/** `<meta property|name=... content=...>` by lower-cased key (each of a space-separated list); the first occurrence wins. */
export function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  // Only <head>: metadata lives there, and scanning a huge body for <meta> costs time.
  const tags = headOf(doc)?.getElementsByTagName('meta') ?? [];
  for (let i = 0; i < Math.min(tags.length, MAX_METAS); i++) {
    const tag = tags[i];
    const keys = (tag?.getAttribute('property') ?? tag?.getAttribute('name') ?? tag?.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = collapse(decodeEntities(tag?.getAttribute('content') ?? ''));
    if (!keys || !content) continue;
    // RDFa allows several properties in one attribute: property="og:title dc:title".
    for (const key of keys.split(/\s+/)) if (!meta.has(key)) meta.set(key, content);
  }
  return meta;
}

/** `<html lang>`, else the content-language meta (first of a list), else ''. */
export function pageLang(doc: Document, meta: Map<string, string>): string {
  const lang = (doc.documentElement as Element | null)?.getAttribute('lang')?.trim();
  if (lang) return lang;
  return meta.get('content-language')?.split(',')[0]?.trim() ?? '';
}

/** The address the page names as its own (`<link rel="canonical">`), if any. */
function canonicalOf(doc: Document): string | undefined {
  return headOf(doc)?.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
}

/** The address the page declares for itself: canonical, else og:url; undefined without one. */
export function declaredAddress(doc: Document, meta: Map<string, string>): string | undefined {
  return canonicalOf(doc) ?? meta.get('og:url');
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** og:site_name, JSON-LD publisher, else the host without "www." (document URL, then og:url/canonical). */
export function siteNameOf(doc: Document, meta: Map<string, string>, ld: JsonLd): string {
  const named = meta.get('og:site_name') || ld.publisher;
  if (named) return named;
  const host = hostOf(doc.URL) || hostOf(meta.get('og:url')) || hostOf(canonicalOf(doc));
  return host.replace(/^www\./, '');
}

/**
 * Addresses that software gives pages of one kind: documentation generators publish under a
 * `docs.` host or a /docs/ or /reference/ directory, forum software under /threads/, /t/ or
 * viewtopic.php, shop platforms under /product/, /collections/ or /category/. Site conventions
 * rather than words of the page's language, used in every language, and news sites do not use
 * them for their stories. (The one English the detector reads, as Readability reads class names.)
 */
const ADDRESS_KINDS: [kind: string, host: RegExp | null, directory: RegExp][] = [
  ['documentation', /^docs?$/, /^(docs?|documentation|api|reference|manual|handbook|man-?pages?)$/],
  ['forum', /^(forums?|bbs|discuss)$/, /^(forums?|threads|t|discussions|questions|viewtopic\.php|showthread\.php)$/],
  ['shop', null, /^(products?|shop|collections|categor(y|ies)|dp)$/],
];

function addressKindOf(url: string | null | undefined, base: string): string {
  if (!url) return '';
  try {
    const { hostname, pathname } = new URL(url, base);
    const host = hostname.split('.')[0] ?? '';
    const segments = pathname.toLowerCase().split('/');
    for (const [kind, hostRe, directory] of ADDRESS_KINDS) {
      if (hostRe?.test(host) || segments.some((segment) => directory.test(segment))) return kind;
    }
  } catch {
    // not a URL: says nothing
  }
  return '';
}

/**
 * The kind of page its address says it is ('documentation', 'forum', 'shop'), or ''. The page's
 * own URL, else the canonical or og:url address it gives itself (a saved or cached copy lives
 * elsewhere; a relative one is read against the page's URL).
 */
export function addressKind(doc: Document, meta: Map<string, string>): string {
  for (const url of [doc.URL, canonicalOf(doc), meta.get('og:url')]) {
    const kind = addressKindOf(url, doc.URL);
    if (kind) return kind;
  }
  return '';
}

const SEPARATOR = /\s+([|\-–—·•:]|::)\s+/g;

/**
 * Strips a site name from a title: "Headline | EL PAÍS" -> "Headline" (also a leading
 * "EL PAÍS | Headline"). A trailing segment after "|", "·" or "•" is dropped even when it is not
 * the known site name, if it is short beside the headline; dashes and colons are left alone
 * unless they match, since headlines use them ("Madrid – Barcelona: the final").
 */
export function cleanTitle(title: string, siteName: string): string {
  const text = collapse(title);
  const parts = [...text.matchAll(SEPARATOR)];
  const last = parts[parts.length - 1];
  const first = parts[0];
  if (!last || !first) return text;
  const head = text.slice(0, last.index);
  const tail = text.slice(last.index + last[0].length);
  const site = fold(siteName);
  const end = fold(tail);
  if (site && end && (end.includes(site) || site.includes(end))) return head;
  const lead = text.slice(0, first.index);
  if (site && fold(lead) === site) return text.slice(first.index + first[0].length);
  if (/[|·•]/.test(last[1] ?? '') && tail.length <= 30 && head.length >= 2 * tail.length) return head;
  return text;
}

/** The metadata title (og:title / twitter:title), cleaned of the site name. */
export function metaTitle(meta: Map<string, string>, siteName: string): string {
  return cleanTitle(meta.get('og:title') ?? meta.get('twitter:title') ?? '', siteName);
}

const MICRODATA_ARTICLE = /schema\.org\/(\w*Article|BlogPosting|LiveBlogPosting)\b/i;
/**
 * Microdata types anywhere on a page that make it a forum thread, a Q&A page or a shop page.
 * Comment counts too: a blog's comments sit outside its article markup, but these pages mark up
 * their posts as comments and nothing else.
 */
const MICRODATA_OTHER = /schema\.org\/(QAPage|DiscussionForumPosting|Comment|Product|IndividualProduct|ProductGroup|Offer)\/?$/i;
const MAX_ITEMTYPES = 200;

/** The first non-article microdata type on the page ('QAPage', 'Product', ...), or ''. */
export function microdataOther(doc: Document): string {
  const typed = doc.querySelectorAll('[itemtype]');
  for (let i = 0; i < Math.min(typed.length, MAX_ITEMTYPES); i++) {
    const el = typed[i]!;
    const type = MICRODATA_OTHER.exec(el.getAttribute('itemtype')?.trim() ?? '')?.[1];
    // A product held by another item's property describes something the page mentions, not
    // the page: The New York Times marks its articles `isPartOf` a subscription Product.
    if (type && !(NESTABLE_PRODUCT.test(type) && el.hasAttribute('itemprop'))) return type;
  }
  return '';
}

const NESTABLE_PRODUCT = /^(Product|IndividualProduct|ProductGroup|Offer)$/i;

/** Whether an element anywhere on the page carries a microdata article type. */
export function hasMicrodataArticle(doc: Document): boolean {
  const typed = doc.querySelectorAll('[itemtype]');
  for (let i = 0; i < Math.min(typed.length, MAX_ITEMTYPES); i++) {
    if (MICRODATA_ARTICLE.test(typed[i]!.getAttribute('itemtype') ?? '')) return true;
  }
  return false;
}

/** Microdata article type on the body or an ancestor (where itemscope sits), e.g. 'NewsArticle'. */
function microdataType(body: Element | null): string {
  for (let el = body; el; el = el.parentElement) {
    const type = MICRODATA_ARTICLE.exec(el.getAttribute('itemtype') ?? '')?.[1];
    if (type) return type;
  }
  return '';
}

/**
 * What the page's markup says it is. `article` names the strongest "article" signal
 * ('jsonld:NewsArticle', 'og:article', 'microdata:NewsArticle', 'published-time'); `other` a
 * declared non-article type ('jsonld:Product', 'og:product'). `body` is the chosen body, if any.
 */
export function typeSignals(
  meta: Map<string, string>,
  ld: JsonLd,
  body: Element | null,
  microOther = '',
): { article: string; other: string } {
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  const other = ld.otherType
    ? `jsonld:${ld.otherType}`
    : ogType.startsWith('product')
      ? 'og:product'
      : microOther
        ? `microdata:${microOther}`
        : '';
  if (ld.articleType) return { article: `jsonld:${ld.articleType}`, other };
  // Microdata around the body is schema.org markup of this very text: stronger than og:type,
  // which some CMSs put on every page.
  const micro = microdataType(body);
  if (micro) return { article: `microdata:${micro}`, other };
  if (ogType === 'article' || ogType.endsWith(':article')) return { article: 'og:article', other };
  if (meta.has('article:published_time')) return { article: 'published-time', other };
  return { article: '', other };
}
