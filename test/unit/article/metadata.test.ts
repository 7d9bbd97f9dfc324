/** The pieces that read what a page says about itself: JSON-LD, meta tags, titles. */
import { describe, expect, test } from 'vitest';
import { readJsonLd } from '../../../lib/article/jsonld';
import { cleanTitle, microdataOther, pageLang, readMeta, siteNameOf, typeSignals } from '../../../lib/article/metadata';
import { decodeEntities } from '../../../lib/article/text';
import { parse } from './helpers';

function ld(...blocks: string[]) {
  const doc = parse(`<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body></body></html>`);
  return readJsonLd(doc.getElementsByTagName('script'));
}

describe('readJsonLd', () => {
  test.each([
    ['NewsArticle', '{"@type":"NewsArticle","headline":"H"}'],
    ['BlogPosting', '[{"@type":"Organization","name":"O"},{"@type":"BlogPosting","headline":"H"}]'],
    ['LiveBlogPosting', '{"@graph":[{"@type":"WebPage"},{"@type":"LiveBlogPosting","headline":"H"}]}'],
    ['OpinionNewsArticle', '{"@type":["OpinionNewsArticle","NewsArticle"],"headline":"H"}'],
    ['AnalysisNewsArticle', '{"@type":"https://schema.org/AnalysisNewsArticle","headline":"H"}'],
    ['Article', '{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"H"}}'],
  ])('finds %s', (type, json) => {
    expect(ld(json)).toMatchObject({ articleType: type, headline: 'H' });
  });

  test('publisher by name, or by @id reference inside @graph', () => {
    expect(ld('{"@type":"NewsArticle","publisher":{"@type":"Organization","name":" El País "}}').publisher).toBe('El País');
    expect(ld('{"@graph":[{"@id":"#o","@type":"Organization","name":"Ref"},{"@type":"NewsArticle","publisher":[{"@id":"#o"}]}]}').publisher).toBe('Ref');
  });

  test('teasers nested in a listing are not the page type; Product is recorded as other', () => {
    const listing = '{"@type":"CollectionPage","hasPart":[{"@type":"NewsArticle","headline":"Teaser"}]}';
    expect(ld(listing).articleType).toBe('');
    expect(ld('{"@type":"Product","name":"Backpack"}')).toMatchObject({ articleType: '', otherType: 'Product' });
  });

  test('malformed blocks are skipped, valid ones still read', () => {
    expect(ld('{oops', '', 'undefined', '{"@type":"NewsArticle","headline":"OK"}')).toMatchObject({ articleType: 'NewsArticle', headline: 'OK' });
    expect(ld('{"@type":"NewsArticle","headline":{"@value":"x"}}').headline).toBe('');
  });

  test('deeply nested @graph does not recurse without bound', () => {
    let json = '{"@type":"NewsArticle","headline":"deep"}';
    for (let i = 0; i < 5000; i++) json = `{"@graph":[${json}]}`;
    expect(ld(json).articleType).toBe('');
  });
});

describe('character references a CMS escaped twice', () => {
  test('decoded in JSON-LD text and meta content, numeric and named, doubly escaped too', () => {
    expect(ld('{"@type":"BlogPosting","headline":"Budget Traveler&#8217;s Guide &#x2013; M&#038;A","publisher":{"name":"Caf&eacute; &amp; Co"}}'))
      .toMatchObject({ headline: 'Budget Traveler\u2019s Guide \u2013 M&A' });
    const doc = parse('<html><head><meta property="og:title" content="And finally&amp;amp;#8230; trouble brewing"></head><body></body></html>');
    expect(readMeta(doc).get('og:title')).toBe('And finally\u2026 trouble brewing');
  });

  test('text without references, unknown names and invalid code points stay as they are', () => {
    expect(decodeEntities('AT&T & friends')).toBe('AT&T & friends');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#1114112;')).toBe('&bogus; &#0; &#xD800; &#1114112;');
    expect(decodeEntities('&AMP; &nbsp;')).toBe('& \u00a0');
  });
});

describe('cleanTitle', () => {
  test.each([
    ['Headline of the day | EL PAÍS', 'El País', 'Headline of the day'],
    ['Headline of the day - The Daily Example', 'The Daily Example', 'Headline of the day'],
    ['Headline of the day — Example', 'example.com', 'Headline of the day'],
    ['EL PAÍS | Headline of the day', 'El País', 'Headline of the day'],
    ['A rather long headline about something | Opinion', 'Other', 'A rather long headline about something'],
    ['Madrid – Barcelona: the final', 'Other', 'Madrid – Barcelona: the final'],
    ['Covid-19 cases rise', 'Other', 'Covid-19 cases rise'],
    ['  spaced\n  title  ', '', 'spaced title'],
  ])('%s', (title, site, expected) => {
    expect(cleanTitle(title, site)).toBe(expected);
  });
});

describe('meta tags', () => {
  const head = (h: string, htmlAttrs = '') => parse(`<html ${htmlAttrs}><head>${h}</head><body></body></html>`);

  test('lang from <html lang>, else content-language, else empty', () => {
    const withMeta = head('<meta http-equiv="Content-Language" content="he, en">');
    expect(pageLang(head('', 'lang="pt-BR"'), readMeta(head('')))).toBe('pt-BR');
    expect(pageLang(withMeta, readMeta(withMeta))).toBe('he');
    expect(pageLang(head(''), readMeta(head('')))).toBe('');
  });

  test('site name: og:site_name, JSON-LD publisher, then host without www', () => {
    const empty = { articleType: '', otherType: '', headline: '', name: '', publisher: '', author: '', datePublished: '' };
    const og = head('<meta property="og:site_name" content="Site">');
    expect(siteNameOf(og, readMeta(og), { ...empty, publisher: 'Pub' })).toBe('Site');
    const none = head('');
    expect(siteNameOf(none, readMeta(none), { ...empty, publisher: 'Pub' })).toBe('Pub');
    expect(siteNameOf(none, readMeta(none), empty)).toBe(new URL(document.URL).hostname.replace(/^www\./, ''));
  });

  test('type signals in order of strength', () => {
    const empty = { articleType: '', otherType: '', headline: '', name: '', publisher: '', author: '', datePublished: '' };
    const meta = (h: string) => readMeta(head(h));
    expect(typeSignals(meta(''), { ...empty, articleType: 'NewsArticle' }, null).article).toBe('jsonld:NewsArticle');
    expect(typeSignals(meta('<meta property="og:type" content="article">'), empty, null).article).toBe('og:article');
    expect(typeSignals(meta('<meta property="article:published_time" content="2024-01-01">'), empty, null).article).toBe('published-time');
    expect(typeSignals(meta('<meta property="og:type" content="product.item">'), empty, null)).toEqual({ article: '', other: 'og:product' });
    const doc = parse('<div itemscope itemtype="https://schema.org/NewsArticle"><div id="b"><p>x</p></div></div>');
    expect(typeSignals(meta(''), empty, doc.getElementById('b')).article).toBe('microdata:NewsArticle');
    // Markup around the text itself outranks og:type, which some CMSs put on every page.
    const og = meta('<meta property="og:type" content="article">');
    expect(typeSignals(og, empty, doc.getElementById('b')).article).toBe('microdata:NewsArticle');
  });

  test('a product the page only refers to (an item property) is not the page type', () => {
    // The New York Times marks each article as part of a subscription product.
    const nyt = parse(
      '<html itemscope itemtype="http://schema.org/NewsArticle"><body><span itemprop="isPartOf" itemscope itemtype="http://schema.org/CreativeWork%20http://schema.org/Product"></span></body></html>',
    );
    expect(microdataOther(nyt)).toBe('');
    const shop = parse('<div itemscope itemtype="https://schema.org/Product"><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"></div></div>');
    expect(microdataOther(shop)).toBe('Product');
    const forum = parse('<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><div itemprop="comment" itemscope itemtype="https://schema.org/Comment"></div></div>');
    expect(microdataOther(forum)).toBe('DiscussionForumPosting');
  });
});
