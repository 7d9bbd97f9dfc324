/** The body without the furniture it wraps (lib/article/trim.ts), through detectArticle. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import { bodyText, parse, visible } from './helpers';

const SENTENCE =
  'The council voted on Thursday to extend the tram line to the harbour, a project that has been debated, delayed and redesigned for more than a decade.';
const P = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `<p>${String(i + from)}. ${SENTENCE}</p>`).join('');
const COMMENT = 'I have taken that tram every morning for years and I cannot believe it took them this long to decide anything at all.';
const COMMENTS = `<div id="comments" class="comments-area"><h3>12 comments</h3>${Array.from({ length: 12 }, (_, i) => `<div class="comment"><p>${String(i)}: ${COMMENT}</p></div>`).join('')}</div>`;

describe('trimming the body', () => {
  test("a post area's comments are cut out: the body is the parts around them, in order", () => {
    const doc = parse(`<body><div class="postarea" id="area"><h1 id="h">Tram line to the harbour</h1>${P(8)}${COMMENTS}<div class="postmeta" id="meta">Filed under Transport and city council news.</div></div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body.map((el) => el.id || el.localName)).toEqual(['h', ...Array<string>(8).fill('p'), 'meta']);
    expect(bodyText(info)).toContain('8. The council voted');
    expect(bodyText(info)).not.toContain('I have taken that tram');
  });

  test('the split goes only as deep as the path to what is cut', () => {
    const doc = parse(`<body><main id="main"><div id="inner"><div id="entry">${P(8)}</div>${COMMENTS}</div><div id="after">${P(2, 9)}</div></main></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body.map((el) => el.id)).toEqual(['entry', 'after']);
  });

  test('a sign-up form inside the body is cut out; a small share bar is left in place', () => {
    const form = '<form id="signup"><p>Get the morning briefing: the day\'s transport, planning and council news in your inbox.</p><input type="email"><button>Sign up</button></form>';
    const doc = parse(`<body><div id="post"><div id="a">${P(5)}</div>${form}<div class="share" id="share">Share: X · Facebook</div><div id="b">${P(4, 6)}</div></div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body.map((el) => el.id)).toEqual(['a', 'share', 'b']);
  });

  test("an article's own <aside> callout and <footer> stay; scripts and hidden blocks are no part of it", () => {
    const aside = `<aside id="box"><p>Tram lines in numbers: the network has grown by a third since the first line opened, and carries forty thousand riders a day.</p></aside>`;
    const doc = parse(`<body><div id="post"><h1 id="h">Tram line to the harbour</h1>${P(6)}${aside}<script>var tracking = "a script's text is not the article's";</script><div id="gone" hidden>Old version of this story, hidden.</div>${P(2, 7)}<footer id="tags">Tags: transport, harbour</footer>${COMMENTS}</div></body>`);
    const info = detectArticle(doc, { isVisible: (el) => !el.hasAttribute('hidden') });
    const ids = info.body.map((el) => el.id || el.localName);
    expect(ids).toEqual(['h', ...Array<string>(6).fill('p'), 'box', 'p', 'p', 'tags']);
    expect(bodyText(info)).not.toContain('tracking');
  });

  test('text written straight into an element that would have to be split keeps the body whole', () => {
    const doc = parse(`<body><div id="post">${SENTENCE} ${SENTENCE}${P(8)}${COMMENTS}</div></body>`);
    const info = detectArticle(doc, visible);
    expect(info.body).toEqual([doc.getElementById('post')]);
  });

  test('a body with no furniture, or furniture the scan counted as text, stays whole', () => {
    const plain = parse(`<body><article id="post">${P(8)}</article></body>`);
    expect(detectArticle(plain, visible).body).toEqual([plain.getElementById('post')]);
    // A misnamed wrapper read by the scan's fallback (its paragraphs counted) is not cut.
    const misnamed = parse(`<body><div id="post"><div class="newsletter-email">${P(8)}</div></div></body>`);
    const info = detectArticle(misnamed, visible);
    expect(bodyText(info)).toContain('8. The council voted');
  });

  test("a table of contents is cut out; a list of links to other pages (further reading) stays", () => {
    const toc = `<div class="toc" id="toc-box"><p id="toc-title">Contents</p><ol id="toc">${Array.from({ length: 6 }, (_, i) => `<li><a href="#s${String(i)}">Section ${String(i)}: what the council decided</a><ul><li><a href="#s${String(i)}b">Sub-section ${String(i)}</a></li></ul></li>`).join('')}</ol></div>`;
    const reading = `<ul id="reading">${Array.from({ length: 4 }, (_, i) => `<li><a href="/tram-${String(i)}">Tram fares will rise in January, part ${String(i)}</a></li>`).join('')}</ul>`;
    const doc = parse(`<body><div id="post"><h1 id="h">Tram line to the harbour</h1>${toc}${P(4)}${reading}${P(4, 5)}</div></body>`);
    const info = detectArticle(doc, visible);
    // The box is split along the path to its list: its title stays, a line of no consequence.
    expect(info.body.map((el) => el.id || el.localName)).toEqual(['h', 'toc-title', ...Array<string>(4).fill('p'), 'reading', ...Array<string>(4).fill('p')]);
    expect(bodyText(info)).not.toContain('what the council decided');
    expect(bodyText(info)).toContain('Tram fares will rise');
  });
});
