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

describe('title without metadata', () => {
  const page = (title: string, h1: string, head = '') =>
    parse(`<html><head><title>${title}</title>${head}</head><body><div id="s"><h1>${h1}</h1>${'<p>The council met on Tuesday to discuss the budget for the coming year, and several members raised questions about the water supply.</p>'.repeat(5)}</div></body></html>`);

  test('an <h1> that <title> names is the title, without the site suffix', () => {
    expect(detectArticle(page('Drought forces farmers to rethink the harvest | The Courier', 'Drought forces farmers to rethink the harvest'), visible).title)
      .toBe('Drought forces farmers to rethink the harvest');
  });

  test('an <h1> that <title> does not name (a placeholder, a section name) yields to <title>', () => {
    expect(detectArticle(page('Babies who eat peanuts early may avoid allergy', 'Allergies Health Center'), visible).title)
      .toBe('Babies who eat peanuts early may avoid allergy');
  });

  test('a printed headline beside a different search-engine <title> stays the title', () => {
    expect(detectArticle(page('Which social media certification is best? 2026 guide', 'Social media marketing certifications and what they are worth'), visible).title)
      .toBe('Social media marketing certifications and what they are worth');
  });

  test("an <h1> holding the site's name yields to <title>", () => {
    const head = '<meta property="og:site_name" content="Archive of Our Own">';
    expect(detectArticle(page('Conversations with a Cryptid - Chapter 1 - Archive of Our Own', 'Archive of Our Own beta', head), visible).title)
      .toBe('Conversations with a Cryptid - Chapter 1');
  });

  test("JSON-LD: of headline and name, the one <title> agrees with (Wikipedia's headline is a description)", () => {
    const ld = '<script type="application/ld+json">{"@type":"Article","name":"Hermitian matrix","headline":"matrix equal to its conjugate-transpose"}</script>';
    expect(detectArticle(page('Hermitian matrix - Wikipedia', 'Hermitian matrix', ld), visible).title).toBe('Hermitian matrix');
  });
});

test('a hidden dropdown menu full of links does not make a guide "link-heavy"', () => {
  const menu = `<nav><ul id="menu">${Array.from({ length: 320 }, (_, i) => `<li><a href="/s/${String(i)}">Service ${String(i)}</a></li>`).join('')}</ul></nav>`;
  const text = '<p>Replacing a circuit breaker in the panel usually takes under an hour, and the price includes the breaker, the labour and a check of the other circuits on the same panel.</p>'.repeat(6);
  const doc = parse(`<html><head><meta property="og:type" content="article"></head><body>${menu}<main><h1>Pricing guide</h1><div id="s">${text}</div></main></body></html>`);
  const folded = doc.getElementById('menu');
  expect(detectArticle(doc, { isVisible: (el) => !folded?.contains(el) })).toMatchObject({ isArticle: true, reason: 'og:article' });
  expect(detectArticle(doc, visible)).toMatchObject({ isArticle: false, reason: 'link-heavy' });
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

  test('a page declaring another type and no article is decided without reading its text', () => {
    const looked: Element[] = [];
    const isVisible = (el: Element) => (looked.push(el), true);
    expect(detectArticle(parse(fixture('product.html')), { isVisible })).toMatchObject({ isArticle: false, reason: 'jsonld:Product' });
    expect(looked.length).toBeLessThanOrEqual(1); // at most <body> itself, never a paragraph
    // A review that marks up its product but is itself a microdata article is read as usual.
    const review = fixture('product.html').replace('<article class="product">', '<article class="product" itemscope itemtype="https://schema.org/Review https://schema.org/Article">');
    looked.length = 0;
    detectArticle(parse(review), { isVisible });
    expect(looked.length).toBeGreaterThan(1);
  });

  test('forum thread of short posts', () => {
    const info = detectArticle(parse(fixture('forum.html')), visible);
    expect(info.isArticle).toBe(false);
    expect(['fragmented', 'too-little-text']).toContain(info.reason);
    expect(info.title).toBe('Chain slipping on small cog - Bike Talk Forum');
  });

  test('forum posts headed by short user names are separate blocks, not one text', () => {
    const post = (user: string, text: string) => `<div class="post"><h3>${user}</h3><p>${text}</p><a href="#r">Reply</a></div>`;
    const posts = Array.from({ length: 12 }, (_, i) => post(`user_${String(i)}`, `Does anyone know when the ferry timetable changes this spring? Reply number ${String(i)} here.`));
    const info = detectArticle(parse(`<html><head><title>Ferry timetable from Monday? - Forum</title></head><body><main><h1>Ferry timetable from Monday?</h1>${posts.join('')}</main></body></html>`), visible);
    expect(info.isArticle).toBe(false);
  });

  test('documentation: a reference page with code in every paragraph; the same text signed is a blog post', () => {
    const section = (i: number) =>
      `<h2 id="s${String(i)}">Option ${String(i)}</h2><p>Pass <code>retries=${String(i)}</code> to <code>connect()</code> when the server is slow to answer; ` +
      `the client then waits <code>backoff * 2</code> seconds between attempts, as described under <code>Session</code>.</p>` +
      `<pre><code>client.connect(retries=${String(i)})</code></pre>`;
    const page = (credits: string) =>
      `<html><head><title>Connection options - Client 2.1 documentation</title></head><body>` +
      `<nav class="sidebar"><a href="/a">Install</a><a href="/b">Options</a></nav>` +
      `<main><h1>Connection options</h1>${credits}<div class="doc-body">${Array.from({ length: 8 }, (_, i) => section(i)).join('')}</div></main></body></html>`;
    // A reference site's footer dates the last edit: that credits nobody.
    const docs = detectArticle(parse(page('').replace('</div></main>', '</div><footer>Last modified on <time datetime="2025-08-20">Aug 20, 2025</time></footer></main>')), visible);
    expect(docs).toMatchObject({ isArticle: false, reason: 'documentation', body: [], byline: '', published: '' });
    expect(docs.prose).toHaveLength(1); // prose a reader reads: overlays over it are still hidden
    const post = detectArticle(parse(page('<p class="byline">By Ana Ruiz</p><time datetime="2025-05-02">2 May 2025</time>')), visible);
    expect(post).toMatchObject({ isArticle: true, byline: 'By Ana Ruiz', published: '2025-05-02' });
  });

  test('a roundup shaped like a listing is an article when metadata, a byline and a date all say so', () => {
    const item = (i: number) =>
      `<div class="pick"><h2>${String(i)}. Harbour Lights</h2><img src="/g${String(i)}.jpg" alt=""><p>Game ${String(i)} plays in forty minutes, teaches in five, and still rewards a careful player on the tenth evening, which is why it tops so many tables this winter.</p><a class="shop" href="/buy/${String(i)}">Buy</a></div>`;
    const page = (credits: string) =>
      `<html><head><title>The best board games of the year</title><meta property="og:type" content="article"></head><body>` +
      `<main><h1>The best board games of the year</h1>${credits}<div id="picks">${Array.from({ length: 8 }, (_, i) => item(i + 1)).join('')}</div></main></body></html>`;
    expect(detectArticle(parse(page('')), visible).reason).toBe('listing');
    const signed = detectArticle(parse(page('<p class="byline">By Ana Ruiz</p><time datetime="2025-12-16">16 December 2025</time>')), visible);
    expect(signed).toMatchObject({ isArticle: true, byline: 'By Ana Ruiz', published: '2025-12-16' });
  });

  test("page kinds by address: a guide whose canonical address is a docs site's, though it says og:type article", () => {
    const text = Array.from({ length: 6 }, (_, i) => `<p>Step ${String(i + 1)}: a volume keeps its data when the container that wrote it is removed, so a database can be upgraded, restarted or moved without losing a row.</p>`).join('');
    const page = (canonical: string, head = '') =>
      `<html><head><title>Get started with volumes</title><link rel="canonical" href="${canonical}">` +
      `<meta property="og:type" content="article">${head}</head><body><main><h1>Get started with volumes</h1>${text}</main></body></html>`;
    const docs = detectArticle(parse(page('https://docs.example.com/storage/volumes/')), visible);
    expect(docs).toMatchObject({ isArticle: false, reason: 'documentation', body: [] });
    expect(docs.prose).toHaveLength(1);
    expect(detectArticle(parse(page('https://example.com/es/docs/almacenamiento/')), visible).reason).toBe('documentation');
    // The same page elsewhere, or a path that only mentions docs, is an article.
    expect(detectArticle(parse(page('https://example.com/2025/05/volumes/')), visible).isArticle).toBe(true);
    expect(detectArticle(parse(page('https://example.com/blog/how-we-write-docs')), visible).isArticle).toBe(true);
    expect(detectArticle(parse(page('/docs/storage/volumes/')), visible).reason).toBe('documentation'); // relative
    // Forum and shop software name their pages too.
    expect(detectArticle(parse(page('https://forum.example.org/viewtopic.php?t=425337')), visible).reason).toBe('forum');
    expect(detectArticle(parse(page('https://example.org/community/threads/volumes.3859/')), visible).reason).toBe('forum');
    expect(detectArticle(parse(page('https://example.de/products/volume-kit')), visible).reason).toBe('shop');
    expect(detectArticle(parse(page('https://example.de/products/volume-kit', '<script type="application/ld+json">{"@type":"BlogPosting"}</script>')), visible).isArticle).toBe(true);
  });

  test("a company's services page: a short text among many buttons, nobody credited; its prose still readable", () => {
    const info = detectArticle(parse(fixture('service.html')), visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'uncredited', body: [], headline: null, lang: 'de' });
    expect(info.prose).toHaveLength(1); // overlays over its text are hidden as over an article's
    // The same text dated is a (short) article.
    const dated = fixture('service.html').replace('<h1>Unsere Leistungen</h1>', '<h1>Unsere Leistungen</h1><time datetime="2025-03-02">2. März 2025</time>');
    expect(detectArticle(parse(dated), visible)).toMatchObject({ isArticle: true, published: '2025-03-02' });
  });

  test('an empty page', () => {
    const info = detectArticle(parse('<html><head><title>Hi</title></head><body></body></html>'), visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'no-text', title: 'Hi', body: [], headline: null });
  });
});
