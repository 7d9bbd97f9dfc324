/** detectArticle on whole fixture pages: articles in several scripts, and pages that are not articles. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import { bodyText, fixture, parse, visible } from './helpers';

const localHost = new URL(document.URL).hostname.replace(/^www\./, '');

/** Text of page furniture around the article in news-jsonld.html that must never be in the body. */
const NEWS_FURNITURE = [
  'World news and analysis', // nav
  'Three dry winters', // standfirst (outside the body container, in the article header)
  'Sign up for our weekly newsletter',
  'The best of our climate journalism',
  'Tu suscripción se está usando en otro dispositivo',
  'modalidad Premium',
  'Most viewed',
  'Heatwave warning',
  'All rights reserved',
];

describe('news article (seed-demo shape)', () => {
  test('with JSON-LD and Open Graph', () => {
    const doc = parse(fixture('news-jsonld.html'));
    const info = detectArticle(doc, visible);
    expect(info).toMatchObject({
      isArticle: true,
      reason: 'jsonld:NewsArticle',
      title: 'Drought forces Valencia farmers to rethink the orange harvest',
      siteName: 'The Daily Example',
      lang: 'en-GB',
    });
    expect(info.body).toHaveLength(1);
    expect(info.body[0]).toBe(doc.querySelector('.x9k')); // the live element, not a copy
    expect(info.headline).toBe(doc.querySelector('h1'));
    const text = bodyText(info);
    expect(text).toContain('On a terrace above the Júcar river');
    expect(text).toContain('the sky has not been kind for a long time');
    for (const furniture of NEWS_FURNITURE) expect(text).not.toContain(furniture);
  });

  test('the same page without scripts or meta tags', () => {
    const html = fixture('news-jsonld.html')
      .replace(/<script[\s\S]*?<\/script>/gi, '')
      .replace(/<meta[^>]*>/gi, '');
    const doc = parse(html);
    const info = detectArticle(doc, visible);
    expect(info).toMatchObject({
      isArticle: true,
      reason: 'article-element',
      title: 'Drought forces Valencia farmers to rethink the orange harvest',
      siteName: localHost, // no metadata: the document's own host
      lang: 'en-GB',
    });
    expect(info.body[0]).toBe(doc.querySelector('.x9k'));
    for (const furniture of NEWS_FURNITURE) expect(bodyText(info)).not.toContain(furniture);
  });

  test('does not modify the page', () => {
    const doc = parse(fixture('news-jsonld.html'));
    const before = doc.documentElement.outerHTML;
    detectArticle(doc, visible);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

test('Spanish article: title from <h1>, site name from og:site_name, notice and "Lo más visto" left out', () => {
  const doc = parse(fixture('es-article.html'));
  const info = detectArticle(doc, visible);
  expect(info).toMatchObject({
    isArticle: true,
    reason: 'density',
    title: 'El Gobierno aprueba el plan de vivienda para jóvenes tras meses de negociación',
    siteName: 'El País',
    lang: 'es',
  });
  expect(info.body).toEqual([doc.querySelector('.a_c')]);
  expect(info.headline).toBe(doc.querySelector('h1'));
  const text = bodyText(info);
  expect(text).toContain('El Consejo de Ministros aprobó este martes');
  expect(text).toContain('rebajas fiscales para los compradores');
  for (const furniture of ['Internacional', 'Suscríbete a la newsletter', 'Tu suscripción', 'Lo más visto', 'La borrasca', 'Aviso legal']) {
    expect(text).not.toContain(furniture);
  }
});

test('Arabic RTL article split into blocks by ads: the body unites the blocks, not the most-read list', () => {
  const doc = parse(fixture('rtl-article.html'));
  const info = detectArticle(doc, visible);
  expect(info).toMatchObject({
    isArticle: true,
    reason: 'og:article',
    title: 'ارتفاع أسعار القمح يضغط على موازنات الأسر في المنطقة',
    siteName: 'صحيفة المثال',
    lang: 'ar',
  });
  expect(info.body).toEqual([doc.querySelector('.c1')]);
  const text = bodyText(info);
  expect(text).toContain('ارتفعت أسعار القمح'); // first block
  expect(text).toContain('يبقى المستهلك الحلقة الأضعف'); // last block
  expect(text).not.toContain('الأكثر قراءة');
  expect(text).not.toContain('منتخب البلاد');
});

test('Chinese article: characters, not words, are counted; language from content-language', () => {
  const doc = parse(fixture('zh-article.html'));
  const info = detectArticle(doc, visible);
  expect(info).toMatchObject({
    isArticle: true,
    reason: 'density',
    title: '城市更新计划启动 老旧小区将加装电梯',
    siteName: '示例日报',
    lang: 'zh-CN',
  });
  expect(info.body).toEqual([doc.querySelector('.txt')]);
  expect(bodyText(info)).not.toContain('相关新闻');
});

describe('pages that are not articles', () => {
  test('home page of teasers, even inside <main>', () => {
    const info = detectArticle(parse(fixture('home.html')), visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'listing', siteName: 'The Daily Example', lang: 'en' });
    expect(info.title).toBe('News, sport and opinion'); // leading site name stripped
    expect(info.body).toEqual([]);
    expect(info.headline).toBeNull();
  });

  test('product page', () => {
    const info = detectArticle(parse(fixture('product.html')), visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'jsonld:Product', siteName: 'Outdoor Shop' });
    expect(info.body).toEqual([]);
  });

  test('forum thread of short posts', () => {
    const info = detectArticle(parse(fixture('forum.html')), visible);
    expect(info.isArticle).toBe(false);
    expect(['fragmented', 'too-little-text']).toContain(info.reason);
    expect(info.title).toBe('Chain slipping on small cog - Bike Talk Forum');
  });

  test('an empty page', () => {
    const info = detectArticle(parse('<html><head><title>Hi</title></head><body></body></html>'), visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'no-text', title: 'Hi', body: [], headline: null });
  });
});
