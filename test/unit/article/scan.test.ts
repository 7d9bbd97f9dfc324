/** The paragraph scan's fallbacks: misnamed or unclosed furniture, and text written straight into containers. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import { microdataOther } from '../../../lib/article/metadata';
import { scan } from '../../../lib/article/score';
import { bodyText, parse, visible } from './helpers';

const SENTENCE =
  'The council voted on Thursday to extend the tram line to the harbour, a project that has been debated, delayed and redesigned for more than a decade.';
const P = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `<p>${String(i + from)}. ${SENTENCE}</p>`).join('');

describe('scan fallbacks', () => {
  test('an article inside an unclosed <aside> (the parser nests <main> in it) is still read', () => {
    const doc = parse(`<body><aside class="banner"><a href="/x">Announcement</a><main><article id="post">${P(8)}</article></main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toEqual([doc.getElementById('post')]);
  });

  test('an article wrapper with a furniture-like class name is read when nothing else has text', () => {
    const doc = parse(`<body><div class="newsletter-email"><div id="post">${P(8)}</div></div></body>`);
    expect(detectArticle(doc, visible).body).toEqual([doc.getElementById('post')]);
  });

  test('but a real sidebar stays out when the article has text of its own', () => {
    const doc = parse(`<body><div id="post">${P(14)}</div><div class="sidebar">${P(20)}</div></body>`);
    expect(detectArticle(doc, visible).body).toEqual([doc.getElementById('post')]);
  });

  test('but never a comment thread: under a short post, comments holding more text stay out', () => {
    const comment = 'I have taken that tram every morning for years and I cannot believe it took them this long to decide anything.';
    const thread = `<div id="comments" class="comments-area">${Array.from({ length: 20 }, (_, i) => `<div class="comment"><p>${String(i)}: ${comment}</p></div>`).join('')}</div>`;
    const doc = parse(`<body><div id="post">${P(5)}</div>${thread}</body>`);
    const scanned = scan(doc.body, () => true, 20000);
    expect(scanned.paragraphs).toHaveLength(5);
    expect(bodyText(detectArticle(doc, visible))).not.toContain('I have taken that tram');
  });

  test('nor a cookie consent notice, however little else the page says; a post tagged "cookies" is read', () => {
    const notice = 'We and our partners use cookies and similar technologies to store and access information on your device, to measure and improve the site.';
    const consent = `<div id="modal_cookie-consent" class="modal"><div class="modal_content">${Array.from({ length: 8 }, () => `<p>${notice}</p>`).join('')}</div></div>`;
    const doc = parse(`<body><div id="shop"><p>${SENTENCE}</p></div>${consent}</body>`);
    expect(scan(doc.body, () => true, 20000).paragraphs.map((p) => p.el.parentElement?.id)).toEqual(['shop']);
    expect(bodyText(detectArticle(doc, visible))).not.toContain('We and our partners');
    const recipe = parse(`<body><div id="post" class="post-12 post type-post tag-cookies tag-baking">${P(8)}</div></body>`);
    expect(detectArticle(recipe, visible).body).toEqual([recipe.getElementById('post')]);
  });

  test('code is not prose: a wrapper of style sheets and a paragraph holding an ad script add no text', () => {
    const css = Array.from({ length: 40 }, (_, i) => `.teaser-${String(i)} { margin: 0, 4px, 8px; color: #333, #444; }`).join('\n');
    const ad = 'googletag.cmd.push(function () { googletag.display("slot-1", { sizes: [300, 250], lazy: true, refresh: 30 }); });';
    const doc = parse(`<body><div id="injected"><style>${css}</style><style>${css}</style></div><div id="post">${P(3)}<p id="slot"><script>${ad}</script></p></div></body>`);
    const scanned = scan(doc.body, () => true, 20000);
    expect(scanned.paragraphs.map((p) => p.el.parentElement?.id)).toEqual(['post', 'post', 'post']);
    expect(scanned.held.get(doc.getElementById('injected') as Element)).toBeUndefined();
    // Text beside the code still counts, without the code.
    const mixed = parse(`<body><div id="post"><p id="one">${SENTENCE}<script>${ad}</script></p></div></body>`);
    const [one] = scan(mixed.body, () => true, 20000).paragraphs;
    expect(one?.el.id).toBe('one');
    expect(one?.chars).toBe(SENTENCE.length);
  });

  test('text written straight into a container between headings counts as paragraphs', () => {
    const text = Array.from({ length: 6 }, (_, i) => `<h2>Section ${String(i + 1)}</h2>${SENTENCE} ${SENTENCE}<br>`).join('');
    const doc = parse(`<body><div id="post">${text}</div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body).toEqual([doc.getElementById('post')]);
  });

  test('sibling blocks of one text are united under their parent', () => {
    const doc = parse(`<body><article id="post"><div>${P(3)}</div><div>${P(3, 4)}</div></article></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.getElementById('post')]);
    expect(bodyText(info)).toContain('6. The council');
  });
});

describe('pages that declare another kind', () => {
  test('microdata of a forum, Q&A or shop page is found anywhere on the page', () => {
    expect(microdataOther(parse('<body><div itemscope itemtype="https://schema.org/QAPage"></div></body>'))).toBe('QAPage');
    expect(microdataOther(parse('<body><div itemscope itemtype="http://schema.org/Comment"></div></body>'))).toBe('Comment');
    expect(microdataOther(parse('<body><div itemscope itemtype="https://schema.org/NewsArticle"></div></body>'))).toBe('');
  });

  test('a forum thread with og:type article is not an article; a schema.org article type wins', () => {
    const thread = `<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><div id="post">${P(8)}</div></div>`;
    const og = '<meta property="og:type" content="article">';
    expect(detectArticle(parse(`<head>${og}</head><body>${thread}</body>`), visible)).toMatchObject({ isArticle: false, reason: 'microdata:DiscussionForumPosting' });
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tram"}</script>';
    expect(detectArticle(parse(`<head>${ld}</head><body>${thread}</body>`), visible).isArticle).toBe(true);
  });
});
