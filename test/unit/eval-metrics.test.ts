/**
 * The scoring behind `npm run eval:article` (scripts/lib/eval-metrics.mjs) and its corpus
 * loader (scripts/lib/eval-corpus.mjs). The body metric must be exactly the Zyte
 * article-extraction-benchmark's (its evaluate.py; /work/shared/notes/extraction-metric.md), so
 * the worked examples below follow that script step by step.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import {
  classification,
  corpusBody,
  f1,
  matchShingles,
  pagePrecision,
  pageRecall,
  quantile,
  scorePage,
  shingles,
  snippetShare,
  summarise,
  titleKey,
  titlesMatch,
  bylinesMatch,
  calendarDate,
  datesMatch,
  tokenize,
  wcxbIsArticle,
  type BodyScore,
  type Row,
} from '../../scripts/lib/eval-metrics.mjs';
import { detectLayout, htmlContentType, loadCorpus, readHtml } from '../../scripts/lib/eval-corpus.mjs';

describe('tokenize (Python re \\w+ with re.UNICODE)', () => {
  test('words in any script, digits and underscore; everything else separates', () => {
    expect(tokenize("It's 2025: año nuevo, новый год — snake_case!")).toEqual(['It', 's', '2025', 'año', 'nuevo', 'новый', 'год', 'snake_case']);
  });
  test('keeps case; CJK runs without spaces are one token', () => {
    expect(tokenize('Hello hello 東京都の天気')).toEqual(['Hello', 'hello', '東京都の天気']);
  });
  test('combining marks are not word characters (decomposed é splits a word)', () => {
    expect(tokenize('cafe\u0301 bar')).toEqual(['cafe', 'bar']);
  });
  test('empty and missing text give no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(null)).toEqual([]);
    expect(tokenize(' — ')).toEqual([]);
  });
});

describe('shingles', () => {
  test('every run of 4 tokens, counted', () => {
    expect([...shingles('a b c d e')]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect(shingles('x y z w x y z w').get('x y z w')).toBe(2);
  });
  test('1-3 tokens give one shingle of all of them; no tokens give none', () => {
    expect([...shingles('one two')]).toEqual([['one two', 1]]);
    expect(shingles('...').size).toBe(0);
  });
});

describe('matchShingles and per-page scores (evaluate.py)', () => {
  test('worked example: one shared, one extra, one missing shingle', () => {
    // truth: {a b c d, b c d e}; pred: {a b c d, b c d x} -> tp 1, fp 1, fn 1, normalised by 3.
    const m = matchShingles('a b c d e', 'a b c d x');
    expect(m.tp).toBeCloseTo(1 / 3);
    expect(m.fp).toBeCloseTo(1 / 3);
    expect(m.fn).toBeCloseTo(1 / 3);
    expect(pagePrecision(m)).toBeCloseTo(0.5);
    expect(pageRecall(m)).toBeCloseTo(0.5);
  });
  test('counts are a multiset: a repeated shingle predicted once is half missed', () => {
    const m = matchShingles('w x y z. w x y z', 'w x y z');
    // truth has "w x y z" x2 plus "x y z w", "y z w x", "z w x y"; pred has "w x y z" x1.
    expect(m.tp).toBeCloseTo(1 / 5);
    expect(m.fn).toBeCloseTo(4 / 5);
    expect(pagePrecision(m)).toBe(1);
    expect(pageRecall(m)).toBeCloseTo(0.2);
  });
  test('punctuation, spacing and line breaks do not matter, case does', () => {
    expect(scorePage('One two,\n\nthree four five.', 'One  two three — four five').f1).toBe(1);
    expect(scorePage('One two three four', 'one two three four').f1).toBe(0);
  });
  test('edge cases: identical, empty prediction, both empty', () => {
    expect(scorePage('a b c d e', 'a b c d e')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    // Nothing predicted: the page is left out of precision, recall is 0, the row F1 is 0.
    expect(scorePage('a b c d e', '')).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(scorePage('', 'a b c')).toMatchObject({ precision: 0, recall: null, f1: null });
    expect(scorePage('', '')).toMatchObject({ precision: null, recall: null, f1: null });
  });
  test('precision 1 if fp = fn = 0, 0 if tp = fp = 0, as in evaluate.py', () => {
    expect(pagePrecision({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(pagePrecision({ tp: 0, fp: 0, fn: 1 })).toBe(0);
    expect(pageRecall({ tp: 0, fp: 1, fn: 0 })).toBe(0);
  });
});

describe('corpusBody: means of per-page figures, F1 of the means', () => {
  test('worked example over three pages', () => {
    const pages = [
      matchShingles('a b c d e', 'a b c d e'), // P 1, R 1
      matchShingles('a b c d e', ''), // P left out, R 0
      matchShingles('a b c d e', 'a b c d x'), // P 0.5, R 0.5
    ];
    const body = corpusBody(pages);
    expect(body.precision).toBeCloseTo(0.75); // mean(1, 0.5)
    expect(body.recall).toBeCloseTo(0.5); // mean(1, 0, 0.5)
    expect(body.f1).toBeCloseTo(0.6); // 2 * 0.75 * 0.5 / 1.25, not the mean of page F1s (0.5)
    expect(body.pages).toBe(3);
  });
  test('no pages: unknown, not zero', () => {
    expect(corpusBody([])).toEqual({ precision: null, recall: null, f1: null, pages: 0 });
    expect(f1(0, 0)).toBe(0);
    expect(f1(null, 1)).toBeNull();
  });
});

describe('classification (article is positive)', () => {
  test('precision, recall, accuracy from the confusion counts', () => {
    const t = (truth: boolean, predicted: boolean) => ({ truth, predicted });
    const c = classification([t(true, true), t(true, true), t(true, false), t(false, true), t(false, false)]);
    expect(c.counts).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(c.precision).toBeCloseTo(2 / 3);
    expect(c.recall).toBeCloseTo(2 / 3);
    expect(c.accuracy).toBeCloseTo(3 / 5);
  });
  test('undefined ratios are null', () => {
    expect(classification([{ truth: false, predicted: false }])).toMatchObject({ precision: null, recall: null, accuracy: 1 });
  });
});

describe('wcxbIsArticle', () => {
  test('only the article type by default', () => {
    expect(wcxbIsArticle('article')).toBe(true);
    for (const type of ['collection', 'documentation', 'forum', 'listing', 'product', 'service', '', null]) {
      expect(wcxbIsArticle(type)).toBe(false);
    }
    expect(wcxbIsArticle('documentation', ['article', 'documentation'])).toBe(true);
  });
});

describe('bylines and dates', () => {
  test('a byline matches with or without a lead word, not one author of several', () => {
    expect(bylinesMatch('Andrew King', 'By Andrew King')).toBe(true);
    expect(bylinesMatch('By Erin Cunningham', 'erin cunningham')).toBe(true);
    expect(bylinesMatch('Ana Ruiz', 'Ana Ruiz, Lucía Ferrer and Vicente Martí')).toBe(false);
    expect(bylinesMatch('Ana Ruiz', 'Lucía Ferrer')).toBe(false);
    expect(bylinesMatch('', '')).toBe(false);
    expect(bylinesMatch('Ana Ruiz', null)).toBe(false);
  });
  test("dates match on the publisher's calendar day", () => {
    expect(calendarDate('2019-01-03T23:30:00-08:00')).toBe('2019-01-03'); // its own day, not UTC's
    expect(calendarDate('March 12, 2024 10:00 UTC')).toBe('2024-03-12');
    expect(calendarDate('yesterday')).toBe('');
    expect(datesMatch('2025-09-04', '2025-09-04T08:00:00Z')).toBe(true);
    expect(datesMatch('2025-09-04', '2025-09-05')).toBe(false);
    expect(datesMatch('', '')).toBe(false);
  });
});

describe('titles', () => {
  test('case, whitespace and punctuation are ignored', () => {
    expect(titleKey('  Facebook Is Tracking Me Even Though I’m Not on Facebook ')).toBe(titleKey("facebook is tracking me even though i'm not on facebook"));
    expect(titlesMatch('Madrid – Barcelona: the final', 'MADRID - BARCELONA, THE FINAL')).toBe(true);
    expect(titleKey('Ｆｕｌｌ width')).toBe('fullwidth');
  });
  test('one short site segment may be stripped from either side', () => {
    expect(titlesMatch('Harbour ferry returns', 'Harbour ferry returns | The Coastal Courier')).toBe(true);
    expect(titlesMatch('Harbour ferry returns - Courier', 'Harbour ferry returns')).toBe(true);
    expect(titlesMatch('Harbour ferry returns', 'Courier · Harbour ferry returns')).toBe(true);
    expect(titlesMatch('Harbour ferry returns', 'Harbour ferry returns after repairs')).toBe(false);
    // The stripped part must be the shorter one: a site name is not the headline.
    expect(titlesMatch('Courier', 'Harbour ferry returns | Courier')).toBe(false);
    // Colons are part of headlines, not separators.
    expect(titlesMatch('Top trends', 'Top trends: what experts eat')).toBe(false);
  });
  test('an empty title never matches', () => {
    expect(titlesMatch('', '')).toBe(false);
    expect(titlesMatch('Headline', '')).toBe(false);
    expect(titlesMatch(null, 'Headline')).toBe(false);
  });
});

describe('snippetShare', () => {
  test('case-insensitive, whitespace-collapsed containment', () => {
    expect(snippetShare('The quick  brown\nfox jumps', ['quick brown fox', 'LAZY DOG'])).toBe(0.5);
    expect(snippetShare('anything', [])).toBeNull();
  });
});

describe('quantile', () => {
  test('median of even counts averages the middle two; p95 by nearest rank', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('summarise', () => {
  const det = (predicted: 'article' | 'other', ms: number, body: BodyScore | null = null) => ({
    predicted,
    title: 't',
    titleOk: null,
    body,
    words: 10,
    ms,
  });
  const row = (id: string, trueClass: 'article' | 'other', g: 'article' | 'other', r: 'article' | 'other', extra: Partial<Row> = {}): Row => ({
    id,
    trueClass,
    pageType: null,
    readerable: null,
    url: null,
    truthWords: null,
    gloss: { ...det(g, 1), reason: 'x', element: 'div', bodyTextContent: null },
    readability: det(r, 10),
    ...extra,
  });

  test('figures per detector; failed pages left out; agreement only for the readability layout', () => {
    const rows = [
      row('a', 'article', 'article', 'article', { readerable: true }),
      row('b', 'article', 'other', 'article', { readerable: true }),
      row('c', 'other', 'other', 'article', { readerable: false }),
      { ...row('d', 'other', 'article', 'article'), gloss: null, readability: null, error: 'crashed' },
    ];
    const s = summarise(rows, { layout: 'readability' });
    expect(s).toMatchObject({ pages: 4, failures: 1, articles: 2 });
    expect(s.gloss.classification).toEqual({ precision: 1, recall: 0.5, accuracy: 2 / 3 });
    expect(s.readability.classification).toEqual({ precision: 2 / 3, recall: 1, accuracy: 2 / 3 });
    expect(s.readerableAgreement).toBeCloseTo(2 / 3);
    expect(s.gloss.medianMs).toBe(1);
    expect(s.timeRatio).toBeCloseTo(0.1);
    expect(summarise(rows, { layout: 'wcxb' }).readerableAgreement).toBeNull();
  });

  test('a corpus of articles only has no classification figures', () => {
    const s = summarise([row('a', 'article', 'article', 'other'), row('b', 'article', 'other', 'other')], { layout: 'zyte' });
    expect(s.gloss.classification).toEqual({ precision: null, recall: null, accuracy: null });
  });

  test('body figures come from the body-scored rows only', () => {
    const scored = row('a', 'article', 'article', 'article');
    scored.gloss = { ...scored.gloss!, body: { precision: 1, recall: 0.5, f1: 2 / 3 } };
    const missed = row('b', 'article', 'other', 'article');
    missed.gloss = { ...missed.gloss!, body: { precision: null, recall: 0, f1: 0 } };
    const s = summarise([scored, missed, row('c', 'other', 'other', 'other')], { layout: 'wcxb' });
    expect(s.bodyPages).toBe(2);
    expect(s.gloss.body.precision).toBe(1);
    expect(s.gloss.body.recall).toBe(0.25);
    expect(s.gloss.body.f1).toBeCloseTo(0.4);
  });
});

describe('corpus layouts', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const write = async (file: string, data: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), data);
  };

  test('the readability fixture corpus', async () => {
    const corpus = await loadCorpus('test/fixtures/eval-corpus');
    expect(corpus.layout).toBe('readability');
    expect(corpus.pages.map((p) => [p.id, p.trueArticle, !!p.truthHtmlFile])).toEqual([
      ['city-homepage', false, false],
      ['garden-blog', true, true],
      ['harbour-news', true, true],
    ]);
    expect((await loadCorpus('test/fixtures/eval-corpus', { limit: 1 })).pages).toHaveLength(1);
  });

  test('WCXB: page types, truth, snippets, gzip', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-wcxb-'));
    const gt = (type: string, main: string) =>
      JSON.stringify({ url: 'https://example.com/', _internal: { page_type: { primary: type } }, ground_truth: { title: 'T', main_content: main, with: ['in'], without: ['out'] } });
    await write('ground-truth/0001.json', gt('article', 'Body text here.'));
    await write('ground-truth/0002.json', gt('forum', ''));
    await write('ground-truth/0003.json', gt('article', 'No html for me.'));
    await write('html/0001.html.gz', gzipSync('<p>héllo</p>'));
    await write('html/0002.html', '<p>plain</p>');
    expect(detectLayout(dir)).toBe('wcxb');
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings).toEqual(['0003: no html/0003.html(.gz), skipped']);
    expect(corpus.pages.map((p) => [p.id, p.pageType, p.trueArticle, p.truthText])).toEqual([
      ['0001', 'article', true, 'Body text here.'],
      ['0002', 'forum', false, null],
    ]);
    expect(corpus.pages[0]).toMatchObject({ title: 'T', with: ['in'], without: ['out'], url: 'https://example.com/' });
    expect((await readHtml(corpus.pages[0]!.file)).toString('utf8')).toBe('<p>héllo</p>');
  });

  test('Zyte: every page is an article', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-zyte-'));
    await write('ground-truth.json', JSON.stringify({ abc: { articleBody: 'Some body.', url: 'https://example.org/a' } }));
    await write('html/abc.html.gz', gzipSync('<p>x</p>'));
    const corpus = await loadCorpus(dir);
    expect(corpus.layout).toBe('zyte');
    expect(corpus.pages).toMatchObject([{ id: 'abc', trueArticle: true, truthText: 'Some body.', title: null }]);
  });

  test('an unknown layout is a clear error', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gloss-none-'));
    expect(() => detectLayout(dir)).toThrow(/unknown corpus layout/);
    expect(() => detectLayout(path.join(dir, 'missing'))).toThrow(/not found/);
  });

  test('content type: utf-8 only when the bytes are valid UTF-8', () => {
    expect(htmlContentType(Buffer.from('<p>año</p>', 'utf8'))).toBe('text/html; charset=utf-8');
    expect(htmlContentType(Buffer.from('<p>a\xf1o</p>', 'latin1'))).toBe('text/html');
  });
});
