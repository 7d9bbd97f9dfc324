/** Which live element is returned as the body, on small hand-made pages. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import type { Evidence } from '../../../lib/article/decide';
import { bodyText, parse, visible } from './helpers';

const P = (n: number, tag = 'Article') =>
  Array.from({ length: n }, (_, i) => `<p>${tag} paragraph ${String(i + 1)}: the minister said on Monday that the plan, which has been delayed twice, would go ahead in the spring, despite protests from local councils.</p>`).join('');

describe('body choice', () => {
  test('an <article> with a trailing list and notice yields the tight paragraph wrapper', () => {
    const doc = parse(`<body><article><h1>Title here</h1>
      <div><div id="text">${P(6)}</div></div>
      <div><p>Your subscription is being used on another device, so reading here will stop it there.</p></div>
      <ol><li><a href="/1">A most viewed story with a long headline link</a></li><li><a href="/2">Another most viewed story headline</a></li></ol>
    </article></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.getElementById('text')]);
    expect(info.headline?.textContent).toBe('Title here');
    expect(bodyText(info)).not.toContain('subscription');
  });

  test('text split into blocks by ads: the common parent', () => {
    const doc = parse(`<body><div id="story">
      <div>${P(3)}</div><div class="ad-slot"><a href="/x">Advertisement</a></div>
      <div>${P(3)}</div><div class="ad-slot"><a href="/x">Advertisement</a></div>
      <div>${P(3)}</div></div></body>`);
    expect(detectArticle(doc, visible).body).toEqual([doc.getElementById('story')]);
  });

  test('paragraphs each wrapped in their own div still read as one text', () => {
    const wrapped = P(6).replace(/<p>/g, '<div class="para"><p>').replace(/<\/p>/g, '</p><span></span></div>');
    const doc = parse(`<body><div id="story">${wrapped}</div></body>`);
    const info = detectArticle(doc, visible);
    expect(info).toMatchObject({ isArticle: true, reason: 'density' });
    expect(info.body).toEqual([doc.getElementById('story')]);
  });

  test('a longer comments section is not chosen (class names)', () => {
    const doc = parse(`<body><div id="story">${P(5)}</div><div class="comments">${P(12, 'Comment')}</div></body>`);
    expect(detectArticle(doc, visible).body).toEqual([doc.getElementById('story')]);
  });

  test("a guide's long intro does not shut out the sections after it: the container nearly as dense, with twice the text", () => {
    // pcmag-style "best of" guide: the intro's wrapper takes every one of its paragraphs' points
    // and outscores the <article>, which gets only a share of each section's; Readability's climb
    // (a parent scoring *higher*) never reaches it, and an intro this long is not joined with siblings.
    const sections = Array.from({ length: 6 }, (_, i) => `<section><h2>Pick ${String(i + 1)}</h2><div class="pick">${P(2, `Pick ${String(i + 1)}`)}</div></section>`).join('');
    const doc = parse(`<body><article id="guide"><h1>The best mice</h1><div id="intro">${P(8, 'Intro')}</div>${sections}</article>
      <aside><p>Sign up for our newsletter, which is sent every week, with the best deals, tips and reviews.</p></aside></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.getElementById('guide')]);
    expect(bodyText(info)).toContain('Pick 6 paragraph 2');
  });

  test('a container holding twice the text but scoring far below the body stays out', () => {
    // The other text sits deeper, so the container gets little of its score: a page of its own.
    const doc = parse(`<body><div id="page"><div id="story">${P(8)}</div>${Array.from({ length: 2 }, () => `<section><div><div>${P(4, 'Other')}</div></div></section>`).join('')}</div></body>`);
    expect(detectArticle(doc, visible).body).toEqual([doc.getElementById('story')]);
  });

  test('invisible blocks are not chosen (injected visibility)', () => {
    const doc = parse(`<body><div id="hidden">${P(12, 'Hidden')}</div><div id="story">${P(5)}</div></body>`);
    const hidden = doc.getElementById('hidden');
    const info = detectArticle(doc, { isVisible: (el) => !hidden?.contains(el) });
    expect(info.body).toEqual([doc.getElementById('story')]);
  });

  test('link-heavy "paragraphs" do not count as text', () => {
    const links = Array.from({ length: 20 }, (_, i) => `<p><a href="/${String(i)}">A teaser headline that is long enough to pass as a paragraph of text ${String(i)}</a></p>`).join('');
    expect(detectArticle(parse(`<body><div>${links}</div></body>`), visible)).toMatchObject({ isArticle: false, reason: 'no-text' });
  });

  test('a single short item is not an article', () => {
    expect(detectArticle(parse(`<body><div>${P(2)}</div></body>`), visible)).toMatchObject({ isArticle: false, reason: 'too-little-text' });
  });

  test('steps each in a wrapper named "content": their common container, as Readability', () => {
    // eHow-style how-to: every step's wrapper earns the "content" class bonus, so each one alone
    // outscores the container of all the steps.
    const step = (i: number) => `<div class="step"><div class="stepContent"><div class="content"><span>Step ${String(i)}</span>${P(1, `Step ${String(i)}`)}</div></div></div>`;
    const doc = parse(`<body><div id="main"><h1>How to build a terrarium</h1>${[1, 2, 3, 4, 5, 6].map(step).join('')}</div>
      <div class="sidebar"><p>Other people are reading a guide to growing succulents on a sunny windowsill at home.</p></div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.getElementById('main')]);
    expect(bodyText(info)).toContain('Step 6 paragraph');
  });

  test('a lone paragraph in a box named "content" does not beat the text a page builder nests deep', () => {
    // An FAQ accordion's open panel: one long paragraph with the +25 "content" class bonus. The
    // article's paragraphs sit in widget wrappers, so each gives the container of all of them a
    // sixth of its score. Readability's retry without class weights finds the text.
    const faq = `<div class="faq"><div class="accordion-content"><p>${'Yes. The rules vary by state and by employer and by year. '.repeat(5)}</p></div></div>`;
    const widget = (i: number) => `<div class="widget"><div class="widget-container">${P(1, `Widget ${String(i)}`)}</div></div>`;
    const doc = parse(`<body><section id="builder"><div class="row"><div class="column"><div id="c1" class="wrap">${Array.from({ length: 12 }, (_, i) => widget(i + 1)).join('')}</div></div></div></section>${faq}</body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toEqual([doc.getElementById('c1')]);
    expect(bodyText(info)).toContain('Widget 12 paragraph');
    expect(bodyText(info)).not.toContain('by employer');
  });

  test('a "latest news" grid of teasers whose class names say "post" does not beat the text they say "widget" of', () => {
    // An Elementor post: the text in one widget wrapper (-25 for "widget"), and beside it a grid
    // of teasers, each a linked title and an excerpt in a box named "post" (+25). The excerpts
    // outscore the text; the grid is then picked again without class weights, as Readability
    // does for a short pick, and the text wins.
    const excerpt = (i: number) => `<p>Excerpt ${String(i)}: when the agency denies a claim it can feel like a dead end, but there are remedies, deadlines and appeals, and a lawyer who knows them, from the first review to the hearing before a judge, can help.</p>`;
    const card = (i: number) =>
      `<article class="post-card"><div class="post__text"><h3><a href="/blog/story-${String(i)}">Story ${String(i)} headline</a></h3><div class="post__excerpt">${excerpt(i)}</div><a href="/blog/story-${String(i)}">Read more</a></div></article>`;
    const doc = parse(`<body><div class="single"><div class="main-col"><h1>Legal issues after an injury at a gym</h1>
      <div class="widget"><div id="text" class="widget-container">${P(4)}</div></div></div>
      <div class="side-col"><h2>Latest news</h2><div class="posts-grid">${[1, 2, 3, 4].map(card).join('')}</div></div></div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toEqual([doc.getElementById('text')]);
    expect(bodyText(info)).not.toContain('Excerpt 1');
  });

  test('a page that is only a grid of teasers keeps the grid as its body, and is a listing', () => {
    const excerpt = (i: number) => `<p>Excerpt ${String(i)}: when the agency denies a claim it can feel like a dead end, but there are remedies, deadlines and appeals, and a lawyer who knows them can help.</p>`;
    const card = (i: number) => `<article class="post-card"><h3><a href="/blog/story-${String(i)}">Story ${String(i)} headline</a></h3><div class="post__excerpt">${excerpt(i)}</div></article>`;
    const doc = parse(`<body><h1>Blog</h1><div id="grid">${[1, 2, 3, 4, 5, 6].map(card).join('')}</div><footer><p>Call us today for a free review of your case: our office is open every day of the week.</p></footer></body>`);
    let evidence: Evidence | null = null;
    const info = detectArticle(doc, { ...visible, onEvidence: (e) => (evidence = e) });
    expect(info.isArticle).toBe(false);
    expect((evidence as Evidence | null)?.body?.runs).toBe(6);
  });

  test('a post written as bullet points: the list text counts, a menu of links does not', () => {
    const item = (i: number) => `<li>We have just landed <a href="/bug/${String(i)}">Bug ${String(i)}</a>, which stops an update from starting while another copy of the browser is still running, so fewer people see the restart page.</li>`;
    const menu = `<ul class="menu">${Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${String(i)}">Section ${String(i)}</a></li>`).join('')}</ul>`;
    const doc = parse(`<body>${menu}<article><h1>These weeks in the browser</h1><div id="post"><h3>Highlights</h3><ul>${[1, 2, 3, 4].map(item).join('')}</ul><h3>Fixes</h3><ul>${[5, 6, 7, 8].map(item).join('')}</ul></div></article></body>`);
    const info = detectArticle(doc, visible);
    expect(info).toMatchObject({ isArticle: true });
    expect(info.body).toEqual([doc.getElementById('post')]);
    expect(bodyText(info)).not.toContain('Section 3');
  });
});

describe('text widgets of a page builder', () => {
  // Squarespace's shape: each text block in its own wrapper chain, image rows between them.
  const block = (inner: string) => `<div class="sqs-block html-block"><div class="sqs-block-content"><div class="sqs-html-content">${inner}</div></div></div>`;
  const image = '<div class="sqs-block image-block"><div class="sqs-block-content"><img alt=""></div></div>';
  const notice = `<div class="newsletter-box"><p>${'Sign up for the weekly letter: the best of our reporting, every Friday, free. '.repeat(2)}</p><p>${'We never share your address with anyone, and you can leave at any time. '.repeat(2)}</p></div>`;
  const related = block(`<p>${Array.from({ length: 6 }, (_, i) => `<a href="/s${String(i)}">A related story with a rather long headline number ${String(i)}</a>`).join(' ')}</p>`);

  test('blocks of the same kind beside the body join it, in page order; other kinds and link rows do not', () => {
    const doc = parse(`<body><main><h1>A long read</h1><div class="page">
      ${block(P(2, 'Opening'))}${image}${block(P(5, 'Middle'))}${image}${block(P(2, 'Closing'))}${related}${notice}
    </div></main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toHaveLength(3);
    expect(info.prose).toEqual(info.body);
    const text = bodyText(info);
    expect(text.indexOf('Opening paragraph 1')).toBeLessThan(text.indexOf('Middle paragraph 1'));
    expect(text.indexOf('Middle paragraph 5')).toBeLessThan(text.indexOf('Closing paragraph 2'));
    expect(text).not.toContain('related story');
    expect(text).not.toContain('Sign up');
  });

  test("Elementor's numbered sections, a heading widget beside each text: the text sections join, a form section does not", () => {
    // section.elementor-element-<id> > container > column > widget-wrap > [heading widget, text widget]
    let id = 0x4866f849;
    const section = (inner: string) =>
      `<section class="elementor-section elementor-top-section elementor-element elementor-element-${(id++).toString(16)}"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap">${inner}</div></div></div></section>`;
    const text = (n: number, label: string) =>
      `<div class="elementor-widget elementor-widget-heading"><h2>${label}</h2></div><div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">${P(n, label)}</div></div>`;
    const form = `<div class="elementor-widget elementor-widget-form newsletter-signup"><div class="elementor-widget-container">${P(2, 'Sign up')}</div></div>`;
    const doc = parse(`<body><main><h1>Language apps compared</h1><div class="elementor elementor-4163">
      ${section(text(3, 'Opening'))}${section(text(6, 'Middle'))}${section(text(3, 'Closing'))}${section(form)}
    </div></main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toHaveLength(3);
    const all = bodyText(info);
    for (const label of ['Opening paragraph 3', 'Middle paragraph 6', 'Closing paragraph 3']) expect(all).toContain(label);
    expect(all).not.toContain('Sign up');
  });

  test('a short line beside the text widget in its section (a call to action) does not stop the sections joining', () => {
    let id = 0x120732;
    const section = (inner: string) =>
      `<section class="elementor-section elementor-top-section elementor-element elementor-element-${(id++).toString(16)}"><div class="elementor-container"><div class="elementor-column"><div class="elementor-widget-wrap">${inner}</div></div></div></section>`;
    const text = (n: number, label: string) => `<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">${P(n, label)}</div></div>`;
    const cta = '<div class="elementor-widget elementor-widget-button"><div class="elementor-widget-container"><p>Book a free call with one of our planners today.</p></div></div>';
    const doc = parse(`<body><main><h1>Money tips</h1><div class="elementor elementor-120732">
      ${section(text(2, 'Opening'))}${section(text(5, 'Middle') + cta)}${section(text(2, 'Closing'))}
    </div></main></body>`);
    const all = bodyText(detectArticle(doc, visible));
    for (const label of ['Opening paragraph 2', 'Middle paragraph 5', 'Closing paragraph 2']) expect(all).toContain(label);
  });

  test("panels sharing only a CSS module's hashed class are one kind; a block with another class is not", () => {
    const panel = (id: string, n: number) => `<div id="${id}-panel" class="fa265be5"><h2>${id}</h2>${P(n, id)}</div>`;
    const doc = parse(`<body><main><h1>The best earbuds</h1><div class="review">
      ${panel('Verdict', 2)}${panel('Picks', 10)}${panel('Competition', 2)}<div class="c0ffee1">${P(2, 'Other')}</div>
    </div></main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toHaveLength(3);
    expect(bodyText(info)).not.toContain('Other paragraph');
  });

  test('blocks without class names, told apart only by their ids, are not one kind', () => {
    // Yahoo's old layout: the story a few wrappers deep in one id'd block, other paragraphs in the next.
    const doc = parse(`<body><div id="frame"><div id="upper"><div class="mainBox"><div class="article">
      <div id="story">${P(10, 'Story')}</div></div></div></div><div id="lower">${P(2, 'Footer')}</div></div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toHaveLength(1);
    expect(bodyText(info)).not.toContain('Footer paragraph');
  });

  test('the next story on an endless page is not part of the body', () => {
    const story = (label: string, n: number) => `<article class="story"><h1>${label} headline</h1><div class="story-body">${P(n, label)}</div></article>`;
    const doc = parse(`<body><main>${story('First', 8)}${story('Next', 3)}</main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toHaveLength(1);
    expect(bodyText(info)).not.toContain('Next paragraph');
  });

  test('a notice of another kind after the body stays out even when it holds paragraphs', () => {
    const doc = parse(`<body><article><h1>Title here</h1><div class="page"><div class="story">${P(6)}</div>${notice}</div></article></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.querySelector('.story')]);
  });
});
