/**
 * The article/not-article decision, in the spirit of Readability's isProbablyReaderable: rules
 * with every threshold here, each answer naming its reason, then the article model (weigh.ts),
 * fitted on labelled pages, weighing the rules' answer together with the page's other signals.
 */
import type { PageSignals } from './signals';
import { teaserBlocks, type BodyStats } from './stats';
import { articleProbability, modelFeatures, THRESHOLD } from './weigh';

/** What the article model (weigh.ts) reads beyond the rules' evidence. */
export interface ModelEvidence {
  signals: PageSignals;
  /** Effective characters of every scored paragraph on the page (the body's are `body.chars`). */
  pageChars: number;
  /** <p> elements in the body. */
  bodyParagraphs: number;
  /** The page names its writer / dates the text (credits.ts). */
  byline: boolean;
  published: boolean;
}

export interface Evidence {
  /** Metadata saying "article" ('jsonld:NewsArticle', 'og:article', 'published-time', ...), or ''. */
  meta: string;
  /** Metadata declaring some other kind of page ('jsonld:Product', 'og:product', ...), or ''. */
  otherType: string;
  /** The chosen body sits inside an <article> element, not one card of a feed (signals.ts). */
  inArticleElement: boolean;
  /** The kind of page its address says ('documentation' for docs.example.com, 'forum', 'shop'), or ''. */
  address?: string;
  /** Measures of the chosen body; null when no paragraph on the page scored. */
  body: BodyStats | null;
  /** Links (<a>) on the whole page. */
  pageLinks?: number;
  /**
   * How many of them the reader can see, at most `max` (a menu folded into hidden dropdowns can
   * hold hundreds). A function because it costs a visibility check per link: it is called only
   * when the page's links would otherwise outweigh the body.
   */
  visibleLinks?: (max: number) => number;
  /** Code elements (<pre>, <code>) in the chosen body. */
  code?: number;
  /**
   * Whether the page credits the text to someone or dates it (a byline, a publication time). A
   * function because it costs a few queries: it is called only for a body heavy with code.
   */
  credited?: () => boolean;
  /** Whether the page names its writer and dates the text, both (a function, like `credited`). */
  signed?: () => boolean;
  /** <button> elements on the page. A function: called only for a page nothing else vouches for. */
  buttons?: () => number;
  /**
   * Page signals for the article model (a function: read only for pages the model judges);
   * without them (the rules' own tests) the rules alone decide.
   */
  model?: () => ModelEvidence;
}

export interface Decision {
  isArticle: boolean;
  reason: string;
  /**
   * The body is prose a reader reads, article or not: true for every article, for documentation,
   * for a services page's text, for a page the model finds unlikely to be a story though the
   * rules took it for one, and for a page rejected only for its shape whose blocks are sections
   * of one text rather than teasers (a product tour or a service page under headings, pages
   * Reader View offers too). Overlays over such a page are hidden as over an article; terms are
   * looked for on articles only.
   */
  readable: boolean;
}

/**
 * How much prose is enough, by strength of the other evidence: metadata can vouch for a short
 * piece; without it we want at least three real paragraphs or about 1000 characters.
 * `paras` substantial paragraphs together with `chars` characters, or `alone` characters in any shape.
 */
const NEEDED = {
  meta: { paras: 2, chars: 300, alone: 600 },
  articleElement: { paras: 3, chars: 500, alone: 800 },
  none: { paras: 3, chars: 500, alone: 800 },
};
/**
 * Without a schema.org article type, the body must also outweigh the page's links: og:type
 * "article" and article:published_time are set on every page by some CMSs, and a service, shop
 * or forum page wraps a few paragraphs in a lot of navigation. `LINK_CHARS` body characters per
 * link on the page, but never more than `LINK_CAP` (a long text is prose whatever surrounds it).
 */
const LINK_CHARS = 6;
const LINK_CAP = 2500;

/** Below this share of its text in one block, the body is a set of separate items. */
const FRAGMENTED_SHARE = 0.3;
const MIN_RUNS_FOR_FRAGMENTED = 4;
const LISTING_HEADLINES = 4;
const SECTION_PARAS = 2;
/**
 * Or blocks that average this many characters with most holding more than one substantial
 * paragraph: a review roundup's sections ("best electric toothbrushes": a long verdict, then a
 * short note, per product). Teasers and most posts are far shorter.
 */
const LONG_SECTION_CHARS = 500;
const LONG_SECTION_PARAS = 1.5;
/** At most this many teaser links (linked headings, standalone links) in a readable body. */
const READABLE_TEASERS = 2;
/**
 * A body with this many code elements, and at least one per two substantial paragraphs, is
 * documentation unless metadata or credits say otherwise: reference pages and guides put a
 * <code> in every other sentence, and a blog post that does so too names its author or date.
 */
const CODE_HEAVY = 30;
const CODE_PER_PARAGRAPH = 0.5;
/** Article types documentation sites, forums and shops do not give their pages. */
const NEWS_OR_BLOG = /News|Blog|Report|Opinion|Review/;

/**
 * A page with no article metadata, no <article> element and nobody credited or dated rests on its
 * shape alone, and there company service pages and shop category pages (a few paragraphs under
 * headings, a text block beside a grid, buttons everywhere) read much like a guide. Three measures
 * tell them apart, in one score: substantial paragraphs per block (a guide's sections hold several,
 * a service page's blurbs one), paragraphs of running text (>= 200 characters), and buttons on the
 * page ("Get a quote", "Add to cart", filters), each on a log scale so no single one decides:
 *   0.8 ln(1 + paragraphs per block) + 0.7 ln(1 + long paragraphs) - 0.5 ln(1 + buttons) < 1
 * is not an article. Weights from a logistic fit on such pages of the WCXB dev set (152 pages),
 * threshold at an article probability of 0.25 (cross-validated: about 41 of 79 such non-articles
 * rejected for 7 of 73 articles; a rejected article is a click away in the panel). Nothing here
 * reads words, so it holds in any language.
 */
const SHAPE_BAR = 1;

/** The shape score above, for a page without metadata or credits; below SHAPE_BAR it is not an article. */
export function shapeScore(body: BodyStats, buttons: number): number {
  return 0.8 * Math.log1p(body.substantial / Math.max(1, body.runs)) + 0.7 * Math.log1p(body.long) - 0.5 * Math.log1p(buttons);
}

/**
 * Decides from the evidence whether the page is an article, and whether its body is readable
 * prose. The rules below decide first; then, on a page with text that declares no other kind and
 * whose address names no other kind (those stay decided), the article model (weigh.ts) weighs
 * every signal together and has the last word. A story it finds among the rules' rejections is
 * accepted for its strongest signal; prose the rules took for a story but the model does not is
 * `unlikely`: not an article, still readable (overlays over it hidden, terms on request).
 */
export function decide(evidence: Evidence): Decision {
  const ruled = ruleDecision(evidence);
  if (settled(evidence)) return ruled;
  const x = modelFeatures(evidence, ruled.isArticle);
  if (!x) return ruled;
  const isArticle = articleProbability(x) >= THRESHOLD;
  if (isArticle === ruled.isArticle) return ruled;
  return isArticle ? { isArticle, reason: acceptedFor(evidence), readable: true } : { isArticle, reason: 'unlikely', readable: true };
}

/** The rules' decision alone (what the article model takes as one of its features). */
export function ruleDecision(evidence: Evidence): Decision {
  const decision = classify(evidence);
  const readable = decision.isArticle || PROSE.has(decision.reason) || (SHAPES.has(decision.reason) && readsAsProse(evidence));
  return { ...decision, readable };
}

/**
 * Pages the model does not judge (and is not fitted on): no text, a declared non-article type
 * without a schema.org article type, an address of documentation, a forum or a shop without a
 * news or blog type. What the page says it is outweighs how it looks.
 */
export function settled({ body, meta, otherType, address }: Evidence): boolean {
  const schemaType = meta.startsWith('jsonld:') || meta.startsWith('microdata:');
  return !body || body.chars === 0 || (!!otherType && !schemaType) || (!!address && !NEWS_OR_BLOG.test(meta));
}

/** Rejections of pages whose body is prose all the same: reference text, a service page's sections. */
const PROSE = new Set(['documentation', 'uncredited']);

/** Rejections for the body's shape alone (many separate blocks), not for what the page is. */
const SHAPES = new Set(['listing', 'fragmented']);

/**
 * Sections of one text: most blocks under a heading of their own that leads nowhere (a teaser's
 * headline links to its story; a forum post has no heading, or a linked user name), a substantial
 * paragraph in every block but one (an intro line may stand alone; a thread of short replies
 * under user names has far fewer), hardly any teaser links, enough prose for a page without
 * metadata, and not outweighed by the page's links. Asked only of pages rejected for their shape.
 */
function readsAsProse({ body, pageLinks = 0 }: Evidence): boolean {
  if (!body || body.teasers > READABLE_TEASERS || linkHeavy(body, pageLinks)) return false;
  const sectionHeadings = body.headlines - body.teasers;
  if (sectionHeadings < body.runs / 2 || body.substantial < body.runs - 1) return false;
  return (body.substantial >= NEEDED.none.paras && body.chars >= NEEDED.none.chars) || body.chars >= NEEDED.none.alone;
}

/** The body's text is less than LINK_CHARS per link on the page (capped at LINK_CAP). */
const linkHeavy = (body: BodyStats, links: number): boolean => body.chars < Math.min(LINK_CAP, LINK_CHARS * links);

/**
 * The article question. Order matters: a declared product page or a listing of teasers is
 * rejected however much text it has, because scoring happily picks the teaser grid as "body".
 */
function classify({ meta, otherType, inArticleElement, address, body, pageLinks = 0, visibleLinks, code = 0, credited, signed, buttons }: Evidence): Omit<Decision, 'readable'> {
  if (!body || body.chars === 0) return { isArticle: false, reason: 'no-text' };
  // A schema.org article type on the page itself is the one declaration CMSs do not put everywhere.
  const schemaType = meta.startsWith('jsonld:') || meta.startsWith('microdata:');
  if (otherType && !schemaType) return { isArticle: false, reason: otherType };
  // Documentation sites, forums and shops mark their pages Article, TechArticle or og:article as
  // readily as a blog does, and a guide or a long post reads like one; only a news or blog type
  // vouches for a story published under such an address.
  if (address && !NEWS_OR_BLOG.test(meta)) return { isArticle: false, reason: address };

  // Many small separate blocks: teasers (each with its headline) or posts/comments. A schema.org
  // type on the page itself (not og:type, which some CMSs put on every page) can vouch for a
  // live blog of titled posts; any metadata can vouch for paragraphs wrapped in separate blocks.
  // Unless the blocks are sections of one text: at least SECTION_PARAS substantial paragraphs per
  // block on average (a teaser or a short post has one), as in a page builder's article blocks
  // or a long text under subheadings; or long blocks, mostly of several paragraphs.
  // A block whose headline leads elsewhere is a teaser however long its summary (a research
  // group's news page: linked title, then two paragraphs per item): with a teaser link per block,
  // most headings among them, the blocks are not sections of one text.
  const sectioned =
    !teaserBlocks(body) &&
    (body.substantial >= SECTION_PARAS * body.runs ||
      (body.substantial >= LONG_SECTION_PARAS * body.runs && body.chars >= LONG_SECTION_CHARS * body.runs));
  const fragmented = body.runs >= MIN_RUNS_FOR_FRAGMENTED && body.runShare < FRAGMENTED_SHARE && !sectioned;
  // A roundup ("the best board games of the year": an intro, then a headed block per game) is
  // shaped like a listing; article metadata together with a byline and a date says it is a story.
  if (fragmented && body.headlines >= LISTING_HEADLINES && !schemaType && !(meta && (signed?.() ?? false))) {
    return { isArticle: false, reason: 'listing' };
  }
  if (fragmented && !meta) return { isArticle: false, reason: 'fragmented' };

  // Documentation (a reference page, a framework's guide) reads like a long article; what tells
  // it apart is code throughout and nobody signing or dating it. Metadata still vouches.
  if (!meta && code >= CODE_HEAVY && code >= CODE_PER_PARAGRAPH * body.substantial && !(credited?.() ?? false)) {
    return { isArticle: false, reason: 'documentation' };
  }

  const need = meta ? NEEDED.meta : inArticleElement ? NEEDED.articleElement : NEEDED.none;
  const enough = (body.substantial >= need.paras && body.chars >= need.chars) || body.chars >= need.alone;
  if (!enough) return { isArticle: false, reason: 'too-little-text' };
  if (!schemaType) {
    const max = Math.ceil(LINK_CAP / LINK_CHARS);
    if (linkHeavy(body, pageLinks) && linkHeavy(body, visibleLinks ? visibleLinks(max) : pageLinks)) {
      return { isArticle: false, reason: 'link-heavy' };
    }
  }
  if (!meta && !inArticleElement && credited && shapeScore(body, buttons?.() ?? 0) < SHAPE_BAR && !credited()) {
    return { isArticle: false, reason: 'uncredited' };
  }
  return { isArticle: true, reason: acceptedFor({ meta, inArticleElement }) };
}

/** The strongest signal an accepted article has: its metadata, an <article> element, else its text. */
const acceptedFor = ({ meta, inArticleElement }: Pick<Evidence, 'meta' | 'inArticleElement'>): string =>
  meta || (inArticleElement ? 'article-element' : 'density');
