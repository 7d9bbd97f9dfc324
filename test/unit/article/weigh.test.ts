/** The article model on top of the rules (weigh.ts, model.ts, decide.ts), apart from any DOM. */
import { describe, expect, test } from 'vitest';
import { decide, ruleDecision, settled, type Evidence, type ModelEvidence } from '../../../lib/article/decide';
import { MODEL, MODEL_FEATURES } from '../../../lib/article/model';
import type { PageSignals } from '../../../lib/article/signals';
import type { BodyStats } from '../../../lib/article/stats';
import { articleProbability, FEATURES, modelFeatures, THRESHOLD } from '../../../lib/article/weigh';

const prose: BodyStats = { chars: 2400, substantial: 8, long: 5, runs: 1, runShare: 1, headlines: 1, teasers: 0 };
const quiet: PageSignals = { slugWords: 0, rootAddress: false, shareLinks: 0, authorLinks: 0, nextPage: false, inputs: 0, articles: 0 };

function evidence(body: Partial<BodyStats> | null, rest: Partial<Evidence> = {}, signals: Partial<PageSignals & { buttons: number }> = {}, more: Partial<ModelEvidence> = {}): Evidence {
  const stats = body && { ...prose, ...body };
  return {
    meta: '',
    otherType: '',
    inArticleElement: false,
    body: stats,
    pageLinks: 80,
    buttons: () => signals.buttons ?? 0,
    credited: () => !!(more.byline || more.published),
    signed: () => !!(more.byline && more.published),
    model: () => ({ signals: { ...quiet, ...signals }, pageChars: stats?.chars ?? 0, bodyParagraphs: stats?.substantial ?? 0, byline: false, published: false, ...more }),
    ...rest,
  };
}

/** A story's signals: a slug of several words, share links, the author's page, a byline and a date. */
const story = { slugWords: 7, shareLinks: 4, authorLinks: 2 };
const storyCredits = { byline: true, published: true };
/** A company's page: a one-word address, a form, many buttons, no credits. */
const company = { slugWords: 1, inputs: 30, buttons: 60 };

describe('the model file', () => {
  test('lists the features weigh.ts computes, in its order, and splits on them only', () => {
    expect(MODEL_FEATURES).toEqual([...FEATURES]);
    for (const [feature, threshold, points] of MODEL.splits) {
      expect(feature).toBeGreaterThanOrEqual(0);
      expect(feature).toBeLessThan(FEATURES.length);
      expect(Number.isFinite(threshold) && Number.isFinite(points)).toBe(true);
    }
    expect(THRESHOLD).toBeGreaterThan(0);
    expect(THRESHOLD).toBeLessThan(1);
  });

  test('a feature vector has one number per feature; none without a body or page signals', () => {
    expect(modelFeatures(evidence({}), true)).toHaveLength(FEATURES.length);
    expect(modelFeatures(evidence(null), true)).toBeNull();
    expect(modelFeatures(evidence({}, { model: undefined }), true)).toBeNull();
    expect(articleProbability([])).toBeGreaterThan(0);
  });
});

describe('decide with the model', () => {
  test('weighs signals together: the same prose reads as a story or as a company page', () => {
    const asStory = decide(evidence({}, {}, story, storyCredits));
    expect(asStory).toEqual({ isArticle: true, reason: 'density', readable: true });
    // og:article on every page of its CMS: the rules take the company's page for a story.
    const companyPage = evidence({ chars: 900, substantial: 3, long: 1 }, { meta: 'og:article' }, company);
    expect(ruleDecision(companyPage)).toEqual({ isArticle: true, reason: 'og:article', readable: true });
    expect(decide(companyPage)).toEqual({ isArticle: false, reason: 'unlikely', readable: true });

  });

  test("finds a story among the rules' rejections, named by its strongest signal", () => {
    // A roundup: a headed block per pick, which the rules take for a listing.
    const roundup = { runs: 9, runShare: 0.2, headlines: 9, teasers: 0, chars: 4400, substantial: 10, long: 6 };
    const page = evidence(roundup, { meta: 'og:article', inArticleElement: true }, story, { byline: true });
    expect(ruleDecision(page).reason).toBe('listing');
    expect(decide(page)).toEqual({ isArticle: true, reason: 'og:article', readable: true });
  });

  test('agrees with the rules where every signal does', () => {
    const teasers = { runs: 24, runShare: 0.05, headlines: 24, teasers: 24, chars: 3000, substantial: 4, long: 0 };
    expect(decide(evidence(teasers, {}, { nextPage: true, articles: 24, slugWords: 1 }))).toEqual(ruleDecision(evidence(teasers)));
    expect(decide(evidence({}, { meta: 'jsonld:NewsArticle' }, story, storyCredits)).reason).toBe('jsonld:NewsArticle');
  });

  test('never judges a page that declares another kind, or has no text', () => {
    const product = evidence({}, { otherType: 'jsonld:Product' }, story, storyCredits);
    expect(settled(product)).toBe(true);
    expect(decide(product)).toEqual(ruleDecision(product));
    expect(decide(product).isArticle).toBe(false);
    const docs = evidence({}, { address: 'documentation', meta: 'og:article' }, story, storyCredits);
    expect(decide(docs)).toEqual({ isArticle: false, reason: 'documentation', readable: true });
    expect(decide(evidence(null, {}, story, storyCredits)).reason).toBe('no-text');
    // A news type vouches for a story under such an address: the model judges it like any other.
    expect(settled(evidence({}, { address: 'documentation', meta: 'jsonld:BlogPosting' }))).toBe(false);
  });

  test('reads page signals only for pages it judges', () => {
    let read = 0;
    const counted = (e: Evidence): Evidence => ({ ...e, model: () => (read++, e.model!()) });
    decide(counted(evidence({}, { otherType: 'jsonld:Product' })));
    decide(counted(evidence(null)));
    expect(read).toBe(0);
    decide(counted(evidence({}, {}, story, storyCredits)));
    expect(read).toBe(1);
  });
});
