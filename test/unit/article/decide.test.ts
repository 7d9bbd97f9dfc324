/** The decision table, apart from any DOM. */
import { describe, expect, test } from 'vitest';
import { decide, shapeScore, type Evidence } from '../../../lib/article/decide';
import type { BodyStats } from '../../../lib/article/stats';

const prose: BodyStats = { chars: 2400, substantial: 8, long: 5, runs: 1, runShare: 1, headlines: 1, teasers: 0 };
const evidence = (body: Partial<BodyStats> | null, rest: Partial<Evidence> = {}): Evidence => ({
  meta: '',
  otherType: '',
  inArticleElement: false,
  body: body && { ...prose, ...body },
  ...rest,
});

describe('decide', () => {
  test('enough continuous prose is an article, named by its strongest signal', () => {
    expect(decide(evidence({}))).toEqual({ isArticle: true, reason: 'density', readable: true });
    expect(decide(evidence({}, { inArticleElement: true }))).toEqual({ isArticle: true, reason: 'article-element', readable: true });
    expect(decide(evidence({}, { meta: 'og:article', inArticleElement: true }))).toEqual({ isArticle: true, reason: 'og:article', readable: true });
  });

  test('no text, or too little for the evidence', () => {
    expect(decide(evidence(null, { meta: 'jsonld:NewsArticle' })).reason).toBe('no-text');
    const short = { chars: 450, substantial: 2 };
    expect(decide(evidence(short)).reason).toBe('too-little-text');
    expect(decide(evidence(short, { meta: 'jsonld:NewsArticle' })).isArticle).toBe(true);
    expect(decide(evidence({ chars: 1100, substantial: 0 })).isArticle).toBe(true); // long text, any shape
  });

  test('listings and fragmented pages are rejected unless the page declares itself an article', () => {
    const teasers = { runs: 12, runShare: 0.1, headlines: 12, teasers: 12 };
    expect(decide(evidence(teasers)).reason).toBe('listing');
    expect(decide(evidence(teasers, { meta: 'og:article' })).reason).toBe('listing');
    // A live blog: titled posts, but the page declares itself one article.
    expect(decide(evidence(teasers, { meta: 'jsonld:LiveBlogPosting' })).isArticle).toBe(true);
    // A roundup (a headed block per product) with article metadata, a byline and a date is a story;
    // metadata alone, or a byline and date without it, are not enough.
    const roundup = { runs: 10, runShare: 0.12, headlines: 10, teasers: 0, chars: 7400, substantial: 12 };
    expect(decide(evidence(roundup, { meta: 'og:article', signed: () => true })).isArticle).toBe(true);
    expect(decide(evidence(roundup, { meta: 'og:article', signed: () => false })).reason).toBe('listing');
    expect(decide(evidence(roundup, { signed: () => true })).reason).toBe('listing');
    const posts = { runs: 10, runShare: 0.15, headlines: 0 };
    expect(decide(evidence(posts)).reason).toBe('fragmented');
    expect(decide(evidence(posts, { meta: 'jsonld:NewsArticle' })).isArticle).toBe(true);
  });

  test("a documentation site's, forum's or shop's address, whatever article type its pages declare", () => {
    expect(decide(evidence({}, { address: 'documentation', meta: 'jsonld:TechArticle', inArticleElement: true }))).toEqual({ isArticle: false, reason: 'documentation', readable: true });
    expect(decide(evidence({}, { address: 'documentation', meta: 'og:article' })).reason).toBe('documentation');
    // A news or blog type vouches for a post published there (a docs site's release blog).
    expect(decide(evidence({}, { address: 'documentation', meta: 'jsonld:BlogPosting' })).isArticle).toBe(true);
    expect(decide(evidence({}, { address: 'documentation', meta: 'microdata:NewsArticle' })).isArticle).toBe(true);
    expect(decide(evidence(null, { address: 'documentation' })).reason).toBe('no-text');
    // Forum threads and shop pages by address: not articles, and not read as prose either.
    expect(decide(evidence({}, { address: 'forum', meta: 'og:article' }))).toEqual({ isArticle: false, reason: 'forum', readable: false });
    expect(decide(evidence({}, { address: 'shop', meta: 'jsonld:Article' }))).toEqual({ isArticle: false, reason: 'shop', readable: false });
  });

  test('documentation: code throughout, no metadata and nobody credited; readable prose all the same', () => {
    const reference = { chars: 9000, substantial: 30 };
    expect(decide(evidence(reference, { code: 120, credited: () => false }))).toEqual({ isArticle: false, reason: 'documentation', readable: true });
    // A blog post as heavy with code names its author or date, or declares itself.
    expect(decide(evidence(reference, { code: 120, credited: () => true })).isArticle).toBe(true);
    expect(decide(evidence(reference, { code: 120, credited: () => false, meta: 'jsonld:BlogPosting' })).isArticle).toBe(true);
    // A few snippets in a long text, or code sparser than one per two paragraphs, are an article's.
    expect(decide(evidence(reference, { code: 20, credited: () => false })).isArticle).toBe(true);
    expect(decide(evidence({ chars: 30000, substantial: 90 }, { code: 40, credited: () => false })).isArticle).toBe(true);
    // Credits are only asked for when the code count (or a weak shape, below) calls for them.
    let asked = 0;
    decide(evidence(reference, { code: 3, credited: () => ++asked > 0 }));
    expect(asked).toBe(0);
  });

  test('a declared product page is not an article unless it also declares one', () => {
    expect(decide(evidence({}, { otherType: 'jsonld:Product' })).reason).toBe('jsonld:Product');
    expect(decide(evidence({}, { otherType: 'jsonld:Product', meta: 'jsonld:Article' })).isArticle).toBe(true);
  });
});

describe('decide: readable prose that is not an article', () => {
  // mozilla.org's Firefox tour: six headed sections of one paragraph each, 973 characters.
  const tour = { chars: 973, substantial: 6, runs: 6, runShare: 0.24, headlines: 8, teasers: 2 };

  test('a product tour in headed sections is not an article, but its prose is readable', () => {
    expect(decide(evidence(tour, { pageLinks: 118 }))).toEqual({ isArticle: false, reason: 'listing', readable: true });
    expect(decide(evidence({ ...tour, headlines: 3, teasers: 0 }, { pageLinks: 118 }))).toEqual({ isArticle: false, reason: 'fragmented', readable: true });
  });

  test('teasers, posts without headings, thin text or a page of links are not readable', () => {
    const readable = (body: Partial<BodyStats>, rest: Partial<Evidence> = { pageLinks: 118 }) => decide(evidence(body, rest)).readable;
    expect(readable({ ...tour, headlines: 12, teasers: 6 })).toBe(false); // linked headlines: a listing
    expect(readable({ ...tour, headlines: 2, teasers: 2 })).toBe(false); // forum posts under linked user names
    expect(readable({ ...tour, headlines: 0, teasers: 0 })).toBe(false); // posts, no headings at all
    expect(readable({ ...tour, runs: 12, headlines: 12, substantial: 3 })).toBe(false); // short replies under user names
    expect(readable({ ...tour, chars: 600, substantial: 2 })).toBe(false); // too little prose
    expect(readable(tour, { pageLinks: 400 })).toBe(false); // outweighed by the page's links
    expect(readable(tour, { pageLinks: 118, otherType: 'jsonld:Product' })).toBe(false); // declared product
    expect(readable(tour, { pageLinks: 118 })).toBe(true);
  });

  test('every article is readable, and nothing else is', () => {
    expect(decide(evidence({})).readable).toBe(true);
    expect(decide(evidence({ chars: 450, substantial: 2 })).readable).toBe(false);
    expect(decide(evidence(null)).readable).toBe(false);
  });
});

describe('decide: one text in many blocks', () => {
  test('blocks of several paragraphs each are sections of one text, not teasers or posts', () => {
    // A long report under subheadings, or a page builder putting each few paragraphs in a block.
    const sections = { chars: 9000, substantial: 36, runs: 12, runShare: 0.15, headlines: 7 };
    expect(decide(evidence(sections))).toEqual({ isArticle: true, reason: 'density', readable: true });
    expect(decide(evidence(sections, { meta: 'og:article' }))).toEqual({ isArticle: true, reason: 'og:article', readable: true });
    // One paragraph per block is still a listing (teasers) or a thread (posts).
    expect(decide(evidence({ ...sections, substantial: 12 })).reason).toBe('listing');
    expect(decide(evidence({ ...sections, substantial: 12, headlines: 0 })).reason).toBe('fragmented');
  });

  test('blocks headed by links elsewhere are teasers, however many paragraphs each summary has', () => {
    // A research group's news page: ten items, each a linked title and two or three paragraphs.
    const news = { chars: 8000, substantial: 24, long: 20, runs: 10, runShare: 0.13, headlines: 13, teasers: 13 };
    expect(decide(evidence(news)).reason).toBe('listing');
    // The same blocks under headings of their own (a few linking out, as a guide's may) are sections.
    expect(decide(evidence({ ...news, teasers: 5 }))).toEqual({ isArticle: true, reason: 'density', readable: true });
    expect(decide(evidence({ ...news, headlines: 30, teasers: 12 })).isArticle).toBe(true);
  });

  test('long blocks, most of several paragraphs, are the sections of a review roundup', () => {
    // 14 products, each a long verdict plus a shorter note or two: ~720 characters a block.
    const roundup = { chars: 10_100, substantial: 27, runs: 14, runShare: 0.14, headlines: 41 };
    expect(decide(evidence(roundup, { meta: 'og:article' }))).toEqual({ isArticle: true, reason: 'og:article', readable: true });
    // As long, but one paragraph a block: teasers with long standfirsts.
    expect(decide(evidence({ ...roundup, substantial: 14 })).reason).toBe('listing');
    // Several paragraphs a block, but short ones: a thread of short replies.
    expect(decide(evidence({ ...roundup, chars: 4000, headlines: 0 })).reason).toBe('fragmented');
  });
});

describe('decide: text against the page links', () => {
  test('without a schema.org type, a short text on a page full of links is not an article', () => {
    const short = { chars: 1200, substantial: 5 };
    expect(decide(evidence(short, { meta: 'og:article', pageLinks: 300 })).reason).toBe('link-heavy');
    expect(decide(evidence(short, { meta: 'og:article', pageLinks: 100 })).isArticle).toBe(true);
    expect(decide(evidence(short, { meta: 'jsonld:Article', pageLinks: 300 })).isArticle).toBe(true);
    // A long text is prose whatever surrounds it.
    expect(decide(evidence({ chars: 3000 }, { pageLinks: 2000 })).isArticle).toBe(true);
  });

  test('links the reader cannot see (a folded dropdown menu) do not outweigh the text', () => {
    const short = { chars: 1800, substantial: 4 };
    const asked: number[] = [];
    const visibleLinks = (max: number) => (asked.push(max), 170);
    expect(decide(evidence(short, { meta: 'og:article', pageLinks: 313, visibleLinks })).isArticle).toBe(true);
    expect(asked).toEqual([Math.ceil(2500 / 6)]); // no need to count past the cap
    expect(decide(evidence(short, { meta: 'og:article', pageLinks: 313, visibleLinks: () => 310 })).reason).toBe('link-heavy');
    // Counted only when the page's links would outweigh the text.
    asked.length = 0;
    expect(decide(evidence(short, { meta: 'og:article', pageLinks: 100, visibleLinks })).isArticle).toBe(true);
    expect(asked).toEqual([]);
  });

  test('og:type article does not outweigh a declared product', () => {
    expect(decide(evidence({}, { otherType: 'microdata:Product', meta: 'og:article' })).reason).toBe('microdata:Product');
  });
});

describe('decide: a page nothing vouches for rests on its shape', () => {
  // A company's services page: five headed sections of one blurb each, a quote button in each.
  const services = { chars: 1900, substantial: 5, long: 3, runs: 5, runShare: 0.3, headlines: 5, teasers: 0 };
  const unsigned = (rest: Partial<Evidence> = {}): Partial<Evidence> => ({ credited: () => false, buttons: () => 24, ...rest });

  test('short sections among many buttons, with no metadata or credits, are not an article (but readable)', () => {
    expect(shapeScore({ ...prose, ...services }, 24)).toBeLessThan(1);
    expect(decide(evidence(services, unsigned()))).toEqual({ isArticle: false, reason: 'uncredited', readable: true });
  });

  test('the same shape is an article when anything vouches for it', () => {
    expect(decide(evidence(services, unsigned({ credited: () => true }))).isArticle).toBe(true); // a byline or a date
    expect(decide(evidence(services, unsigned({ meta: 'og:article' }))).isArticle).toBe(true);
    expect(decide(evidence(services, unsigned({ inArticleElement: true }))).isArticle).toBe(true);
    expect(decide(evidence(services, unsigned({ buttons: () => 0 }))).isArticle).toBe(true); // no buttons at all
  });

  test('a guide of long paragraphs in one text needs no credits, whatever the buttons', () => {
    const guide = { chars: 6000, substantial: 14, long: 10, runs: 1 };
    expect(decide(evidence(guide, unsigned({ buttons: () => 60 }))).isArticle).toBe(true);
  });

  test('credits and buttons are looked up only for a page whose shape is weak', () => {
    const asked: string[] = [];
    const lookups = { credited: () => (asked.push('credits'), false), buttons: () => (asked.push('buttons'), 24) };
    decide(evidence({ chars: 6000, substantial: 14, long: 10, runs: 1 }, { ...lookups, meta: 'og:article' }));
    expect(asked).toEqual([]);
    decide(evidence({ chars: 6000, substantial: 14, long: 10, runs: 1 }, lookups));
    expect(asked).toEqual(['buttons']);
    asked.length = 0;
    decide(evidence(services, lookups));
    expect(asked).toEqual(['buttons', 'credits']);
  });
});
