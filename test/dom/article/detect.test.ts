/**
 * detectArticle in real Chromium, with layout: the default visibility test (checkVisibility)
 * must keep CSS-hidden text out of the body, and a real parser's frameset must be recognised.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import newsHtml from '../../unit/article/fixtures/news-jsonld.html?raw';
import seedCss from '../../../seeds/demo.css?raw';
import seedHtml from '../../../seeds/index.html?raw';
import seedOverlay from '../../../seeds/overlay.js?raw';
import forumHtml from '../../fixtures/pages/overlays/forum.html?raw';
import homeHtml from '../../fixtures/pages/overlays/home.html?raw';
import listingHtml from '../../fixtures/pages/overlays/listing.html?raw';
import productHtml from '../../fixtures/pages/overlays/product.html?raw';
import tourHtml from '../../fixtures/pages/overlays/tour.html?raw';

const P = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `<p>${tag} ${String(i + 1)}: the minister said on Monday that the plan, which has been delayed twice, would go ahead in the spring, despite protests from local councils.</p>`).join('');

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

/** A laid-out document of its own, so the test runner's page does not take part. */
async function page(html: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 800px';
  frames.push(frame);
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument;
  if (!doc) throw new Error('no iframe document');
  return doc;
}

describe('default visibility (checkVisibility)', () => {
  test('a display:none block of long paragraphs is not the body', async () => {
    const doc = await page(`<html lang="en"><body>
      <div id="hidden" style="display: none">${P(14, 'Hidden')}</div>
      <main><div id="story">${P(6, 'Visible')}</div></main></body></html>`);
    const info = detectArticle(doc);
    expect(info).toMatchObject({ isArticle: true, lang: 'en' });
    expect(info.body).toEqual([doc.getElementById('story')]);
    expect(info.body[0]?.textContent).not.toContain('Hidden');
  });

  test('text hidden by a stylesheet class on an ancestor does not count either', async () => {
    const doc = await page(`<html><head><style>.closed .inner { display: none }</style></head><body>
      <section class="closed"><div class="inner">${P(14, 'Hidden')}</div></section>
      <div id="story">${P(6, 'Visible')}</div></body></html>`);
    expect(detectArticle(doc).body).toEqual([doc.getElementById('story')]);
  });

  test('when the only long text is hidden, the page is not an article', async () => {
    const doc = await page(`<html><body><div style="display: none">${P(14, 'Hidden')}</div><p>Short visible line of text here.</p></body></html>`);
    expect(detectArticle(doc).isArticle).toBe(false);
  });

  test('a page that hides itself whole (html { display: none }, a frame-busting style) is judged as if shown', async () => {
    const doc = await page(`<html lang="en"><head><style>html { display: none }</style></head><body>
      <nav><a href="/">Home</a></nav><main><div id="story">${P(6, 'Shown later')}</div></main></body></html>`);
    const info = detectArticle(doc);
    expect(info.isArticle).toBe(true);
    expect(info.body.map((el) => el.id)).toEqual(['story']);
  });

  test('the seed-demo-shaped fixture, laid out: the paragraph wrapper only', async () => {
    const doc = await page(newsHtml);
    const info = detectArticle(doc);
    expect(info).toMatchObject({ isArticle: true, reason: 'jsonld:NewsArticle', siteName: 'The Daily Example' });
    expect(info.body).toEqual([doc.querySelector('.x9k')]);
    expect(info.headline).toBe(doc.querySelector('h1'));
    const text = info.body[0]?.textContent ?? '';
    for (const furniture of ['Sign up for our weekly newsletter', 'Tu suscripción', 'Most viewed', 'Heatwave warning']) {
      expect(text).not.toContain(furniture);
    }
  });
});

test('the seed demo with its CSS, after its overlay has appeared: body is the paragraphs', async () => {
  const html = seedHtml
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${seedCss}</style>`)
    .replace(/<script src="overlay.js"><\/script>/, () => `<script>${seedOverlay}</script>`);
  const doc = await page(html);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the overlay shows ~1.2 s after load
  expect(doc.getElementById('ctn_freemium_device')).not.toBeNull();
  const info = detectArticle(doc);
  expect(info).toMatchObject({ isArticle: true, reason: 'jsonld:NewsArticle', siteName: 'EL PAÍS', lang: 'en' });
  expect(info.body).toEqual([doc.getElementById('article-body')]);
  const text = info.body[0]?.textContent ?? '';
  for (const outside of ['Sinaloa', 'Chapitos', 'Tu suscripción', 'Most viewed']) expect(text).not.toContain(outside);
});

describe('prose that is not an article (ArticleInfo.prose: where overlays are still hidden)', () => {
  test('a product tour in headed sections: not an article, its sections are the prose', async () => {
    const doc = await page(tourHtml);
    const info = detectArticle(doc);
    expect(info).toMatchObject({ isArticle: false, body: [], headline: null });
    expect(info.prose).toEqual([doc.querySelector('main')]);
  });

  test.each([
    ['a home page of teasers', homeHtml],
    ['a listing', listingHtml],
    ['a declared product page', productHtml],
    ['a forum thread', forumHtml],
  ])('%s has no prose to guard', async (_name, html) => {
    const info = detectArticle(await page(html));
    expect(info.isArticle).toBe(false);
    expect(info.prose).toEqual([]);
  });

  test('an article\'s prose is its body', async () => {
    const info = detectArticle(await page(newsHtml));
    expect(info.isArticle).toBe(true);
    expect(info.prose).toEqual(info.body);
  });
});

test("Chromium's parser builds a frameset: not an article", () => {
  const doc = new DOMParser().parseFromString('<html><head><title>F</title></head><frameset><frame src="a.html"></frameset></html>', 'text/html');
  expect(doc.body.localName).toBe('frameset');
  expect(detectArticle(doc)).toMatchObject({ isArticle: false, reason: 'frameset', title: 'F' });
});
