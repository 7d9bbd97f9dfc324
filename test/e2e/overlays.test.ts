/**
 * The overlay guard of the BUILT extension, end to end in real Chromium (playwright-core) and
 * real Firefox ESR (puppeteer-core over WebDriver BiDi), on the fixture pages in
 * test/fixtures/pages/overlays (original content; see the comment at the top of each page).
 *
 * Each case opens its page in a fresh tab (a window in Firefox: background tabs there throttle
 * timers and ignore the wheel) and checks what the reader would see: walls end up not shown,
 * scrolling works with a real mouse wheel, and the reader's own UI, consent dialogs and pages that
 * are not articles are left exactly as they were.
 *
 * Builds: `.output/<target>` as `npm test` builds them; set GLOSS_OUT_DIR to test a private build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchChromium, launchFirefox } from '../../scripts/lib/browsers.mjs';
import { serveStatic } from '../../scripts/lib/serve.mjs';
import { playwrightDriver, puppeteerDriver, type Driver } from './driver';

const OUT = process.env.GLOSS_OUT_DIR ?? '.output';
const VIEWPORT = { width: 1280, height: 720 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A page plus the two things Driver does not do: a real mouse wheel, and closing. */
interface Tab extends Driver {
  wheel(dy: number): Promise<void>;
}

interface Session {
  open(url: string): Promise<Tab>;
  close(): Promise<void>;
}

async function chromium(): Promise<Session> {
  const b = await launchChromium({ extensionDir: `${OUT}/chrome-mv3`, contextOptions: { viewport: VIEWPORT } });
  return {
    open: async (url) => {
      const page: PwPage = await b.context.newPage();
      const d = playwrightDriver(page);
      await d.goto(url);
      return Object.assign(d, {
        wheel: async (dy: number) => {
          await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
          await page.mouse.wheel(0, dy);
        },
      });
    },
    close: () => b.close(),
  };
}

async function firefox(): Promise<Session> {
  const ff = await launchFirefox({ extensionDir: `${OUT}/firefox-mv2` });
  return {
    open: async (url) => {
      const page: PpPage = await (ff.browser.newPage as (o?: { type: 'window' }) => Promise<PpPage>)({ type: 'window' });
      await page.setViewport(VIEWPORT);
      const d = puppeteerDriver(page);
      await d.goto(url);
      return Object.assign(d, {
        wheel: async (dy: number) => {
          await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
          await page.mouse.wheel({ deltaY: dy });
        },
      });
    },
    close: () => ff.close(),
  };
}

// ---------- in-page checks (serialised into the page: self-contained) ----------

/** Is the element the selector finds (optionally inside the shadow root of `host`) on screen? */
function onScreen({ sel, host }: { sel: string; host?: string }): boolean | null {
  const root: ParentNode | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
  const el = root?.querySelector(sel);
  if (!el) return null;
  if (!el.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width * r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
}

const exists = ({ sel }: { sel: string }) => !!document.querySelector(sel);

/** The element exists and is not on screen (onScreen's test, repeated: page functions can't share code). */
function gone({ sel, host }: { sel: string; host?: string }): boolean {
  const root: ParentNode | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
  const el = root?.querySelector(sel);
  if (!el) return false;
  if (!el.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
  const r = el.getBoundingClientRect();
  return !(r.width * r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight);
}

/** Waits until every selector matches an element that is not on screen. */
async function expectHidden(tab: Tab, ...sels: string[]): Promise<void> {
  for (const sel of sels) await tab.waitFor(`${sel} hidden`, gone, { sel }, 6000);
}

/** Every selector matches an element that is on screen, now. */
async function expectShown(tab: Tab, ...sels: string[]): Promise<void> {
  for (const sel of sels) expect(await tab.evaluate(onScreen, { sel }), `${sel} shown`).toBe(true);
}

/** A real wheel turn moves the page. */
async function expectScrolls(tab: Tab): Promise<void> {
  const y0 = await tab.evaluate(() => scrollY, null);
  await tab.wheel(600);
  await tab.waitFor('the wheel to scroll the page', (y: number) => scrollY > y, y0, 3000);
}

// ---------- the cases, run in both browsers ----------

const browsers: Array<[string, () => Promise<Session>]> = [['Chromium', chromium], ['Firefox', firefox]];

describe.each(browsers)('%s: the overlay guard on fixture pages', (_name, launch) => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let session: Session;
  const tabs: Tab[] = [];
  const open = async (page: string): Promise<Tab> => {
    const tab = await session.open(server.url(`/overlays/${page}`));
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    server = await serveStatic({ '/overlays/': 'test/fixtures/pages/overlays' });
    session = await launch();
  });
  afterAll(async () => {
    for (const t of tabs) await t.close().catch(() => {});
    await session?.close();
    await server?.close();
  });

  it('hides a wall that arrives 2.5 s after load, with its backdrop, and undoes the lock class', async () => {
    const tab = await open('late.html');
    await tab.waitFor('the late wall to arrive', exists, { sel: '#late-box' }, 8000);
    await expectHidden(tab, '#late-box', '#late-shade');
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a newsletter modal over a product tour (prose that is not an article), and its sections stay', async () => {
    const tab = await open('tour.html');
    await tab.waitFor('the modal to arrive', exists, { sel: '#tour-modal' }, 5000);
    await expectHidden(tab, '#tour-modal', '#tour-shade');
    await expectScrolls(tab);
    await tab.evaluate(() => document.querySelector('main h1')?.scrollIntoView({ block: 'center' }), null);
    await expectShown(tab, 'main h1', 'main .feature p');
    await tab.close();
  });

  it('hides a notice again each time the page brings it back (restyled, replaced, re-added)', async () => {
    const tab = await open('comeback.html');
    await tab.waitFor('all comebacks', () => (window as unknown as { __steps?: string[] }).__steps?.length === 4, null, 8000);
    await sleep(300);
    await expectHidden(tab, '#sheet-1', '#sheet-2');
    await expectScrolls(tab);
    await tab.close();
  });

  it('stops after a bounded number of rounds when the page fights back (the page wins)', async () => {
    const tab = await open('fightback.html');
    await tab.waitFor('the wall', exists, { sel: '#fight-box' }, 5000);
    await sleep(5000);
    const reshows = () => tab.evaluate(() => (window as unknown as { __reshows: number }).__reshows, null);
    const settled = await reshows();
    expect(settled).toBeGreaterThanOrEqual(1);
    expect(settled).toBeLessThanOrEqual(12);
    await sleep(1500);
    expect(await reshows()).toBe(settled);
    await tab.close();
  });

  it('hides a sheet in an open shadow root and undoes the lock on <html>', async () => {
    const tab = await open('shadow.html');
    await tab.waitFor('the sheet hidden', gone, { host: '#shadow-host', sel: '.s' }, 6000);
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a wall drawn inside an iframe', async () => {
    const tab = await open('iframe.html');
    await tab.waitFor('the frame', exists, { sel: '#wall-frame' }, 5000);
    await expectHidden(tab, '#wall-frame');
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a split backdrop + box and puts the reader back where the fixed body held them', async () => {
    const tab = await open('split.html');
    await tab.evaluate(() => scrollTo({ top: 900, behavior: 'instant' }), null);
    await tab.waitFor('the box', exists, { sel: '#split-box' }, 6000);
    await expectHidden(tab, '#split-box', '#split-shade');
    await tab.waitFor('the reader back at 900 px', () => Math.abs(scrollY - 900) <= 2, null, 3000);
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a wall with no words by its shape (dim backdrop, box on top, right after load)', async () => {
    const tab = await open('shape.html');
    await tab.waitFor('the box', exists, { sel: '#shape-box' }, 5000);
    await expectHidden(tab, '#shape-box', '#shape-shade');
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a wall that a stylesheet rule reveals without any DOM mutation, and undoes its lock', async () => {
    const tab = await open('reveal.html');
    await tab.waitFor('the rule', () => (window as unknown as { __revealed?: boolean }).__revealed === true, null, 6000);
    await expectHidden(tab, '#reveal-box', '#reveal-shade');
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides a sheet appended to a bare page whose <body> is the article, and undoes its fixed-body lock', async () => {
    const tab = await open('bare.html');
    await tab.waitFor('the sheet', exists, { sel: '#bare-sheet' }, 5000);
    await expectHidden(tab, '#bare-sheet', '#bare-shade');
    await expectShown(tab, 'h1', 'body > p');
    await expectScrolls(tab);
    await tab.close();
  });

  it('hides an opaque curtain with a button in a language without a word list (shape only)', async () => {
    const tab = await open('curtain.html');
    await tab.waitFor('the curtain', exists, { sel: '#curtain' }, 5000);
    await expectHidden(tab, '#curtain');
    await expectScrolls(tab);
    await tab.close();
  });

  it.each(['es', 'fr', 'de', 'pt', 'it'])('hides a wall written in %s', async (lang) => {
    const tab = await open(`languages.html?l=${lang}`);
    await tab.waitFor('the wall', exists, { sel: '#wall' }, 5000);
    await expectHidden(tab, '#wall');
    await expectScrolls(tab);
    await tab.close();
  });

  it('leaves a cookie consent dialog and its backdrop alone while hiding a newsletter modal', async () => {
    const tab = await open('consent.html');
    await tab.waitFor('the newsletter modal', exists, { sel: '#nl-box' }, 5000);
    await expectHidden(tab, '#nl-box');
    await expectShown(tab, '#consent', '#consent-shade');
    await tab.close();
  });

  it('leaves a dialog the reader opened with a click, and its scroll lock', async () => {
    const tab = await open('reader-dialog.html');
    await sleep(1000); // the guard is running well before the reader clicks
    await tab.click('#open-sign-in');
    await tab.waitFor('the dialog', exists, { sel: '#signin-dialog' }, 5000);
    await sleep(1500);
    await expectShown(tab, '#signin-dialog', '#signin-shade');
    expect(await tab.evaluate(() => getComputedStyle(document.body).overflowY, null)).toBe('hidden');
    await tab.close();
  });

  it('keeps the fixed navigation, a chat launcher and a video player while hiding a metering banner', async () => {
    const tab = await open('keep.html');
    await tab.waitFor('the banner', exists, { sel: '#meter' }, 5000);
    await expectHidden(tab, '#meter');
    await expectShown(tab, '#sticky-nav', '#chat', '#player');
    await tab.close();
  });

  it('never un-blurs a gated article: the banner goes, the blur and the in-flow prompt stay', async () => {
    const tab = await open('gate-blur.html');
    await tab.waitFor('the banner', exists, { sel: '#gate-banner' }, 5000);
    await expectHidden(tab, '#gate-banner');
    const filter = await tab.evaluate(() => getComputedStyle(document.querySelectorAll('.story-body p')[5] as Element).filter, null);
    expect(filter).toContain('blur');
    await tab.evaluate(() => document.getElementById('gate-prompt')?.scrollIntoView({ block: 'center' }), null);
    await expectShown(tab, '#gate-prompt');
    await tab.close();
  });

  describe('pages that are not articles (and not prose): nothing is hidden, no lock is undone', () => {
    it.each([
      ['home.html', ['#home-modal', '#home-shade'], null],
      ['listing.html', ['#listing-sheet', '#signup-bar'], 'body'],
      ['product.html', ['#shop-modal', '#shop-shade'], 'html'],
      ['forum.html', ['#forum-modal', '#forum-shade'], 'html'],
    ] as const)('%s', async (page, sels, locked) => {
      const tab = await open(page);
      await tab.waitFor('the modal', exists, { sel: sels[0] }, 5000);
      await sleep(2000);
      await expectShown(tab, ...sels);
      if (locked) {
        const overflow = await tab.evaluate((which) => getComputedStyle(which === 'html' ? document.documentElement : document.body).overflowY, locked);
        expect(overflow).toBe('hidden');
      }
      await tab.close();
    });
  });
});
