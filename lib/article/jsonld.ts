/**
 * Reads schema.org JSON-LD blocks: whether the page declares itself an article (or something
 * else, like a product), its headline, author(s), publication date and publisher. Malformed
 * blocks are ignored, never thrown.
 */
import { collapse, decodeEntities } from './text';

export interface JsonLd {
  /** The first article type found, e.g. 'NewsArticle'; '' if none. */
  articleType: string;
  /** A declared non-article page type, e.g. 'Product'; '' if none. */
  otherType: string;
  /** The article's `headline` (else its `name`). */
  headline: string;
  /** Its `name` when that differs from the headline ('' otherwise): Wikipedia's JSON-LD gives the
   * page title as `name` and the one-line description ("matrix equal to its conjugate-transpose")
   * as `headline`. */
  name: string;
  publisher: string;
  /** The article's author names, joined with ", " ('' if none). */
  author: string;
  /** The article's `datePublished` as written ('' if none). */
  datePublished: string;
}

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'BlogPosting', 'ReportageNewsArticle', 'OpinionNewsArticle',
  'AnalysisNewsArticle', 'LiveBlogPosting', 'BackgroundNewsArticle', 'ReviewNewsArticle',
  'SatiricalArticle', 'ScholarlyArticle', 'TechArticle', 'Report',
]);
// Pages that are not one article: shops, result and profile pages, indexes, Q&A and forum threads.
const OTHER_TYPES = new Set([
  'Product', 'ProductGroup', 'SearchResultsPage', 'ProfilePage', 'CollectionPage', 'QAPage', 'DiscussionForumPosting',
]);

// Bounds, so a page with megabytes of JSON-LD still answers quickly.
const MAX_SCRIPTS = 20;
const MAX_NODES = 500;
const MAX_DEPTH = 6;

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** '@type' as bare names: "NewsArticle", ["NewsArticle"], "https://schema.org/NewsArticle". */
function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

/**
 * Collects typed nodes from top-level values, arrays, '@graph' and 'mainEntity' only. Other nested
 * objects are not followed on purpose: a section front lists its teasers as nested NewsArticles.
 */
function collect(value: unknown, depth: number, out: Node[]): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, depth + 1, out);
  } else if (isNode(value)) {
    if ('@type' in value) out.push(value);
    collect(value['@graph'], depth + 1, out);
    collect(value['mainEntity'], depth + 1, out);
  }
}

function parse(text: string): unknown {
  // Some CMSs still wrap the JSON in an HTML comment or CDATA section.
  const cleaned = text.trim().replace(/^(<!--|<!\[CDATA\[)/, '').replace(/(-->|\]\]>)$/, '');
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return undefined;
  }
}

/** A string value as text: whitespace collapsed, character references a CMS escaped twice decoded. */
const textOf = (value: unknown): string => (typeof value === 'string' ? collapse(decodeEntities(value)) : '');

function nameOf(value: unknown, byId: Map<string, Node>): string {
  const node = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (!isNode(node)) return '';
  if (typeof node.name === 'string') return textOf(node.name);
  const ref = typeof node['@id'] === 'string' ? byId.get(node['@id']) : undefined;
  return ref ? textOf(ref.name) : '';
}

/** At most this many authors are named (a wire story can list a dozen contributors). */
const MAX_AUTHORS = 5;

/** `author` as names: a string, a Person/Organization, a reference by '@id', or a list of those. */
function authorsOf(value: unknown, byId: Map<string, Node>): string {
  const list = (Array.isArray(value) ? (value as unknown[]) : [value]).slice(0, MAX_AUTHORS);
  const names = list.map((v) => (typeof v === 'string' ? textOf(v) : nameOf(v, byId))).filter((n) => n && !/^https?:/i.test(n));
  return [...new Set(names)].join(', ');
}

/** True for `<script type="application/ld+json">` (type compared loosely, as browsers do). */
export function isJsonLdScript(el: Element): boolean {
  return el.localName === 'script' && (el.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/ld+json';
}

/** Reads the JSON-LD scripts among `scripts` (others are skipped). */
export function readJsonLd(scripts: Iterable<Element>): JsonLd {
  const nodes: Node[] = [];
  let count = 0;
  for (const script of scripts) {
    if (!isJsonLdScript(script)) continue;
    if (++count > MAX_SCRIPTS) break;
    collect(parse(script.textContent), 0, nodes);
  }
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);

  const result: JsonLd = { articleType: '', otherType: '', headline: '', name: '', publisher: '', author: '', datePublished: '' };
  for (const node of nodes) {
    const types = typesOf(node);
    const article = types.find((t) => ARTICLE_TYPES.has(t));
    if (article && !result.articleType) {
      result.articleType = article;
      result.headline = textOf(node.headline) || textOf(node.name);
      if (textOf(node.name) !== result.headline) result.name = textOf(node.name);
      result.publisher = nameOf(node.publisher, byId);
      result.author = authorsOf(node.author ?? node.creator, byId);
      result.datePublished = textOf(node.datePublished) || textOf(node.dateCreated);
    }
    const other = types.find((t) => OTHER_TYPES.has(t));
    if (other && !result.otherType) result.otherType = other;
  }
  return result;
}
