/** Byline and publication time: what the page declares first, then what it shows by the article. */
import { describe, expect, test } from 'vitest';
import { creditsOf } from '../../../lib/article/credits';
import { detectArticle } from '../../../lib/article';
import { readJsonLd } from '../../../lib/article/jsonld';
import { readMeta } from '../../../lib/article/metadata';
import { fixture, parse, visible } from './helpers';

/** creditsOf on a page: its metas and JSON-LD, looking for shown credits in `scope` (default <main>). */
function credits(head: string, body: string, scope = 'main') {
  const doc = parse(`<html><head>${head}</head><body>${body}</body></html>`);
  const ld = readJsonLd(doc.getElementsByTagName('script'));
  return creditsOf(readMeta(doc), ld, [...doc.querySelectorAll(scope)]);
}

const ldScript = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('creditsOf', () => {
  test('JSON-LD author (string, person, list, @id reference) and datePublished come first', () => {
    const shown = '<main><p class="byline">By Someone Else</p><time datetime="2020-01-01">1 Jan</time></main>';
    expect(credits(ldScript('{"@type":"NewsArticle","author":{"@type":"Person","name":"Elena Reina"},"datePublished":"2025-11-20T05:40:00+01:00"}'), shown))
      .toEqual({ byline: 'Elena Reina', published: '2025-11-20T05:40:00+01:00' });
    expect(credits(ldScript('{"@type":"Article","author":["Ana Ruiz",{"name":"Lucía Ferrer"},"Ana Ruiz"]}'), '').byline).toBe('Ana Ruiz, Lucía Ferrer');
    const graph = '{"@graph":[{"@id":"#p","@type":"Person","name":"Ref Name"},{"@type":"BlogPosting","author":{"@id":"#p"}}]}';
    expect(credits(ldScript(graph), '').byline).toBe('Ref Name');
    // A profile URL is not a name.
    expect(credits(ldScript('{"@type":"Article","author":"https://example.test/staff/ana"}'), '<main><span class="author">Ana</span></main>').byline).toBe('Ana');
  });

  test('Dublin Core, author and Parse.ly metas; several RDFa properties in one attribute', () => {
    expect(credits('<meta name="author" content="Plain Author"><meta name="DC.creator" content="Dublin Core">', '').byline).toBe('Dublin Core');
    expect(credits('<meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="Other">', '').byline).toBe('Creator Name');
    expect(credits('<meta name="parsely-author" content="Parsely Name">', '').byline).toBe('Parsely Name');
    expect(credits('<meta property="article:published_time" content="2024-03-12T08:00:00Z">', '').published).toBe('2024-03-12T08:00:00Z');
  });

  test('a byline shown by the article: rel/itemprop author, byline and author class names, its name part', () => {
    expect(credits('', '<main><a rel="author" href="/a">Jeffrey Gettleman</a></main>').byline).toBe('Jeffrey Gettleman');
    expect(credits('', '<main><div class="pb-byline">By  Erin\n Cunningham</div></main>').byline).toBe('By Erin Cunningham');
    expect(credits('', '<main><div itemprop="author"><img alt=""><span itemprop="name">Gina Roberts-Grey</span> Contributor</div></main>').byline).toBe('Gina Roberts-Grey');
    expect(credits('', '<main><p class="post-author">Por Elena Reina</p></main>').byline).toBe('Por Elena Reina');
  });

  test("a byline that says more than a name gives its name part or author link; separate elements don't run together", () => {
    expect(credits('', '<main><div class="byline">By <a href="/people/ana-ruiz">Ana Ruiz</a> · Published on 3 May 2025, 09:00</div></main>').byline).toBe('Ana Ruiz');
    expect(credits('', '<main><div class="byline">Written by<span>Ana Ruiz</span></div></main>').byline).toBe('Written by Ana Ruiz');
    expect(credits('', '<main><p class="byline">By <a href="/a">Ana Ruiz</a>, <a href="/b">Lucía Ferrer</a></p></main>').byline).toBe('By Ana Ruiz, Lucía Ferrer');
    expect(credits('', '<main><div class="author-box"><a href="/authors/ana">Ana Ruiz</a> writes about water and farming in the east of Spain</div></main>').byline).toBe('Ana Ruiz');
  });

  test('bios, handles and bylines outside the scope are not bylines; profile-URL metas are skipped', () => {
    const bio = `<div class="author-bio">${'A long paragraph about the writer and her books. '.repeat(4)}</div>`;
    expect(credits('', `<main>${bio}</main>`).byline).toBe('');
    expect(credits('', '<main><span class="author">@handle</span></main>').byline).toBe('');
    expect(credits('', '<aside><span class="byline">Sidebar Writer</span></aside><main><p>Text</p></main>').byline).toBe('');
    expect(credits('<meta property="article:author" content="https://www.facebook.com/someone">', '<main></main>').byline).toBe('');
    // A name in article:author is read when nothing else names the writer.
    expect(credits('<meta property="article:author" content="Laurie Oakes">', '<main></main>').byline).toBe('Laurie Oakes');
  });

  test('publication time from a <time datetime> or datePublished microdata by the article', () => {
    expect(credits('', '<main><time datetime="2019-05-20T10:00:00Z">May 20</time></main>').published).toBe('2019-05-20T10:00:00Z');
    expect(credits('', '<main><meta itemprop="datePublished" content="2017-02-24"></main>').published).toBe('2017-02-24');
    expect(credits('', '<aside><time datetime="2001-01-01">old</time></aside><main></main>').published).toBe('');
  });

  test('a shown date under the text is a "last modified" footer, not the publication date', () => {
    const doc = parse(
      '<html><body><main><time datetime="2019-05-20">May 20</time><div id="b"><p>Text</p></div>' +
        '<footer>Last modified on <time datetime="2025-08-20">Aug 20</time></footer></main>' +
        '<main id="m2"><div id="c"><time datetime="2021-03-04">4 Mar</time><p>Text</p><time datetime="2024-01-01">edited</time></div>' +
        '<p class="foot">Last modified <time datetime="2025-08-21">Aug 21</time></p></main></body></html>',
    );
    const ld = readJsonLd([]);
    const [first, second] = [...doc.querySelectorAll('main')] as unknown as [Element, Element];
    expect(creditsOf(new Map(), ld, [first], doc.getElementById('b')).published).toBe('2019-05-20');
    first.firstElementChild?.remove();
    expect(creditsOf(new Map(), ld, [first], doc.getElementById('b')).published).toBe('');
    // Inside the body, above its first paragraph: the post's own dateline.
    expect(creditsOf(new Map(), ld, [second], doc.getElementById('c')).published).toBe('2021-03-04');
  });
});

describe('detectArticle credits', () => {
  test('the seed-shaped article names its author (shown between headline and body) and its date', () => {
    const info = detectArticle(parse(fixture('news-jsonld.html')), visible);
    expect(info).toMatchObject({ byline: 'By Ana Ruiz, Valencia', published: '2024-03-12T08:00:00Z' });
  });

  test('pages that are not articles carry no credits', () => {
    const info = detectArticle(parse(fixture('home.html')), visible);
    expect(info).toMatchObject({ isArticle: false, byline: '', published: '' });
  });
});
