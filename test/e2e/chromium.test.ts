/**
 * End to end in real Chromium (Debian `chromium`, playwright-core): the built MV3 extension on
 * the seed article and a non-article page, the panel opened as a tab for that page
 * (`sidepanel.html?tab=ID`), the real side panel toggled from an extension-page click, and notes
 * surviving a browser restart with a persistent profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browsers.mjs';
import { serveStatic } from '../../scripts/lib/serve.mjs';
import { playwrightDriver, type Driver } from './driver';
import * as s from './scenarios';

const EXTENSION = '.output/chrome-mv3';
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
});
afterAll(() => server?.close());

async function session(userDataDir?: string) {
  const browser = await launchChromium({ extensionDir: EXTENSION, userDataDir });
  const open = async (url: string): Promise<Driver> => {
    const d = playwrightDriver(await browser.context.newPage());
    await d.goto(url);
    return d;
  };
  /** The panel as a tab, for the tab showing `urlPart`. */
  const panelFor = async (urlPart: string) => {
    const panel = await open(browser.extensionUrl('sidepanel.html'));
    const tabId = await s.findTabId(panel, urlPart);
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
    // The panel reopens where the reader left it; these tests start from its page screen.
    await s.toPageScreen(panel);
    return { panel, tabId };
  };
  return { browser, open, panelFor };
}

describe('Chromium: the seed article', () => {
  let ctx: Awaited<ReturnType<typeof session>>;
  let page: Driver;
  let panel: Driver;
  beforeAll(async () => {
    ctx = await session();
    page = await ctx.open(server.url(s.SEED));
    ({ panel } = await ctx.panelFor(s.SEED));
  });
  afterAll(() => ctx?.browser.close());

  it('hides the shared-account notice and gives scrolling back', async () => {
    await s.expectSeedOverlayHiddenAndScrollable(page);
  });

  it('shows title, site, "1 overlay hidden" and lists narco-terrorism with its count', async () => {
    await s.waitForPanelText(panel, 'The White House continues to press for military intervention');
    await s.waitForPanelText(panel, 'EL PAÍS');
    await s.waitForPanelText(panel, '1 overlay hidden');
    await s.loadStarterNotes(panel);
    await s.expectTermListed(panel, page);
  });

  it('edits a note; the change survives reloading the panel', async () => {
    const body = `Edited in Chromium at ${Date.now()}`;
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

  it('toggles the real side panel open and closed from an extension-page click', async () => {
    // Open side panels, as Chrome itself counts them (runtime.getContexts, from the worker).
    const sidePanels = () =>
      ctx.browser.serviceWorker.evaluate(async () => {
        const rt = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome.runtime;
        return (await rt.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
      });
    expect(await sidePanels()).toBe(0);
    await panel.click('[data-testid=toggle-panel]');
    await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
    await panel.click('[data-testid=toggle-panel]');
    await expect.poll(sidePanels, { timeout: 10_000 }).toBe(0);
  });

  it('a click on a highlighted mention opens the real side panel on its note; Next/Previous step through the mentions', async () => {
    const sidePanels = () =>
      ctx.browser.serviceWorker.evaluate(async () => {
        const rt = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).chrome.runtime;
        return (await rt.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
      });
    expect(await sidePanels()).toBe(0);
    await s.expectMentionClickAndStepping(panel, page);
    // The page click's user activation carried through the message: Chrome opened its panel.
    expect(await sidePanels()).toBe(1);
  });

  it('export (JSON and .zip), delete all, import: the same notes; All notes finds one by a fuzzy prefix', async () => {
    await s.expectExportDeleteImportRoundTrip(panel);
  });

  it('"Add note for “…”" (the context-menu handler) creates a note that is then highlighted and listed', async () => {
    const tabId = await s.findTabId(panel, s.SEED);
    await s.expectAddNoteFromSelection(panel, page, () =>
      ctx.browser.serviceWorker.evaluate(
        async ({ tabId, info }) => {
          type Api = { tabs: { get(id: number): Promise<object> } };
          const g = globalThis as unknown as { chrome: Api; glossMenuClicked(info: object, tab: object): void };
          g.glossMenuClicked(info, await g.chrome.tabs.get(tabId));
        },
        { tabId, info: s.menuClick('Caribbean', server.url(s.SEED)) },
      ),
    );
  });
});

describe('Chromium: a hostile page', () => {
  it('learns nothing of the notes, cannot make Gloss act, and a mutation flood stays bounded', async () => {
    const ctx = await session();
    try {
      const page = await ctx.open(server.url(s.HOSTILE));
      const { panel } = await ctx.panelFor(s.HOSTILE);
      await s.loadStarterNotes(panel);
      await s.expectHostilePageLearnsNothing(panel, page);
    } finally {
      await ctx.browser.close();
    }
  });
});

describe('Chromium: a page with 100,000 elements', () => {
  it('finds the article and its mentions and leaves the page responsive', async () => {
    const ctx = await session();
    try {
      const page = await ctx.open(server.url(s.HUGE));
      const { panel } = await ctx.panelFor(s.HUGE);
      await s.loadStarterNotes(panel);
      await s.expectHugePageBounded(panel, page);
    } finally {
      await ctx.browser.close();
    }
  });
});

describe('Chromium: an infinite-scroll page', () => {
  it('keeps adding stories below the article: the page stays on time and Gloss stays with the article', async () => {
    const ctx = await session();
    try {
      const page = await ctx.open(server.url(s.INFINITE));
      const { panel } = await ctx.panelFor(s.INFINITE);
      await s.loadStarterNotes(panel);
      await s.expectInfiniteScrollBounded(panel, page);
    } finally {
      await ctx.browser.close();
    }
  }, 120_000);
});

describe('Chromium: a single-page app', () => {
  it('follows pushState navigations to new articles, and 50 of them leave no growing heap', async () => {
    const ctx = await session();
    try {
      const page = await ctx.open(server.url(s.SPA));
      const { panel } = await ctx.panelFor(s.SPA);
      await s.loadStarterNotes(panel);
      await s.expectSpaNavigationFollowed(panel, page);

      // Heap of the page's isolate (the content script's isolated world lives in it), after a
      // full garbage collection, early and after 50 navigations each given time to restart Gloss.
      const raw = ctx.browser.context.pages().find((p) => p.url().includes('spa.html'))!;
      const cdp = await ctx.browser.context.newCDPSession(raw);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      for (let n = 3; n < 8; n++) {
        await s.spaGo(page, n);
        await new Promise((r) => setTimeout(r, 700));
      }
      const early = await heap();
      for (let n = 8; n < 53; n++) {
        await s.spaGo(page, n);
        await new Promise((r) => setTimeout(r, 700));
      }
      await s.waitForPanelText(panel, '(52)');
      const late = await heap();
      console.log(`SPA heap after 5 navigations: ${early} bytes; after 50: ${late} bytes`);
      expect(late - early, `heap grew from ${early} to ${late} bytes`).toBeLessThan(3 * 1024 * 1024);
    } finally {
      await ctx.browser.close();
    }
  }, 120_000);
});

describe('Chromium: a page that is not an article', () => {
  it('says so in the panel and leaves the page untouched', async () => {
    const ctx = await session();
    try {
      const page = await ctx.open(server.url(s.NON_ARTICLE));
      const { panel } = await ctx.panelFor(s.NON_ARTICLE);
      await s.expectNonArticleUntouched(panel, page);
    } finally {
      await ctx.browser.close();
    }
  });
});

describe('Chromium: the panel follows tab switches', () => {
  it('shows the state of whichever tab is active in its window', async () => {
    const ctx = await session();
    try {
      const panel = await ctx.open(ctx.browser.extensionUrl('sidepanel.html'));
      await s.toPageScreen(panel);
      const article = await ctx.browser.context.newPage();
      await article.goto(server.url(s.SEED));
      const other = await ctx.browser.context.newPage();
      await other.goto(server.url(s.NON_ARTICLE));
      await s.expectPanelFollowsTabs(
        panel,
        () => article.bringToFront(),
        () => other.bringToFront(),
      );
    } finally {
      await ctx.browser.close();
    }
  });
});

describe('Chromium: notes persist across a browser restart', () => {
  let profile: string;
  beforeAll(async () => {
    profile = await mkdtemp(path.join(tmpdir(), 'gloss-profile-'));
  });
  afterAll(() => rm(profile, { recursive: true, force: true }));

  it('keeps an edited note after closing and relaunching Chromium with the same profile', async () => {
    const body = `Written before a restart at ${Date.now()}`;
    const first = await session(profile);
    try {
      await first.open(server.url(s.SEED));
      const { panel } = await first.panelFor(s.SEED);
      await s.loadStarterNotes(panel);
      await s.editNoteBody(panel, 'narco-terrorism', body);
    } finally {
      await first.browser.close();
    }
    const second = await session(profile);
    try {
      await second.open(server.url(s.SEED));
      const { panel } = await second.panelFor(s.SEED);
      expect(await s.readNoteBody(panel, 'narco-terrorism')).toBe(body);
    } finally {
      await second.browser.close();
    }
  });
});
