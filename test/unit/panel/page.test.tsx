/**
 * The panel's page view for one fixed tab: what Gloss did on the page (article, hidden
 * overlays), the noted terms on it, the note view, Show again, and the panel toggle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { articleState, createFakeApi, note, notArticleState } from './fake-api';
import { mount, settle, unmountAll } from './mount';

afterEach(unmountAll);

const NOTES = [
  note('ecb', 'European Central Bank', ['ECB'], 'The central bank of the euro area, based in Frankfurt.'),
  note('lagarde', 'Christine Lagarde', ['Lagarde'], 'President of the ECB since 2019.'),
  note('unused', 'Federal Reserve', ['Fed'], 'The US central bank.'),
];

function articleTab() {
  return createFakeApi({
    notes: NOTES,
    tabs: {
      7: articleState({
        title: 'Central bank holds rates as inflation cools',
        siteName: 'The Example Times',
        overlays: { labels: ['Subscribe to keep reading'], shownAgain: false, enabled: true },
        // Order of first mention on the page, not the order of the notes.
        mentions: [
          { noteId: 'lagarde', count: 3 },
          { noteId: 'ecb', count: 1 },
        ],
      }),
    },
  });
}

describe('an article tab', () => {
  it('shows the site and the title', async () => {
    const p = await mount(articleTab());
    expect(p.get('.site-name').textContent).toBe('The Example Times');
    expect(p.get('h1').textContent).toBe('Central bank holds rates as inflation cools');
  });

  it('falls back to the host name when the page names no site', async () => {
    const api = createFakeApi({ tabs: { 7: articleState({ siteName: '' }) } });
    const p = await mount(api);
    expect(p.get('.site-name').textContent).toBe('news.example.com');
  });

  it('says how many overlays were hidden, with their labels', async () => {
    const p = await mount(articleTab());
    expect(p.get('[data-testid="overlay-count"]').textContent).toBe('1 overlay hidden');
    expect(p.all('.overlay-labels li').map((li) => li.textContent)).toEqual(['Subscribe to keep reading']);
    expect(p.hasButton('Show again')).toBe(true);
  });

  it('counts several overlays, and says so when none were hidden', async () => {
    const api = createFakeApi({ tabs: { 7: articleState({ overlays: { labels: ['Paywall', 'Newsletter'], shownAgain: false, enabled: true } }), 8: articleState() } });
    const p = await mount(api);
    expect(p.get('[data-testid="overlay-count"]').textContent).toBe('2 overlays hidden');
    const q = await mount(api, { fixedTabId: 8 });
    expect(q.text()).toContain('No overlays hidden.');
    expect(q.hasButton('Show again')).toBe(false);
  });

  it('lists "On this page" each noted term with its count, in order of first mention', async () => {
    const p = await mount(articleTab());
    expect(p.get('#on-this-page').textContent).toBe('On this page');
    const rows = p.all('[data-testid="term-list"] button.term').map((b) => [b.querySelector('.term-title')?.textContent, b.querySelector('.count')?.textContent]);
    expect(rows).toEqual([
      ['Christine Lagarde', '3'],
      ['European Central Bank', '1'],
    ]);
    // Screen readers hear the count in words.
    expect(p.all('button.term').map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Christine Lagarde 3 mentions', 'European Central Bank 1 mention']);
    expect(p.text()).not.toContain('Federal Reserve');
  });

  it('says when none of the notes appear in the article', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: { 7: articleState() } });
    const p = await mount(api);
    expect(p.text()).toContain('No names or terms from your notes appear in this article.');
    expect(p.maybe('[data-testid="term-list"]')).toBeNull();
  });

  it('opens a term to show its note, and Back returns to the page', async () => {
    const p = await mount(articleTab());
    await p.click(p.get('button.term[data-term="Christine Lagarde"]'));
    expect(p.get('#note-title').textContent).toBe('Christine Lagarde');
    expect(p.get('[data-testid="note-body"]').textContent).toBe('President of the ECB since 2019.');
    expect(p.text()).toContain('Aliases: Lagarde');
    expect(p.text()).toContain('Mentioned 3 times on this page.');
    expect(p.maybe('[data-testid="term-list"]')).toBeNull();
    // Focus lands on the note the reader chose.
    expect(document.activeElement).toBe(p.get('#note-title'));

    await p.click(p.button('← Back'));
    expect(p.maybe('#note-title')).toBeNull();
    expect(p.all('button.term')).toHaveLength(2);
  });

  it('says "Mentioned once" for a single mention, and Escape goes back too', async () => {
    const p = await mount(articleTab());
    await p.click(p.get('button.term[data-term="European Central Bank"]'));
    expect(p.text()).toContain('Mentioned once on this page.');
    await p.key(p.get('#note-title'), 'Escape');
    expect(p.all('button.term')).toHaveLength(2);
  });
});

describe('Show again', () => {
  it('asks the background to restore the overlays of this tab, then says they are shown again', async () => {
    const api = articleTab();
    const p = await mount(api);
    await p.click(p.button('Show again'));
    expect(api.callsOf('panel:showOverlaysAgain')).toEqual([{ tabId: 7 }]);
    expect(p.get('[data-testid="shown-again"]').textContent).toBe('Overlays shown again. They stay visible until the page is reloaded.');
    expect(p.hasButton('Show again')).toBe(false);
  });

  it('shows an error when the page does not answer, and keeps the button', async () => {
    const api = articleTab();
    api.respond('panel:showOverlaysAgain', () => ({ ok: false, error: 'no-reply' }));
    const p = await mount(api);
    await p.click(p.button('Show again'));
    expect(api.callsOf('panel:showOverlaysAgain')).toEqual([{ tabId: 7 }]);
    expect(p.alerts()).toEqual(["Couldn't show the overlays again: the page did not answer. Reload the page to restore them."]);
    expect(p.text()).toContain('1 overlay hidden');
    expect(p.button('Show again').disabled).toBe(false);
  });
});

describe('pages Gloss does not work on', () => {
  it('a page that is not an article: says so and lists no terms', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: { 7: notArticleState() } });
    const p = await mount(api);
    expect(p.get('[data-testid="not-article"] p').textContent).toBe("This page doesn't look like an article, so Gloss left it untouched.");
    expect(p.text()).not.toContain('On this page');
    expect(p.maybe('[data-testid="term-list"]')).toBeNull();
    expect(p.maybe('[data-testid="overlay-count"]')).toBeNull();
    // The notes tools stay available.
    expect(p.text()).toContain('3 notes.');
  });

  it('a page of prose that is not an article: says so, and lists the overlays hidden there with Show again', async () => {
    const state = notArticleState('https://app.example.com/tour');
    state.article = { ...state.article, reason: 'listing', readable: true };
    state.overlays = { labels: ['Get the newsletter'], shownAgain: false, enabled: true };
    const api = createFakeApi({ notes: NOTES, tabs: { 7: state } });
    const p = await mount(api);
    expect(p.get('[data-testid="not-article"] p').textContent).toBe(
      "This page doesn't look like an article, so Gloss isn't looking for names and terms on it. Overlays over its text are hidden as on an article.",
    );
    expect(p.maybe('[data-testid="term-list"]')).toBeNull();
    expect(p.get('[data-testid="overlay-count"]').textContent).toBe('1 overlay hidden');
    expect(p.all('.overlay-labels li').map((li) => li.textContent)).toEqual(['Get the newsletter']);
    expect(p.maybe('[data-testid="site-no-overlays"]')).not.toBeNull();
    await p.click(p.button('Show again'));
    await settle();
    expect(api.callsOf('panel:showOverlaysAgain')).toEqual([{ tabId: 7 }]);
  });

  it('a tab with no content script (Failure): says Gloss is not running there', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: {} });
    const p = await mount(api, { fixedTabId: 42 });
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 42 }]);
    expect(p.text()).toContain("Gloss isn't running on this page.");
    expect(p.get('.notice').textContent).toBe(
      "Gloss isn't running on this page. Browser pages can't be read; if this page was open before Gloss was installed or updated, reload it.",
    );
    expect(p.text()).not.toContain('On this page');
    expect(p.get('.site-name').textContent).toBe('Gloss');
  });

  it('a tab whose page keeps its content script from answering: says the page is busy, and asks again on "Try again"', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: { 7: articleState() } });
    let busy = true;
    const answer = api.respond.bind(api);
    answer('panel:getTabState', ({ tabId }) => (busy ? { ok: false, error: 'timeout' } : { ok: true, state: api.tabs.get(tabId)! }));
    const p = await mount(api, { fixedTabId: 7 });
    expect(p.get('.notice').textContent).toBe("This page isn't answering: it is busy with its own scripts. Try again");
    expect(p.text()).not.toContain("Gloss isn't running");
    busy = false;
    await p.click(p.button('Try again'));
    await settle();
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 7 }, { tabId: 7 }]);
    expect(p.maybe('.notice')?.textContent ?? '').not.toContain("isn't answering");
    expect(p.text()).toContain('On this page');
  });

  it('notes that cannot be loaded: says so', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    api.respond('panel:listNotes', () => ({ ok: false, error: 'QuotaExceededError' }));
    const p = await mount(api);
    expect(p.alerts()).toContain("Your notes couldn't be loaded (QuotaExceededError).");
  });
});

describe('the panel toggle', () => {
  it('calls api.togglePanel synchronously, inside the click', async () => {
    const api = articleTab();
    const p = await mount(api);
    const button = p.get<HTMLButtonElement>('[data-testid="toggle-panel"]');
    expect(button.textContent).toBe('Side panel');
    expect(button.title).toBe('Open or close the Gloss side panel');
    let calledDuringClick = false;
    button.addEventListener('click', () => (calledDuringClick = api.togglePanel.mock.calls.length === 1));
    act(() => button.click());
    // Checked before any await: a later call would have lost the user gesture.
    expect(api.togglePanel).toHaveBeenCalledTimes(1);
    expect(calledDuringClick).toBe(true);
  });

  it('reads "Close" in the side panel itself', async () => {
    const api = createFakeApi({ tabs: { 1: articleState() }, active: { tabId: 1, windowId: 1 } });
    const p = await mount(api, { fixedTabId: null });
    expect(p.get('[data-testid="toggle-panel"]').textContent).toBe('Close');
  });
});

describe('site switches', () => {
  it('"Don\'t hide overlays on <site>" persists the override and shows it checked', async () => {
    const api = articleTab();
    const p = await mount(api);
    const box = p.get<HTMLInputElement>('[data-testid="site-no-overlays"]');
    expect(box.checked).toBe(false);
    expect(box.parentElement!.textContent).toContain("Don't hide overlays on news.example.com");
    await p.click(box);
    await settle();
    expect(api.callsOf('panel:updateSettings')).toEqual([{ site: 'news.example.com', sitePatch: { overlays: false } }]);
    expect(p.get<HTMLInputElement>('[data-testid="site-no-overlays"]').checked).toBe(true);
  });

  it('says when overlay hiding is off for the page', async () => {
    const api = createFakeApi({ tabs: { 7: articleState({ overlays: { labels: [], shownAgain: false, enabled: false } }) } });
    const p = await mount(api);
    expect(p.get('[data-testid="overlays-off"]').textContent).toContain('Overlay hiding is off');
  });

  it('global and per-site highlight switches are in Settings', async () => {
    const api = articleTab();
    const p = await mount(api);
    await p.click(p.get<HTMLInputElement>('[data-testid="global-highlights"]'));
    await p.click(p.get<HTMLInputElement>('[data-testid="site-no-highlights"]'));
    await settle();
    expect(api.callsOf('panel:updateSettings')).toEqual([
      { global: { highlights: false } },
      { site: 'news.example.com', sitePatch: { highlights: false } },
    ]);
  });
});

describe('running Gloss anyway on a page that is not an article', () => {
  it('asks the tab, then shows what it found on the whole page', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: { 7: notArticleState() } });
    const p = await mount(api);
    await p.click(p.get('[data-testid="run-anyway"]'));
    await settle();
    expect(api.callsOf('panel:runAnyway')).toEqual([{ tabId: 7 }]);
    expect(p.text()).toContain('Gloss looked for names and terms on the whole page');
    expect(p.text()).toContain('On this page');
  });
});
