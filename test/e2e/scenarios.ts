/**
 * The walking-skeleton checks a reader would make, written once against `Driver` and run in
 * real Chromium (chromium.test.ts) and real Firefox ESR (firefox.test.ts).
 */
import { expect } from 'vitest';
import type { Driver } from './driver';

/** Served paths (see server mounts in the test files). */
export const SEED = '/index.html';
export const NON_ARTICLE = '/fixtures/non-article.html';

const SHARED_ACCOUNT_BOX = '#ctn_freemium_device';

/** The seed page: the shared-account notice appears after load, Gloss hides it, scrolling works. */
export async function expectSeedOverlayHiddenAndScrollable(page: Driver): Promise<void> {
  await page.waitFor(
    'the shared-account notice to be added by the site and hidden by Gloss',
    (sel) => {
      const box = document.querySelector(sel);
      return !!box && !box.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    },
    SHARED_ACCOUNT_BOX,
  );
  const scrolled = await page.evaluate(async () => {
    window.scrollTo(0, 1500);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return { y: window.scrollY, bodyPosition: getComputedStyle(document.body).position };
  }, null);
  expect(scrolled.bodyPosition).not.toBe('fixed');
  expect(scrolled.y).toBeGreaterThan(1000);
}

/** How many highlighted words on the page read like `pattern` (what the reader sees marked). */
export function countHighlighted(page: Driver, pattern: string): Promise<number> {
  return page.evaluate((src) => {
    const h = CSS.highlights.get('gloss-term');
    if (!h) return 0;
    const re = new RegExp(src, 'i');
    return [...h].filter((r) => re.test(r.toString())).length;
  }, pattern);
}

/** The id of the tab showing `urlPart`, asked through Gloss's own panel message. */
export function findTabId(extensionPage: Driver, urlPart: string): Promise<number> {
  return extensionPage.evaluate(async (part) => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number }[]> };
      runtime: { sendMessage(m: unknown): Promise<unknown> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    for (let attempt = 0; attempt < 50; attempt++) {
      for (const tab of await api.tabs.query({})) {
        const reply = (await api.runtime.sendMessage({ type: 'panel:getTabState', tabId: tab.id })) as
          | { ok: true; state: { url: string } }
          | { ok: false };
        if (reply?.ok && reply.state.url.includes(part)) return tab.id!;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no tab with Gloss running on ${part}`);
  }, urlPart);
}

const textOf = (page: Driver, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);

/**
 * Back to the panel's page screen: the panel reopens where the reader left it (a note, the
 * editor, All notes), so a test that wants the page lists steps back first.
 */
export async function toPageScreen(panel: Driver): Promise<void> {
  const screen = () =>
    document.querySelector('[data-testid=note-count]') ? 'page' : document.querySelector('[data-testid=cancel-edit], [data-testid=back]') ? 'other' : null;
  for (let i = 0; i < 4; i++) {
    await panel.waitFor('the panel to show a screen', screen, null);
    if ((await panel.evaluate(screen, null)) === 'page') return;
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid=cancel-edit], [data-testid=back]')?.click(), null);
  }
}

/** Reloads the panel and steps back to its page screen. */
export async function reloadPanel(panel: Driver): Promise<void> {
  await panel.reload();
  await toPageScreen(panel);
}

/** Waits until the panel shows the text `text` somewhere. */
export function waitForPanelText(panel: Driver, text: string): Promise<void> {
  return panel.waitFor(`the panel to say "${text}"`, (t) => document.body.innerText.includes(t), text);
}

/** Loads the starter notes from the panel unless notes are already there. */
export async function loadStarterNotes(panel: Driver): Promise<void> {
  await panel.waitFor('the note count', () => /\d/.test(document.querySelector('[data-testid=note-count]')?.textContent ?? ''), null);
  if ((await textOf(panel, '[data-testid=note-count]'))?.startsWith('0')) {
    await panel.click('[data-testid=load-starter]');
    await waitForPanelText(panel, 'Added 9 notes');
  }
}

/** "On this page" lists narco-terrorism with a count equal to the highlighted mentions. */
export async function expectTermListed(panel: Driver, page: Driver): Promise<number> {
  await panel.waitFor('narco-terrorism in "On this page"', () => !!document.querySelector('[data-term="narco-terrorism"]'), null);
  const count = Number(await textOf(panel, '[data-term="narco-terrorism"] .count'));
  expect(count).toBeGreaterThan(0);
  expect(await countHighlighted(page, 'narco-?terror')).toBe(count);
  // "Also mentioned": names without a note (Donald Trump), never one with a note.
  await panel.waitFor('Donald Trump under "Also mentioned"', () => !!document.querySelector('[data-suggestion="Donald Trump"]'), null);
  expect(await panel.evaluate(() => !!document.querySelector('[data-suggestion="Claudia Sheinbaum"]'), null)).toBe(false);
  return count;
}

/** Choose a term, Edit, change the body, Save; the note view shows the new text. */
export async function editNoteBody(panel: Driver, term: string, body: string): Promise<void> {
  await panel.click(`[data-term="${term}"]`);
  await panel.waitFor('the note view', () => !!document.querySelector('[data-testid=note-body]'), null);
  await panel.click('[data-testid=edit-note]');
  await panel.fill('#note-body-input', body);
  await panel.click('[data-testid=save-note]');
  await panel.waitFor('the saved note', (b) => document.querySelector('[data-testid=note-body]')?.textContent === b, body);
}

/** Opens the note for `term` and returns its body text. */
export async function readNoteBody(panel: Driver, term: string): Promise<string | null> {
  await toPageScreen(panel);
  await panel.waitFor(`${term} in the list`, (t) => !!document.querySelector(`[data-term="${t}"]`), term);
  await panel.click(`[data-term="${term}"]`);
  await panel.waitFor('the note view', () => !!document.querySelector('[data-testid=note-body]'), null);
  return textOf(panel, '[data-testid=note-body]');
}

/** An empty title shows an inline error and writes nothing. */
export async function expectEmptyTitleRefused(panel: Driver, term: string): Promise<void> {
  await panel.click(`[data-term="${term}"]`);
  await panel.click('[data-testid=edit-note]');
  await panel.fill('#note-title-input', '');
  await panel.click('[data-testid=save-note]');
  await waitForPanelText(panel, 'The title cannot be empty.');
  expect(await panel.evaluate(() => document.querySelector('#note-title-input')?.getAttribute('aria-invalid'), null)).toBe('true');
  await panel.click('[data-testid=cancel-edit]');
  await reloadPanel(panel);
  await panel.waitFor('the unchanged term', (t) => !!document.querySelector(`[data-term="${t}"]`), term);
}

/** Show again restores the notice exactly, and the panel says so. */
export async function expectShowAgainRestores(panel: Driver, page: Driver): Promise<void> {
  await waitForPanelText(panel, '1 overlay hidden');
  await panel.click('[data-testid=show-again]');
  await panel.waitFor('the panel to confirm', () => !!document.querySelector('[data-testid=shown-again]'), null);
  await page.waitFor(
    'the notice to be visible again',
    (sel) => !!document.querySelector(sel)?.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    SHARED_ACCOUNT_BOX,
  );
}

/** A page that is not an article: the panel says so, and the page is exactly as the site made it. */
export async function expectNonArticleUntouched(panel: Driver, page: Driver): Promise<void> {
  await panel.waitFor('the not-an-article notice', () => !!document.querySelector('[data-testid=not-article]'), null);
  const state = await page.evaluate(
    () => ({
      promoVisible: !!document.querySelector('#promo-bar')?.checkVisibility(),
      htmlStyle: document.documentElement.getAttribute('style'),
      bodyStyle: document.body.getAttribute('style'),
      styledElements: document.querySelectorAll('[style]').length,
      highlights: CSS.highlights.size,
    }),
    null,
  );
  expect(state).toEqual({ promoVisible: true, htmlStyle: null, bodyStyle: null, styledElements: 0, highlights: 0 });
}

/**
 * The panel in follow mode (no `?tab=`) tracks the active tab through real tab switches. It runs
 * here as a background tab of the same window, which receives the same tab events as the side
 * panel does.
 */
export async function expectPanelFollowsTabs(
  panel: Driver,
  activateArticle: () => Promise<void>,
  activateNonArticle: () => Promise<void>,
): Promise<void> {
  await activateArticle();
  await waitForPanelText(panel, 'The White House continues to press for military intervention');
  await activateNonArticle();
  await panel.waitFor('the not-an-article notice after switching tabs', () => !!document.querySelector('[data-testid=not-article]'), null);
  await activateArticle();
  await waitForPanelText(panel, '1 overlay hidden');
}

const noticeVisible = (sel: string) => !!document.querySelector(sel)?.checkVisibility({ visibilityProperty: true, opacityProperty: true });

/**
 * "Don't hide overlays on <site>": restores the notice at once, stays off after a reload, and
 * switching it back on hides the notice again.
 */
export async function expectSiteSwitchPersists(panel: Driver, page: Driver): Promise<void> {
  await page.reload();
  await expectSeedOverlayHiddenAndScrollable(page);
  await reloadPanel(panel);
  await waitForPanelText(panel, '1 overlay hidden');
  await panel.click('[data-testid=site-no-overlays]');
  await page.waitFor('the notice to be shown again when the site is switched off', noticeVisible, SHARED_ACCOUNT_BOX);
  await panel.waitFor('the panel to say hiding is off', () => !!document.querySelector('[data-testid=overlays-off]'), null);

  await page.reload();
  // The site adds its notice ~1.2 s after load; give Gloss ample time to (wrongly) hide it.
  await page.waitFor('the notice to come back after the reload', noticeVisible, SHARED_ACCOUNT_BOX);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await page.evaluate(noticeVisible, SHARED_ACCOUNT_BOX)).toBe(true);
  await panel.waitFor('the panel to still say hiding is off', () => !!document.querySelector('[data-testid=overlays-off]'), null);

  await panel.click('[data-testid=site-no-overlays]');
  await page.waitFor(
    'the notice to be hidden again once the switch is cleared',
    (sel) => !document.querySelector(sel)?.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    SHARED_ACCOUNT_BOX,
  );
}

/**
 * Clicking a highlighted mention on the page (a real mouse click) opens its note in the panel
 * showing that tab; the panel's Next / Previous scroll the page to each mention and flash it.
 */
export async function expectMentionClickAndStepping(panel: Driver, page: Driver): Promise<void> {
  await reloadPanel(panel);
  await panel.waitFor('narco-terrorism in "On this page"', () => !!document.querySelector('[data-term="narco-terrorism"]'), null);
  const count = Number(await textOf(panel, '[data-term="narco-terrorism"] .count'));
  const point = await page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('gloss-term') ?? [])] as Range[];
    const r = ranges.find((x) => /narco-?terror/i.test(x.toString()) && !x.startContainer.parentElement?.closest('a'));
    if (!r) return null;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, null);
  expect(point, 'a highlighted mention of narco-terrorism outside links').not.toBeNull();
  await page.clickAt(point!.x, point!.y);
  await panel.waitFor('the note clicked on the page', () => /narco/i.test(document.querySelector('#note-title')?.textContent ?? ''), null);

  await page.evaluate(() => window.scrollTo(0, 0), null);
  await panel.click('[data-testid=next-mention]');
  await panel.waitFor('"Mention 1 of N"', (n) => document.querySelector('[data-testid=mention-position]')?.textContent === `Mention 1 of ${n}`, count);
  // The page scrolled a mention of the term into view (it also flashes for a moment, which a
  // loaded machine's polling can miss, so the view is what is checked).
  await page.waitFor(
    'the page to scroll the first mention into view',
    () =>
      scrollY > 0 &&
      [...((CSS.highlights.get('gloss-term') ?? []) as unknown as Iterable<Range>)].some((r) => {
        const top = r.getBoundingClientRect().top;
        return /narco-?terror/i.test(r.toString()) && top >= 0 && top <= innerHeight;
      }),
    null,
  );
  await panel.click('[data-testid=prev-mention]');
  await panel.waitFor('Previous to wrap to the last mention', (n) => document.querySelector('[data-testid=mention-position]')?.textContent === `Mention ${n} of ${n}`, count);
}

/** The context menu's click data for "Add note for “…”" on `text` (what the browser would pass). */
export const menuClick = (text: string, pageUrl: string) => ({ menuItemId: 'gloss-add-note', selectionText: text, pageUrl });

/**
 * "Add note for “Caribbean”" from the context menu (its real handler, called by `trigger` from
 * the extension's own context: headless browsers cannot open native menus) opens the editor with
 * the selection as title and the page as source; saved, the term is highlighted on the page and
 * listed under "On this page" with the right count.
 */
export async function expectAddNoteFromSelection(panel: Driver, page: Driver, trigger: () => Promise<void>): Promise<void> {
  await reloadPanel(panel);
  await panel.waitFor('the panel', () => !!document.querySelector('[data-testid=note-count]'), null);
  await trigger();
  await panel.waitFor('the editor prefilled with the selection', () => document.querySelector<HTMLInputElement>('#note-title-input')?.value === 'Caribbean', null);
  const source = await panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('#note-sources-input')?.value ?? '', null);
  expect(source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/);
  await panel.click('[data-testid=save-note]');
  await panel.waitFor('the saved note', () => document.querySelector('#note-title')?.textContent === 'Caribbean', null);
  await panel.click('[data-testid=back]');
  await panel.waitFor('Caribbean in "On this page"', () => !!document.querySelector('[data-term="Caribbean"]'), null);
  const listed = Number(await textOf(panel, '[data-term="Caribbean"] .count'));
  const onPage = await page.evaluate(() => (document.body.innerText.match(/Caribbean/g) ?? []).length, null);
  expect(listed).toBe(onPage);
  await page.waitFor('Caribbean highlighted on the page', (n) => [...(CSS.highlights.get('gloss-term') ?? [])].filter((r) => /Caribbean/.test(r.toString())).length === n, listed);

  // Edit: a new alias shows everywhere at once, highlighted on the page and counted in the panel.
  await panel.click('[data-term="Caribbean"]');
  await panel.click('[data-testid=edit-note]');
  await panel.fill('#note-aliases-input', 'Venezuela');
  await panel.click('[data-testid=save-note]');
  await panel.waitFor('the saved aliases', () => document.querySelector('.note .aliases')?.textContent?.includes('Venezuela'), null);
  const venezuela = await page.evaluate(() => (document.body.innerText.match(/Venezuela/g) ?? []).length, null);
  expect(venezuela).toBeGreaterThan(0);
  await page.waitFor('Venezuela highlighted too', (n) => [...(CSS.highlights.get('gloss-term') ?? [])].filter((r) => /Venezuela/.test(r.toString())).length === n, venezuela);
  await panel.click('[data-testid=back]');
  await panel.waitFor('the new count in "On this page"', (n) => document.querySelector('[data-term="Caribbean"] .count')?.textContent === String(n), listed + venezuela);
}

/** The notes as the panel's background lists them, with only what an export carries (no ids, no seen pages). */
function exportedFields(panel: Driver): Promise<unknown[]> {
  return panel.evaluate(async () => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const reply = (await (g.browser ?? g.chrome).runtime.sendMessage({ type: 'panel:listNotes' })) as { notes: Record<string, unknown>[] };
    return reply.notes
      .map(({ title, aliases, tags, sources, body, createdAt, updatedAt }) => ({ title, aliases, tags, sources, body, createdAt, updatedAt }))
      .sort((a, b) => String(a.title).localeCompare(String(b.title)));
  }, null);
}

/**
 * Clicks an export button and returns the file's bytes (base64). The test catches the blob the
 * panel hands to its download link (headless browsers keep downloads out of reach).
 */
async function exportFile(panel: Driver, button: string): Promise<string> {
  await panel.evaluate(() => {
    const w = window as unknown as { __exported?: Promise<string>; __origCreate?: typeof URL.createObjectURL };
    w.__origCreate ??= URL.createObjectURL;
    let done!: (b64: string) => void;
    w.__exported = new Promise((r) => (done = r));
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      void (blob as Blob).arrayBuffer().then((buf) => {
        let s = '';
        for (const byte of new Uint8Array(buf)) s += String.fromCharCode(byte);
        done(btoa(s));
      });
      return w.__origCreate!.call(URL, blob);
    };
  }, null);
  await panel.click(button);
  return panel.evaluate(() => (window as unknown as { __exported: Promise<string> }).__exported, null);
}

/** Chooses a file in the panel's Import input, as the file picker would. */
async function importFile(panel: Driver, name: string, base64: string): Promise<void> {
  await panel.evaluate(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, base64 },
  );
}

async function deleteAll(panel: Driver): Promise<void> {
  await panel.click('[data-testid=delete-all]');
  await panel.click('[data-testid=delete-all-yes]');
  await panel.waitFor('no notes left', () => document.querySelector('[data-testid=note-count]')?.textContent === '0 notes.', null);
}

/**
 * Export (JSON and Markdown .zip), delete all, import each back: the same notes, field for field
 * (ids and the pages they were seen on stay local by design). Then All notes finds one by a
 * fuzzy prefix.
 */
export async function expectExportDeleteImportRoundTrip(panel: Driver): Promise<void> {
  await toPageScreen(panel);
  await loadStarterNotes(panel);
  const before = await exportedFields(panel);
  expect(before.length).toBeGreaterThanOrEqual(8);
  const json = await exportFile(panel, '[data-testid=export-json]');
  const zip = await exportFile(panel, '[data-testid=export-zip]');

  for (const [name, data] of [['notes.json', json], ['notes.zip', zip]] as const) {
    await deleteAll(panel);
    expect(await exportedFields(panel)).toEqual([]);
    await importFile(panel, name, data);
    await waitForPanelText(panel, `Added ${before.length} notes`);
    expect(await exportedFields(panel), `after importing ${name}`).toEqual(before);
  }

  await panel.click('[data-testid=all-notes]');
  await panel.fill('[data-testid=library-search]', 'sheinb');
  await panel.waitFor('Claudia Sheinbaum found by "sheinb"', () => document.querySelector('[data-testid=library-list]')?.textContent?.includes('Claudia Sheinbaum'), null);
  await panel.click('[data-note="Claudia Sheinbaum"]');
  await panel.waitFor('her note', () => document.querySelector('#note-title')?.textContent === 'Claudia Sheinbaum', null);
  await toPageScreen(panel);
}

export const HOSTILE = '/fixtures/hostile.html';

interface Probe {
  messages: string[];
  newGlobals: string[];
  leaked: string[];
  extras: { tag: string; openShadow: boolean; html: string }[];
  drift: number;
}

/** What the hostile page's own script can find out (see test/fixtures/pages/hostile.html). */
function probe(page: Driver): Promise<Probe> {
  return page.evaluate(() => {
    const p = (window as unknown as { __glossProbe: { messages: string[]; globalsAtStart: string[]; drift: number } }).__glossProbe;
    const highlighted = [...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Iterable<Range>)].map((r) => r.toString()));
    const everything = `${document.documentElement.outerHTML}\n${highlighted.join('\n')}\n${document.documentElement.innerText}`;
    // Distinctive words of the starter notes' bodies (Karoline Leavitt, Sinaloa Cartel).
    const bodies = ['press secretary since January 2025', 'youngest person to hold', 'drug-trafficking organization based', 'El Mayo'];
    const extras = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
    return {
      messages: p.messages,
      // Puppeteer's own helpers (__ariaQuerySelector…, __puppeteer…) are the test driver's, not Gloss's.
      newGlobals: Object.getOwnPropertyNames(window).filter((k) => !p.globalsAtStart.includes(k) && k !== '__glossProbe' && !/^__(aria|puppeteer)/.test(k)),
      leaked: bodies.filter((b) => everything.includes(b)),
      extras: extras.map((e) => ({ tag: e.localName, openShadow: !!e.shadowRoot, html: e.outerHTML })),
      drift: p.drift,
    };
  }, null);
}

/**
 * A page's own script, watching for anything Gloss leaks and trying to make it act: it sees no
 * message, global or note text (hovering shows a title in a closed shadow root it cannot read);
 * forged messages and events change nothing; a flood of mutations leaves the page responsive
 * and Gloss catches up with the new mentions.
 */
export async function expectHostilePageLearnsNothing(panel: Driver, page: Driver): Promise<void> {
  const highlights = () => page.evaluate(() => CSS.highlights.get('gloss-term')?.size ?? 0, null);
  await page.waitFor('Gloss to highlight the hostile page', () => (CSS.highlights.get('gloss-term')?.size ?? 0) >= 5, null);
  const before = await highlights();

  const point = await page.evaluate(() => {
    const r = [...(CSS.highlights.get('gloss-term') as unknown as Iterable<Range>)].find((x) => /Leavitt/.test(x.toString()))!;
    const b = r.getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, null);
  await page.hoverAt(point.x, point.y);
  await page.waitFor('the tooltip to appear', () => document.documentElement.children.length > 2, null);
  const seen = await probe(page);
  expect(seen.messages, 'messages the page received').toEqual([]);
  expect(seen.newGlobals, 'globals added to the page').toEqual([]);
  expect(seen.leaked, 'note text the page could read').toEqual([]);
  expect(seen.extras.length).toBe(1);
  expect(seen.extras[0]!.openShadow, "the tooltip's shadow root is closed").toBe(false);
  expect(seen.extras[0]!.html).not.toMatch(/Leavitt|press secretary/);

  const count = () => panel.evaluate(() => document.querySelector('[data-testid=note-count]')?.textContent ?? '', null);
  const notesBefore = await count();
  await page.evaluate(() => {
    for (const type of ['panel:deleteAllNotes', 'panel:importNotes', 'panel:updateSettings', 'panel:saveNote', 'bg:runAnyway', 'content:openNote']) {
      const fake = { type, data: '{"format":"gloss-notes","version":2,"notes":[{"title":"Injected"}]}', global: { overlays: false }, note: { title: 'Injected', aliases: [], body: '' } };
      window.postMessage(fake, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: fake }));
      window.dispatchEvent(new CustomEvent(type, { detail: fake }));
      document.documentElement.setAttribute('data-gloss-command', type);
    }
  }, null);
  await new Promise((r) => setTimeout(r, 1000));
  await reloadPanel(panel);
  await panel.waitFor('the note count', () => /\d/.test(document.querySelector('[data-testid=note-count]')?.textContent ?? ''), null);
  expect(await count(), 'notes after forged messages').toBe(notesBefore);
  expect(await panel.evaluate(() => document.body.innerText.includes('Injected'), null)).toBe(false);

  // A flood: 50 paragraphs every 20 ms for 3 s, each with two noted names. In the visible tab:
  // Firefox throttles a background tab's timers to one a second whatever Gloss does, so the
  // drift counted so far (the page loaded behind the panel) is the browser's, not Gloss's:
  // bring the page forward, let its timer settle, and measure from the flood on.
  await page.front();
  await new Promise((r) => setTimeout(r, 300));
  await page.evaluate(() => ((window as unknown as { __glossProbe: { drift: number } }).__glossProbe.drift = 0), null);
  const added = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const story = document.getElementById('story')!;
        let n = 0;
        const timer = setInterval(() => {
          for (let i = 0; i < 50; i++) {
            const p = document.createElement('p');
            p.textContent = `Update ${n++}: Karoline Leavitt said the measures against the Sinaloa Cartel continue.`;
            story.append(p);
          }
        }, 20);
        setTimeout(() => {
          clearInterval(timer);
          resolve(n);
        }, 3000);
      }),
    null,
  );
  await page.waitFor('Gloss to catch up with the added mentions', (n) => (CSS.highlights.get('gloss-term')?.size ?? 0) >= n, before + 2 * added, 30_000);
  // The page's own 50 ms timer never ran half a second late: Gloss stayed out of its way.
  const { drift } = await probe(page);
  expect(drift, `the page's 50 ms timer ran up to ${drift} ms late`).toBeLessThan(500);
}

export const SPA = '/fixtures/spa.html';

/** Moves the single-page app to story `n` (its own pushState navigation). */
export function spaGo(page: Driver, n: number): Promise<void> {
  return page.evaluate((k) => (window as unknown as { __go(n: number): void }).__go(k), n);
}

/**
 * A single-page app moving to another article with history.pushState: Gloss looks again, the
 * panel shows the new article and its terms, and the old highlights are gone.
 */
export async function expectSpaNavigationFollowed(panel: Driver, page: Driver): Promise<void> {
  await waitForPanelText(panel, 'Harbour talks resume after a week of delays (1)');
  await panel.waitFor('Karoline Leavitt listed', () => !!document.querySelector('[data-term="Karoline Leavitt"]'), null);
  await spaGo(page, 2);
  await waitForPanelText(panel, 'Mexico City hosts a regional security summit (2)');
  await panel.waitFor('Claudia Sheinbaum listed', () => !!document.querySelector('[data-term="Claudia Sheinbaum"]'), null);
  await page.waitFor(
    'only the new article highlighted',
    () => {
      const texts = [...((CSS.highlights.get('gloss-term') ?? []) as unknown as Iterable<Range>)].map((r) => r.toString());
      return texts.some((t) => /Sheinbaum/.test(t)) && !texts.some((t) => /Leavitt/.test(t));
    },
    null,
  );
  expect(await panel.evaluate(() => !!document.querySelector('[data-term="Karoline Leavitt"]'), null)).toBe(false);
}

export const HUGE = '/fixtures/huge.html';

/**
 * An article followed by 100,000 elements: Gloss reports the article, finds its mentions (in the
 * article, not the comment thread), and leaves nothing running afterwards.
 */
export async function expectHugePageBounded(panel: Driver, page: Driver): Promise<void> {
  await page.front();
  expect(await page.evaluate(() => document.getElementsByTagName('*').length, null)).toBeGreaterThan(100_000);
  await waitForPanelText(panel, 'Council publishes the full transcript of the harbour hearing');
  await panel.waitFor('the mentions listed', () => !!document.querySelector('[data-term="Sinaloa Cartel"]'), null, 30_000);
  expect(Number(await textOf(panel, '[data-term="Sinaloa Cartel"] .count'))).toBe(1);
  // Once Gloss has reported, nothing of it keeps running: the page's own timer stays on time.
  // (Building 100,000 elements is the page's own cost: seconds here, with or without Gloss.)
  await page.evaluate(() => ((window as unknown as { __drift: number }).__drift = 0), null);
  await new Promise((r) => setTimeout(r, 2000));
  expect(await page.evaluate(() => (window as unknown as { __drift: number }).__drift, null)).toBeLessThan(500);
}

export const INFINITE = '/fixtures/infinite.html';

/** Every highlighted range on the page, whatever colour name Gloss registered it under. */
const highlightedRanges = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);

/**
 * An article page that keeps appending the next stories below the one being read (100 of them,
 * one every 100 ms): the page's own timer stays on time while Gloss watches, and Gloss stays with
 * the article the reader opened (its counts and highlights do not grow with the feed).
 */
export async function expectInfiniteScrollBounded(panel: Driver, page: Driver): Promise<void> {
  await page.front();
  await waitForPanelText(panel, 'Port inspections tighten along the Pacific coast');
  await panel.waitFor('Sinaloa Cartel listed', () => !!document.querySelector('[data-term="Sinaloa Cartel"]'), null);
  expect(Number(await textOf(panel, '[data-term="Sinaloa Cartel"] .count'))).toBe(2);
  const before = await page.evaluate(highlightedRanges, null);
  expect(before).toBeGreaterThanOrEqual(3);

  await page.evaluate(() => {
    const w = window as unknown as { __drift: number; __feed(n: number): void };
    w.__drift = 0;
    w.__feed(100);
  }, null);
  await page.waitFor('100 stories appended', () => (window as unknown as { __added: number }).__added >= 100, null, 60_000);
  // Past Gloss's debounce, so any re-run it would make has happened.
  await new Promise((r) => setTimeout(r, 2000));
  const drift = await page.evaluate(() => (window as unknown as { __drift: number }).__drift, null);
  expect(drift, `the page's 50 ms timer ran up to ${drift} ms late`).toBeLessThan(500);
  expect(await page.evaluate(() => document.querySelectorAll('article.next-story').length, null)).toBe(100);
  expect(await page.evaluate(highlightedRanges, null)).toBe(before);
  expect(Number(await textOf(panel, '[data-term="Sinaloa Cartel"] .count'))).toBe(2);
}
