/**
 * End to end in real Firefox ESR (Debian `firefox-esr`, puppeteer-core over WebDriver BiDi): the
 * built MV2 extension installed as a temporary add-on, on the seed article and a non-article
 * page, with the panel opened as a tab for that page and the real sidebar toggled from an
 * extension-page click. (A temporary add-on does not survive a restart; the restart check runs
 * in Chromium.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from '../../scripts/lib/browsers.mjs';
import { serveStatic } from '../../scripts/lib/serve.mjs';
import { puppeteerDriver, type Driver } from './driver';
import * as s from './scenarios';

const EXTENSION = '.output/firefox-mv2';
let server: Awaited<ReturnType<typeof serveStatic>>;
let ff: Awaited<ReturnType<typeof launchFirefox>>;

const open = async (url: string): Promise<Driver> => {
  const d = puppeteerDriver(await ff.browser.newPage());
  await d.goto(url);
  return d;
};
const panelFor = async (urlPart: string) => {
  const panel = await open(ff.extensionUrl('sidepanel.html'));
  const tabId = await s.findTabId(panel, urlPart);
  await panel.goto(ff.extensionUrl(`sidepanel.html?tab=${tabId}`));
  // The panel reopens where the reader left it; these tests start from its page screen.
  await s.toPageScreen(panel);
  return panel;
};

beforeAll(async () => {
  server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
  ff = await launchFirefox({ extensionDir: EXTENSION });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox: the seed article', () => {
  let page: Driver;
  let panel: Driver;
  beforeAll(async () => {
    page = await open(server.url(s.SEED));
    panel = await panelFor(s.SEED);
  });

  it('hides the shared-account notice and gives scrolling back', async () => {
    await s.expectSeedOverlayHiddenAndScrollable(page);
  });

  it('shows title, site, "1 overlay hidden" and lists narco-terrorism with its count', async () => {
    await s.waitForPanelText(panel, 'The White House continues to press for military intervention');
    await s.waitForPanelText(panel, '1 overlay hidden');
    await s.loadStarterNotes(panel);
    await s.expectTermListed(panel, page);
  });

  it('edits a note; the change survives reloading the panel', async () => {
    const body = `Edited in Firefox at ${Date.now()}`;
    await s.editNoteBody(panel, 'narco-terrorism', body);
    await s.reloadPanel(panel);
    expect(await s.readNoteBody(panel, 'narco-terrorism')).toBe(body);
  });

  it('refuses an empty title with an inline error and writes nothing', async () => {
    await s.reloadPanel(panel);
    await s.expectEmptyTitleRefused(panel, 'narco-terrorism');
  });

  it('Show again restores exactly what was hidden', async () => {
    await s.reloadPanel(panel);
    await s.expectShowAgainRestores(panel, page);
  });

  it("\"Don't hide overlays on this site\" restores the notice and persists across a reload", async () => {
    await s.expectSiteSwitchPersists(panel, page);
  });

  it('toggles the real sidebar open and closed from an extension-page click', async () => {
    const isOpen = () =>
      panel.evaluate(() => (globalThis as unknown as { browser: { sidebarAction: { isOpen(d: object): Promise<boolean> } } }).browser.sidebarAction.isOpen({}), null);
    expect(await isOpen()).toBe(false);
    await panel.click('[data-testid=toggle-panel]');
    await expect.poll(isOpen, { timeout: 10_000 }).toBe(true);
    await panel.click('[data-testid=toggle-panel]');
    await expect.poll(isOpen, { timeout: 10_000 }).toBe(false);
  });

  it('a click on a highlighted mention opens its note in the open panel; Next/Previous step through the mentions', async () => {
    // Firefox refuses to open the sidebar from a page click (no user input across messaging):
    // the panel already showing the tab opens the note, otherwise the page shows a hint.
    await s.expectMentionClickAndStepping(panel, page);
  });

  it('export (JSON and .zip), delete all, import: the same notes; All notes finds one by a fuzzy prefix', async () => {
    await s.expectExportDeleteImportRoundTrip(panel);
  });

  it('"Add note for “…”" (the context-menu handler) creates a note that is then highlighted and listed', async () => {
    const tabId = await s.findTabId(panel, s.SEED);
    await s.expectAddNoteFromSelection(panel, page, () =>
      panel.evaluate(
        async ({ tabId, info }) => {
          // The MV2 background page, reached from an extension page of the same extension.
          type Api = { tabs: { get(id: number): Promise<object> }; extension: { getBackgroundPage(): { glossMenuClicked(i: object, t: object): void } } };
          const b = (globalThis as unknown as { browser: Api }).browser;
          b.extension.getBackgroundPage().glossMenuClicked(info, await b.tabs.get(tabId));
        },
        { tabId, info: s.menuClick('Caribbean', server.url(s.SEED)) },
      ),
    );
  });
});

describe('Firefox: a hostile page', () => {
  it('learns nothing of the notes, cannot make Gloss act, and a mutation flood stays bounded', async () => {
    const page = await open(server.url(s.HOSTILE));
    const panel = await panelFor(s.HOSTILE);
    await s.loadStarterNotes(panel);
    await s.expectHostilePageLearnsNothing(panel, page);
  });
});

describe('Firefox: a page with 100,000 elements', () => {
  it('finds the article and its mentions and leaves the page responsive', async () => {
    const page = await open(server.url(s.HUGE));
    const panel = await panelFor(s.HUGE);
    await s.loadStarterNotes(panel);
    await s.expectHugePageBounded(panel, page);
  });
});

describe('Firefox: an infinite-scroll page', () => {
  it('keeps adding stories below the article: the page stays on time and Gloss stays with the article', async () => {
    const page = await open(server.url(s.INFINITE));
    const panel = await panelFor(s.INFINITE);
    await s.loadStarterNotes(panel);
    await s.expectInfiniteScrollBounded(panel, page);
  }, 120_000);
});

describe('Firefox: a single-page app', () => {
  it('follows a pushState navigation to a new article', async () => {
    const page = await open(server.url(s.SPA));
    const panel = await panelFor(s.SPA);
    await s.loadStarterNotes(panel);
    await s.expectSpaNavigationFollowed(panel, page);
  });
});

describe('Firefox: a page that is not an article', () => {
  it('says so in the panel and leaves the page untouched', async () => {
    const page = await open(server.url(s.NON_ARTICLE));
    const panel = await panelFor(s.NON_ARTICLE);
    await s.expectNonArticleUntouched(panel, page);
  });
});

describe('Firefox: the panel follows tab switches', () => {
  it('shows the state of whichever tab is active in its window', async () => {
    const panel = await open(ff.extensionUrl('sidepanel.html'));
    await s.toPageScreen(panel);
    const article = await ff.browser.newPage();
    await article.goto(server.url(s.SEED));
    const other = await ff.browser.newPage();
    await other.goto(server.url(s.NON_ARTICLE));
    await s.expectPanelFollowsTabs(
      panel,
      () => article.bringToFront(),
      () => other.bringToFront(),
    );
  });
});
