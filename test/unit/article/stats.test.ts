/** Body measures (stats.ts): what counts as a teaser headline. */
import { describe, expect, test } from 'vitest';
import { scan } from '../../../lib/article/score';
import { bodyStats } from '../../../lib/article/stats';
import { parse } from './helpers';

const SENTENCE =
  'The council voted on Thursday to extend the tram line to the harbour, a project that has been debated, delayed and redesigned for more than a decade.';

/** Four headed blocks of two paragraphs; `heading(i)` is each heading's inner HTML. */
function page(heading: (i: number) => string, extra = ''): { body: Element; doc: Document } {
  const blocks = Array.from({ length: 4 }, (_, i) => `<div class="block"><h3>${heading(i)}</h3><p>${SENTENCE}</p><p>${SENTENCE}</p></div>`).join('');
  const doc = parse(`<body><div id="body">${extra}${blocks}</div></body>`);
  return { body: doc.getElementById('body') as Element, doc };
}

const statsOf = ({ body, doc }: { body: Element; doc: Document }) => bodyStats(body, scan(doc.body, () => true, 20000));

describe('teaser headlines', () => {
  test('a heading linking to another page is a teaser headline', () => {
    expect(statsOf(page((i) => `<a href="/news/story-${String(i)}">Story number ${String(i)}</a>`))).toMatchObject({ headlines: 4, teasers: 4 });
  });

  test('links to a place on the same page are not teasers: permalinks, back-links, a table of contents', () => {
    // Sphinx and GitHub-style Markdown: a back-link to the contents and a pilcrow permalink.
    const sphinx = page((i) => `<a href="#toc-${String(i)}">Section ${String(i)}</a><a class="headerlink" href="#s-${String(i)}">¶</a>`);
    expect(statsOf(sphinx)).toMatchObject({ headlines: 4, teasers: 0 });
    const contents = `<ul class="toc">${Array.from({ length: 4 }, (_, i) => `<li><a href="#s-${String(i)}">Jump to the section about part ${String(i)}</a></li>`).join('')}</ul>`;
    expect(statsOf(page((i) => `Section ${String(i)}`, contents))).toMatchObject({ headlines: 4, teasers: 0 });
  });
});
