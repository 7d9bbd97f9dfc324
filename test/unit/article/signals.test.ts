/** The page signals the article model reads (signals.ts), and the evidence detectArticle hands it. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import type { Evidence } from '../../../lib/article/decide';
import { pageSignals } from '../../../lib/article/signals';
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
