/**
 * Follow mode (the side panel, fixedTabId null): the panel shows its window's active tab and
 * keeps up with tab switches, navigations and the content script's state reports, dropping
 * replies that arrive for a tab it no longer shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Response } from '../../../lib/messaging';
import { articleState, createFakeApi, deferred, notArticleState } from './fake-api';
import { mount, unmountAll } from './mount';

afterEach(unmountAll);

const WINDOW = 10;
const OTHER_WINDOW = 99;

function threeTabs() {
  return createFakeApi({
    tabs: {
      1: articleState({ title: 'First tab story' }),
      2: articleState({ title: 'Second tab story', siteName: 'Second Site' }),
      3: articleState({ title: 'Tab in another window' }),
    },
    active: { tabId: 1, windowId: WINDOW },
  });
}

const title = (p: Awaited<ReturnType<typeof mount>>) => p.maybe('h1')?.textContent ?? null;

describe('following the active tab', () => {
  it('shows the active tab at first', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 1 }]);
    expect(title(p)).toBe('First tab story');
  });

  it('says there is no page when the window has no active tab', async () => {
    const api = createFakeApi({ active: null });
    const p = await mount(api, { fixedTabId: null });
    expect(p.text()).toContain('No page to show.');
    expect(api.callsOf('panel:getTabState')).toEqual([]);
  });

  it('switches to another tab activated in the same window', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    await p.emit(() => api.emit({ kind: 'activated', tabId: 2, windowId: WINDOW }));
    expect(title(p)).toBe('Second tab story');
    expect(p.get('.site-name').textContent).toBe('Second Site');
  });

  it('ignores tabs activated in another window', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    await p.emit(() => api.emit({ kind: 'activated', tabId: 3, windowId: OTHER_WINDOW }));
    expect(title(p)).toBe('First tab story');
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 1 }]);
  });

  it('drops a reply for the previous tab that arrives after the switch', async () => {
    const api = threeTabs();
    const slow = deferred<Response<'panel:getTabState'>>();
    api.respond('panel:getTabState', ({ tabId }) =>
      tabId === 1 ? slow.promise : { ok: true, state: api.tabs.get(tabId)! },
    );
    const p = await mount(api, { fixedTabId: null });
    expect(p.text()).toContain('Loading…');

    await p.emit(() => api.emit({ kind: 'activated', tabId: 2, windowId: WINDOW }));
    expect(title(p)).toBe('Second tab story');

    await p.emit(() => slow.resolve({ ok: true, state: articleState({ title: 'First tab story' }) }));
    expect(title(p)).toBe('Second tab story');
  });

  it('drops a stale reply even when both are still pending and the newer one answers first', async () => {
    const api = threeTabs();
    const replies = new Map<number, ReturnType<typeof deferred<Response<'panel:getTabState'>>>>();
    api.respond('panel:getTabState', ({ tabId }) => {
      const d = deferred<Response<'panel:getTabState'>>();
      replies.set(tabId, d);
      return d.promise;
    });
    const p = await mount(api, { fixedTabId: null });
    await p.emit(() => api.emit({ kind: 'activated', tabId: 2, windowId: WINDOW }));
    expect(p.text()).toContain('Loading…');

    await p.emit(() => replies.get(2)!.resolve({ ok: true, state: api.tabs.get(2)! }));
    expect(title(p)).toBe('Second tab story');
    // An unreachable answer for the old tab must not replace it either.
    await p.emit(() => replies.get(1)!.resolve({ ok: false, error: 'no-reply' }));
    expect(title(p)).toBe('Second tab story');
    expect(p.text()).not.toContain("Gloss isn't running");
  });

  it('shows Loading… while the shown tab navigates, then reloads its state when complete', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    await p.emit(() => api.emit({ kind: 'updated', tabId: 1, loading: true }));
    expect(p.text()).toContain('Loading…');
    expect(title(p)).toBeNull();

    api.tabs.set(1, notArticleState('https://news.example.com/'));
    await p.emit(() => api.emit({ kind: 'updated', tabId: 1, loading: false }));
    expect(p.text()).not.toContain('Loading…');
    expect(p.text()).toContain("This page doesn't look like an article");
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 1 }, { tabId: 1 }]);
  });

  it('a reply requested before a navigation started is dropped', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    const slow = deferred<Response<'panel:getTabState'>>();
    api.respond('panel:getTabState', () => slow.promise);
    await p.emit(() => api.emit({ kind: 'stateChanged', tabId: 1 }));
    await p.emit(() => api.emit({ kind: 'updated', tabId: 1, loading: true }));
    await p.emit(() => slow.resolve({ ok: true, state: articleState({ title: 'Old page' }) }));
    expect(p.text()).toContain('Loading…');
    expect(title(p)).toBeNull();
  });

  it('reloads when the shown tab reports a state change, and not for other tabs', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: null });
    api.tabs.set(1, articleState({ title: 'First tab story', overlays: { labels: ['Subscribe'], shownAgain: false, enabled: true } }));
    await p.emit(() => api.emit({ kind: 'stateChanged', tabId: 1 }));
    expect(p.text()).toContain('1 overlay hidden');
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 1 }, { tabId: 1 }]);

    await p.emit(() => api.emit({ kind: 'stateChanged', tabId: 2 }));
    await p.emit(() => api.emit({ kind: 'updated', tabId: 2, loading: true }));
    expect(api.callsOf('panel:getTabState')).toEqual([{ tabId: 1 }, { tabId: 1 }]);
    expect(title(p)).toBe('First tab story');
  });

  it('stops watching when unmounted', async () => {
    const api = threeTabs();
    await mount(api, { fixedTabId: null });
    // The tab's state, and notes clicked on its page.
    expect(api.watcherCount()).toBe(2);
    unmountAll();
    expect(api.watcherCount()).toBe(0);
  });
});

describe('a fixed tab', () => {
  it('ignores tab switches but follows its own tab', async () => {
    const api = threeTabs();
    const p = await mount(api, { fixedTabId: 2 });
    await p.emit(() => api.emit({ kind: 'activated', tabId: 1, windowId: WINDOW }));
    expect(title(p)).toBe('Second tab story');
    api.tabs.set(2, articleState({ title: 'Second tab, updated' }));
    await p.emit(() => api.emit({ kind: 'stateChanged', tabId: 2 }));
    expect(title(p)).toBe('Second tab, updated');
  });
});
