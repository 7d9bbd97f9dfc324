import { afterEach, describe, expect, test } from 'vitest';
import { browserSelectorCheck, parseRules } from '../../../lib/overlays';
import { isHidden, makePage, modal, sleep, start, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

const rules = (text: string) => parseRules(text, browserSelectorCheck(document)).rules;

describe('site rules in the guard', () => {
  test('a ## rule hides a matching element the heuristics would leave (in flow, no wall words), also when it arrives later', async () => {
    page = await makePage();
    const p = page;
    const promo = p.add('<div class="promo-strip" style="background:#ffd;padding:20px">Get our app</div>');
    run = start(p, { rules: rules('news.example##.promo-strip'), host: 'www.news.example' });
    expect(isHidden(p, promo)).toBe(true);
    expect(run.guard.hidden()).toEqual([{ label: 'Overlay (site rule)', elements: [promo] }]);
    const again = p.add('<div class="promo-strip">Get our app</div>');
    await sleep(120);
    expect(isHidden(p, again)).toBe(true);
  });

  test('rules for other sites are ignored', async () => {
    page = await makePage();
    const p = page;
    const promo = p.add('<div class="promo-strip">Get our app</div>');
    run = start(p, { rules: rules('other.example##.promo-strip'), host: 'news.example' });
    expect(isHidden(p, promo)).toBe(false);
  });

  test('a rule never hides the article text or a consent dialog', async () => {
    page = await makePage();
    const p = page;
    const consent = p.add('<div class="popup" style="position:fixed;bottom:0;left:0;right:0;height:120px;background:#fff;z-index:9">We use cookies. Accept all</div>');
    run = start(p, { rules: rules('##article\n##main\n##.popup'), host: 'news.example' });
    expect(isHidden(p, p.article)).toBe(false);
    expect(isHidden(p, p.doc.querySelector('main') as Element)).toBe(false);
    expect(isHidden(p, consent)).toBe(false);
  });

  test('a #@# rule keeps an element the heuristics would hide', async () => {
    page = await makePage();
    const p = page;
    const box = p.add(modal('<h2>Subscribe to continue reading</h2>').replace('class="modal"', 'class="modal house-ad"'));
    run = start(p, { rules: rules('news.example#@#.house-ad'), host: 'news.example' });
    await sleep(50);
    expect(isHidden(p, box)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });

  test('a rule-hidden wall with wall words gets the wall label, and shows again exactly', async () => {
    page = await makePage();
    const p = page;
    const box = p.add('<div class="gate" style="color:red">Subscribe today</div>');
    const before = box.getAttribute('style');
    run = start(p, { rules: rules('##.gate'), host: 'news.example' });
    expect(run.guard.hidden()[0]?.label).toBe('Subscription notice');
    run.guard.showAgain();
    expect(box.getAttribute('style')).toBe(before);
  });
});
