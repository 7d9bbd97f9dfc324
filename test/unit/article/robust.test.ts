/** detectArticle on hostile or degenerate documents: it must answer, never throw, in bounded time. */
import { describe, expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import { bodyText, fixture, parse, visible } from './helpers';

const PARAGRAPH =
  'The committee met on Tuesday to discuss the budget, and after a long debate it agreed to postpone the vote until the next session, when the final figures will be known.';

function articleHtml(head = ''): string {
  const ps = Array.from({ length: 6 }, (_, i) => `<p>${String(i + 1)}. ${PARAGRAPH}</p>`).join('');
  return `<html lang="en"><head><title>Budget vote postponed - Example Times</title>${head}</head>
    <body><h1>Budget vote postponed</h1><div id="story">${ps}</div></body></html>`;
}

describe('degenerate documents', () => {
  test('a document without <body>', () => {
    const doc = parse('<html><head><title>No body here</title></head><body></body></html>');
    doc.body.remove();
    const info = detectArticle(doc, visible);
    expect(info).toMatchObject({ isArticle: false, reason: 'no-body', title: 'No body here', body: [], headline: null });
  });

  test('an XML document (no <body>, no <html>)', () => {
    const doc = new DOMParser().parseFromString('<feed><entry>hello</entry></feed>', 'application/xml');
    expect(detectArticle(doc, visible)).toMatchObject({ isArticle: false, reason: 'no-body' });
  });

  test('a frameset page', () => {
    // happy-dom's parser does not build framesets (the dom tests parse a real one): assemble it.
    const doc = parse('<html><head><title>Frames</title></head><body></body></html>');
    doc.body.remove();
    const xhtml = 'http://www.w3.org/1999/xhtml';
    const frameset = doc.createElementNS(xhtml, 'frameset');
    frameset.append(doc.createElementNS(xhtml, 'frame'), doc.createElementNS(xhtml, 'frame'));
    doc.documentElement.append(frameset);
    expect(detectArticle(doc, visible)).toMatchObject({ isArticle: false, reason: 'frameset', title: 'Frames' });
  });

  test('malformed and odd JSON-LD is ignored; the text still decides', () => {
    const head = `
      <script type="application/ld+json">{"@type": "NewsArticle", headline: broken</script>
      <script type="application/ld+json">null</script>
      <script type="application/ld+json">[1, "x", {"@graph": 5}, {"@type": 7}]</script>
      <script type="application/ld+json"></script>`;
    const info = detectArticle(parse(articleHtml(head)), visible);
    expect(info).toMatchObject({ isArticle: true, reason: 'density', title: 'Budget vote postponed' });
  });

  test('JSON-LD wrapped in an HTML comment still counts', () => {
    const head = `<script type="application/ld+json"><!--{"@type":"http://schema.org/ReportageNewsArticle","headline":"Vote postponed"}--></script>`;
    const info = detectArticle(parse(articleHtml(head)), visible);
    expect(info).toMatchObject({ isArticle: true, reason: 'jsonld:ReportageNewsArticle', title: 'Vote postponed' });
  });

  test('the default visibility test works without layout (happy-dom)', () => {
    const info = detectArticle(parse(articleHtml()));
    expect(info.isArticle).toBe(true);
  });

  test('an exception inside the DOM is reported, not thrown', () => {
    const doc = parse(articleHtml());
    const info = detectArticle(doc, {
      isVisible: () => {
        throw new Error('boom');
      },
    });
    expect(info).toMatchObject({ isArticle: false, reason: 'error', body: [], headline: null });
  });
});

describe('huge documents', () => {
  test('50,000 elements of non-article markup return a sensible answer', () => {
    const cells = '<div><span>x</span><a href="#">link</a></div>'.repeat(50_000 / 3);
    const doc = parse(`<html><body><main>${cells}</main></body></html>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(50_000);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(false);
    // Parsing 50,000 elements in a DOM emulation is slow on a loaded 2-core machine; the
    // timeout only guards against a hang (speed is the benchmark's job).
  }, 60_000);

  test('an article followed by 50,000 elements is still found', () => {
    const filler = '<li><span>Another item in a very long list</span></li>'.repeat(25_000);
    const html = articleHtml().replace('</body>', `<ul>${filler}</ul></body>`);
    const doc = parse(html);
    const info = detectArticle(doc, visible);
    expect(info.isArticle).toBe(true);
    expect(info.body[0]).toBe(doc.getElementById('story'));
  }, 60_000);

  test('maxElements bounds the walk: text beyond it is not seen', () => {
    const doc = parse(fixture('news-jsonld.html'));
    expect(detectArticle(doc, { ...visible, maxElements: 3 })).toMatchObject({ isArticle: false, body: [] });
    expect(bodyText(detectArticle(doc, visible))).toContain('Júcar');
  });
});
