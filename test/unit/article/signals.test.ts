/** The page signals the article model reads (signals.ts), and the evidence detectArticle hands it. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import type { Evidence } from '../../../lib/article/decide';
import { inStoryElement, pageSignals } from '../../../lib/article/signals';
import { fixture, parse, visible } from './helpers';

const page = (head: string, body: string): Document => parse(`<html><head>${head}</head><body>${body}</body></html>`);

describe('pageSignals', () => {
  test("the declared address's slug, read from canonical, else og:url; never from the page's own URL", () => {
    const slug = (head: string) => {
      const doc = page(head, '');
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
      return pageSignals(doc, doc.body, canonical);
    };
    expect(slug('<link rel="canonical" href="https://example.com/2025/11/21/us-pressure-mexico-cartels.html">')).toMatchObject({ slugWords: 4, rootAddress: false });
    expect(slug('<meta property="og:url" content="/news/world_cup+final">')).toMatchObject({ slugWords: 3, rootAddress: false });
    expect(slug('<link rel="canonical" href="https://example.com/">')).toMatchObject({ slugWords: 0, rootAddress: true });
    expect(slug('')).toMatchObject({ slugWords: 0, rootAddress: false });
    expect(slug('<link rel="canonical" href="http://[bad">')).toMatchObject({ slugWords: 0, rootAddress: false });
  });

  test('share links of every network by their paths, author links, a next page, inputs and <article>s', () => {
    const doc = page(
      '<link rel="next" href="/page/2">',
      `<a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a><a href="https://x.com/intent/post?url=x">x</a>
       <a href="https://www.linkedin.com/sharing/share-offsite/?url=x">in</a><a href="https://api.whatsapp.com/send?text=x">w</a>
       <a href="mailto:?subject=x">mail</a><a href="mailto:desk@example.com">desk</a><a href="/share-your-story">not a share link</a>
       <a rel="author" href="/ana">Ana</a><a href="/author/ben/">Ben</a>
       <form><input name="q"><input type="submit"></form><article>a</article><article>b</article>`,
    );
    expect(pageSignals(doc, doc.body, undefined)).toEqual({ slugWords: 0, rootAddress: false, shareLinks: 5, authorLinks: 2, nextPage: true, inputs: 2, articles: 2 });
  });
});

describe('inStoryElement', () => {
  const para = (n: number) => `<p>Paragraph ${n} of the story, long enough to be read as running text by the scorer, and then some more words.</p>`;
  const story = `<div class="text">${[1, 2, 3, 4].map(para).join('')}</div>`;

  test('a body inside the page\'s one <article> is in a story element, related cards elsewhere or not', () => {
    const doc = page('', `<main><article>${story}</article></main><aside><article>Card</article><article>Card</article><article>Card</article></aside>`);
    expect(inStoryElement(doc.querySelector('.text')!)).toBe(true);
    // A second <article> beside it (the next story, appended) does not make a feed yet.
    const two = page('', `<main><article>${story}</article><article>Next story</article></main>`);
    expect(inStoryElement(two.querySelector('.text')!)).toBe(true);
  });

  test('a body inside one of three sibling <article>s is a card of a feed (a blog index showing whole posts)', () => {
    const doc = page('', `<main><article>${story}</article><article>${story}</article><article>${story}</article></main>`);
    for (const text of doc.querySelectorAll('.text')) expect(inStoryElement(text)).toBe(false);
    expect(inStoryElement(page('', story).querySelector('.text')!)).toBe(false);
  });

  test("is what detectArticle's evidence reports", () => {
    const seen = (html: string) => {
      let evidence: Evidence | null = null;
      detectArticle(page('', html), { ...visible, onEvidence: (e) => (evidence = e) });
      return (evidence as Evidence | null)?.inArticleElement;
    };
    expect(seen(`<article>${story}</article>`)).toBe(true);
    expect(seen(`<article>${story}</article><article>${para(5)}</article><article>${para(6)}</article>`)).toBe(false);
  });
});

describe("detectArticle's evidence", () => {
  test('carries the model evidence, read only when asked for', () => {
    let evidence: Evidence | null = null;
    const info = detectArticle(parse(fixture('news-jsonld.html')), { ...visible, onEvidence: (e) => (evidence = e) });
    expect(info.isArticle).toBe(true);
    const model = (evidence as Evidence | null)?.model?.();
    expect(model).toBeDefined();
    expect(model!.pageChars).toBeGreaterThanOrEqual((evidence as unknown as Evidence).body!.chars);
    expect(model!.bodyParagraphs).toBeGreaterThan(3);
    expect(model!.byline || model!.published).toBe(true);
  });
});
