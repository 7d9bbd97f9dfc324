/**
 * The reader's panel across browsers, with fake browser APIs. The fakes model the rule that
 * matters most: browsers only open a panel during the user's click, and that permission is gone
 * as soon as the click handler yields (any await), so open() must be called synchronously.
 */
import { describe, expect, it, vi } from 'vitest';
import { getPanelHost, type PanelGlobals, type PanelHost } from '../../../lib/platform/panel';

type SidePanel = NonNullable<NonNullable<PanelGlobals['chrome']>['sidePanel']>;
type Sidebar = NonNullable<NonNullable<PanelGlobals['browser']>['sidebarAction']>;

const GESTURE_ERROR = '`sidePanel.open()` may only be called in response to a user gesture.';

/**
 * A fake Chrome: `sidePanel` with open/close and the opened/closed events (each optional, to
 * play older versions), `runtime.getContexts` reporting the side panels really open, and a user
 * gesture that only lasts while `click` runs synchronously.
 */
type GetContexts = (filter: { contextTypes: string[]; windowIds?: number[] }) => Promise<{ windowId: number }[]>;

function fakeChrome({
  close = true,
  events = true,
  getContexts = true as boolean | GetContexts,
  initiallyOpen = [] as number[],
} = {}) {
  const open = new Set(initiallyOpen);
  let inGesture = false;
  const listeners = { opened: [] as ((i: { windowId: number }) => void)[], closed: [] as ((i: { windowId: number }) => void)[] };
  const log: string[] = [];

  const sidePanel: SidePanel = {
    open: vi.fn(({ windowId }: { windowId?: number }) => {
      log.push(`open ${windowId}`);
      if (!inGesture) return Promise.reject(new Error(GESTURE_ERROR));
      open.add(windowId!);
      return Promise.resolve();
    }),
    ...(close
      ? {
          close: vi.fn(({ windowId }: { windowId?: number }) => {
            log.push(`close ${windowId}`);
            open.delete(windowId!);
            return Promise.resolve();
          }),
        }
      : {}),
    ...(events
      ? {
          onOpened: { addListener: (cb: (i: { windowId: number }) => void) => void listeners.opened.push(cb) },
          onClosed: { addListener: (cb: (i: { windowId: number }) => void) => void listeners.closed.push(cb) },
        }
      : {}),
  };
  const realContexts: GetContexts = async ({ windowIds }) =>
    [...open].filter((w) => !windowIds || windowIds.includes(w)).map((windowId) => ({ windowId }));
  const runtime = getContexts ? { getContexts: vi.fn(getContexts === true ? realContexts : getContexts) } : {};

  return {
    globals: { chrome: { sidePanel, runtime } } as PanelGlobals,
    sidePanel,
    runtime,
    log,
    /** Runs `fn` as the browser runs a click handler: with a gesture that ends when it returns. */
    click<T>(fn: () => T): T {
      inGesture = true;
      try {
        return fn();
      } finally {
        inGesture = false;
      }
    },
    /** The user opens or closes the panel with Chrome's own UI (the events fire if supported). */
    userOpens(windowId: number) {
      open.add(windowId);
      listeners.opened.forEach((cb) => cb({ windowId }));
    },
    userCloses(windowId: number) {
      open.delete(windowId);
      listeners.closed.forEach((cb) => cb({ windowId }));
    },
    isReallyOpen: (windowId: number) => open.has(windowId),
  };
}

/** Lets pending promise callbacks (the startup getContexts) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function host(globals: PanelGlobals): PanelHost {
  const h = getPanelHost(globals);
  if (!h) throw new Error('expected a panel host');
  return h;
}

describe('Chrome side panel', () => {
  it('is the side-panel kind', () => {
    expect(host(fakeChrome().globals).kind).toBe('side-panel');
  });

  it('toggle opens the panel, then closes it, then opens it again', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await settle();

    await chrome.click(() => panel.toggle(1));
    expect(chrome.isReallyOpen(1)).toBe(true);
    await chrome.click(() => panel.toggle(1));
    expect(chrome.isReallyOpen(1)).toBe(false);
    await chrome.click(() => panel.toggle(1));
    expect(chrome.isReallyOpen(1)).toBe(true);
    expect(chrome.log).toEqual(['open 1', 'close 1', 'open 1']);
  });

  it('toggle calls open synchronously, before any await or microtask', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    let microtaskRan = false;
    queueMicrotask(() => (microtaskRan = true));

    const pending = panel.toggle(1); // not awaited, and outside click(): only the call order matters here
    expect(chrome.sidePanel.open).toHaveBeenCalledWith({ windowId: 1 });
    expect(microtaskRan).toBe(false);
    await pending.catch(() => {});
  });

  it('toggle calls close synchronously too', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await chrome.click(() => panel.toggle(1));
    const pending = panel.toggle(1);
    expect(chrome.sidePanel.close).toHaveBeenCalledWith({ windowId: 1 });
    await pending;
  });

  it('opens within the click even before the startup check of open panels has answered', async () => {
    const chrome = fakeChrome({ getContexts: () => new Promise(() => {}) });
    const panel = host(chrome.globals);
    await expect(chrome.click(() => panel.toggle(1))).resolves.toBeUndefined();
    expect(chrome.isReallyOpen(1)).toBe(true);
  });

  it('open() always opens, never closes', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await chrome.click(() => panel.open(1));
    await chrome.click(() => panel.open(1));
    expect(chrome.log).toEqual(['open 1', 'open 1']);
    expect(chrome.isReallyOpen(1)).toBe(true);
  });

  it('tracks each window separately', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await chrome.click(() => panel.toggle(1));
    await chrome.click(() => panel.toggle(2));
    expect(chrome.log).toEqual(['open 1', 'open 2']);
    await chrome.click(() => panel.toggle(1));
    expect(chrome.isReallyOpen(1)).toBe(false);
    expect(chrome.isReallyOpen(2)).toBe(true);
  });

  it('a refused open (no user gesture) rejects and does not leave the window marked open', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await expect(panel.toggle(1)).rejects.toThrow(GESTURE_ERROR);
    expect(chrome.isReallyOpen(1)).toBe(false);

    // The next click must open, not try to close a panel that never opened.
    await chrome.click(() => panel.toggle(1));
    expect(chrome.log).toEqual(['open 1', 'open 1']);
    expect(chrome.isReallyOpen(1)).toBe(true);
  });

  it('knows about a panel already open when it starts (e.g. after the service worker restarted)', async () => {
    const chrome = fakeChrome({ initiallyOpen: [4] });
    const panel = host(chrome.globals);
    await settle();
    await chrome.click(() => panel.toggle(4));
    expect(chrome.log).toEqual(['close 4']);
    expect(chrome.isReallyOpen(4)).toBe(false);
  });

  it('follows panels the user opens or closes with Chrome’s own controls', async () => {
    const chrome = fakeChrome();
    const panel = host(chrome.globals);
    await settle();

    chrome.userOpens(3);
    await chrome.click(() => panel.toggle(3));
    expect(chrome.isReallyOpen(3)).toBe(false);

    await chrome.click(() => panel.toggle(3));
    chrome.userCloses(3);
    await chrome.click(() => panel.toggle(3));
    expect(chrome.isReallyOpen(3)).toBe(true);
    expect(chrome.log).toEqual(['close 3', 'open 3', 'open 3']);
  });

  it('without sidePanel.close (Chrome before 141), toggle always opens', async () => {
    const chrome = fakeChrome({ close: false });
    const panel = host(chrome.globals);
    await settle();
    await chrome.click(() => panel.toggle(1));
    await chrome.click(() => panel.toggle(1));
    chrome.userOpens(1);
    await chrome.click(() => panel.toggle(1));
    expect(chrome.log).toEqual(['open 1', 'open 1', 'open 1']);
    expect(chrome.isReallyOpen(1)).toBe(true);
  });

  it('works without the opened/closed events, tracking its own opens and closes', async () => {
    const chrome = fakeChrome({ events: false });
    const panel = host(chrome.globals);
    await chrome.click(() => panel.toggle(1));
    await chrome.click(() => panel.toggle(1));
    expect(chrome.log).toEqual(['open 1', 'close 1']);
  });

  it('works without runtime.getContexts, and then reports the panel as closed', async () => {
    const chrome = fakeChrome({ getContexts: false });
    const panel = host(chrome.globals);
    await chrome.click(() => panel.toggle(1));
    expect(chrome.isReallyOpen(1)).toBe(true);
    await expect(panel.isOpen(1)).resolves.toBe(false);
  });

  it('starts normally when the startup check of open panels fails', async () => {
    const chrome = fakeChrome({ getContexts: () => Promise.reject(new Error('no contexts API')) });
    const panel = host(chrome.globals);
    await settle();
    await chrome.click(() => panel.toggle(1));
    expect(chrome.log).toEqual(['open 1']);
  });

  it('isOpen asks Chrome for side panels in that window only', async () => {
    const chrome = fakeChrome({ initiallyOpen: [2] });
    const panel = host(chrome.globals);
    await expect(panel.isOpen(2)).resolves.toBe(true);
    await expect(panel.isOpen(1)).resolves.toBe(false);
    expect(chrome.runtime.getContexts).toHaveBeenLastCalledWith({ contextTypes: ['SIDE_PANEL'], windowIds: [1] });
  });
});

describe('Firefox sidebar', () => {
  function fakeFirefox(isOpen = false) {
    const sidebarAction: Sidebar = {
      toggle: vi.fn(async () => {}),
      open: vi.fn(async () => {}),
      isOpen: vi.fn(async () => isOpen),
    };
    // Firefox also defines `chrome`, but without sidePanel.
    return { globals: { chrome: { runtime: {} }, browser: { sidebarAction } } as PanelGlobals, sidebarAction };
  }

  it('is the sidebar kind', () => {
    expect(host(fakeFirefox().globals).kind).toBe('sidebar');
  });

  it('toggle delegates to sidebarAction.toggle, synchronously', async () => {
    const ff = fakeFirefox();
    const pending = host(ff.globals).toggle(9);
    expect(ff.sidebarAction.toggle).toHaveBeenCalledOnce();
    await pending;
    expect(ff.sidebarAction.open).not.toHaveBeenCalled();
  });

  it('open delegates to sidebarAction.open, synchronously', async () => {
    const ff = fakeFirefox();
    const pending = host(ff.globals).open(9);
    expect(ff.sidebarAction.open).toHaveBeenCalledOnce();
    await pending;
  });

  it('isOpen asks about the given window', async () => {
    const ff = fakeFirefox(true);
    await expect(host(ff.globals).isOpen(9)).resolves.toBe(true);
    expect(ff.sidebarAction.isOpen).toHaveBeenCalledWith({ windowId: 9 });
  });

  it('passes a refused toggle on to the caller', async () => {
    const ff = fakeFirefox();
    vi.mocked(ff.sidebarAction.toggle).mockRejectedValueOnce(new Error('sidebarAction.toggle may only be called from a user input handler'));
    await expect(host(ff.globals).toggle(1)).rejects.toThrow('user input handler');
  });
});

describe('a browser with neither panel API', () => {
  it.each([
    ['no globals at all', {}],
    ['chrome without sidePanel', { chrome: { runtime: {} } }],
    ['browser without sidebarAction', { browser: {} }],
    ['a sidePanel without open()', { chrome: { sidePanel: {} } }],
    ['a sidebarAction without toggle()', { browser: { sidebarAction: {} } }],
  ])('has no panel host with %s', (_, globals) => {
    expect(getPanelHost(globals as PanelGlobals)).toBeNull();
  });
});
