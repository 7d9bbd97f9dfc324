/**
 * Page signals the article model (model.ts) weighs beside the body's shape: how the page's
 * address is built, whether it offers to share or credits an author page, and how much of it is
 * forms. Each is a count or a yes/no read with one native query, so none reads
 * words: a story's address ends in a slug of several words ("/2025/11/21/us-pressure-cartels": 3 words),
 * a story offers share links and links its author's page, a listing links a next page, a
 * service or shop page is full of inputs (the page's buttons are the rules' evidence already).
 */

export interface PageSignals {
  /** Words in the last segment of the page's declared address ("us-pressure-mexico-cartels.html": 4); 0 without one. */
  slugWords: number;
  /** The declared address is a site's root. */
  rootAddress: boolean;
  /** Links that share the page (Facebook, X/Twitter, LinkedIn, Pinterest, Reddit, WhatsApp, e-mail). */
  shareLinks: number;
  /** Links to an author's page (rel=author, /author/ addresses). */
  authorLinks: number;
  /** A link to the next page of a series (rel=next): archives and paginated listings. */
  nextPage: boolean;
  inputs: number;
  /** <article> elements on the page: one for a story, one per card on a feed. */
  articles: number;
}

/**
 * Share buttons' addresses, by path rather than by network: facebook.com/sharer/sharer.php,
 * twitter.com/intent/tweet and x.com/intent/post, twitter.com/share?url, linkedin.com/shareArticle
 * and /sharing/share-offsite, pinterest.com/pin/create, reddit.com/submit?url,
 * api.whatsapp.com/send, and e-mail with only a subject and body.
 */
const SHARE =
  'a[href*="/sharer"],a[href*="/intent/"],a[href*="/share?"],a[href*="/shareArticle"],a[href*="/sharing/"],' +
  'a[href*="/pin/create"],a[href*="/submit?"],a[href*="whatsapp.com/send"],a[href^="mailto:?"]';
const AUTHOR = 'a[rel~="author"], a[href*="/author/"], a[href*="/authors/"]';
const NEXT = 'link[rel~="next"], a[rel~="next"]';

/**
 * The address the page declares for itself (canonical, else og:url); its own URL is not used:
 * a saved or cached copy lives elsewhere, and the model learned from pages served that way.
 */
function addressShape(declared: string | undefined, base: string): Pick<PageSignals, 'slugWords' | 'rootAddress'> {
  const none = { slugWords: 0, rootAddress: false };
  if (!declared) return none;
  try {
    const segments = new URL(declared, base).pathname.split('/').filter(Boolean);
    const last = (segments[segments.length - 1] ?? '').replace(/\.[a-z]{2,5}$/i, '');
    return {
      slugWords: last.split(/[-_+]+/).filter(Boolean).length,
      rootAddress: segments.length === 0,
    };
  } catch {
    return none;
  }
}

/** Reads the page's signals; `declared` is its canonical or og:url address, if any. */
export function pageSignals(doc: Document, root: Element, declared: string | undefined): PageSignals {
  return {
    ...addressShape(declared, doc.URL),
    shareLinks: root.querySelectorAll(SHARE).length,
    authorLinks: root.querySelectorAll(AUTHOR).length,
    nextPage: !!doc.querySelector(NEXT),
    inputs: root.getElementsByTagName('input').length,
    articles: root.getElementsByTagName('article').length,
  };
}

/**
 * A feed puts every card in an <article> element, side by side (a blog's index showing each
 * post whole, a news page's stories): a body inside one of those is one item among many, and its
 * <article> vouches for nothing. At this many <article> siblings (itself included) it is a card.
 */
const FEED_CARDS = 3;

/** Whether `body` sits inside an <article> element that is not one card of a feed. */
export function inStoryElement(body: Element): boolean {
  const article = body.closest('article');
  if (!article) return false;
  let cards = 0;
  for (let el = article.parentElement?.firstElementChild ?? null; el; el = el.nextElementSibling) {
    if (el.localName === 'article' && ++cards >= FEED_CARDS) return false;
  }
  return true;
}
