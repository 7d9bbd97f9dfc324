/**
 * Browser differences for the reader's panel, in one place: Chrome's `sidePanel` (MV3) versus
 * Firefox's `sidebarAction` (MV2), chosen by feature detection, never by user agent.
 *
 * Both browsers only open the panel from a user gesture, and any `await` before the call loses
 * it. So `toggle()` decides synchronously (from state tracked ahead of time) and calls the browser
 * API first thing; callers must call it directly inside their click / command handler.
 */

type Listener<T> = { addListener(cb: (info: T) => void): void };
interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
  /** Chrome 141+. */
  close?(options: { windowId?: number; tabId?: number }): Promise<void>;
  /** Chrome 141+ / 142+. */
  onOpened?: Listener<{ windowId: number }>;
  onClosed?: Listener<{ windowId: number }>;
  setPanelBehavior?(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface ChromeRuntime {
  getContexts?(filter: { contextTypes: string[]; windowIds?: number[] }): Promise<{ windowId: number }[]>;
}
interface FirefoxSidebarAction {
  toggle(): Promise<void>;
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

/** The panel operations Gloss needs, whatever the browser calls them. */
export interface PanelHost {
  kind: 'side-panel' | 'sidebar';
  /** Opens the panel if closed in that window, closes it if open. Call synchronously in a gesture. */
  toggle(windowId: number): Promise<void>;
  /** Opens (never closes) the panel. Call synchronously in a gesture. */
  open(windowId: number): Promise<void>;
  isOpen(windowId: number): Promise<boolean>;
}

/** The global API objects this module may use; injected so tests can pass fakes. */
export interface PanelGlobals {
  chrome?: { sidePanel?: ChromeSidePanel; runtime?: ChromeRuntime };
  browser?: { sidebarAction?: FirefoxSidebarAction };
}

/** Returns the panel host of this browser, or null when it has neither API. */
export function getPanelHost(g: PanelGlobals = globalThis as PanelGlobals): PanelHost | null {
  const sidePanel = g.chrome?.sidePanel;
  if (sidePanel && typeof sidePanel.open === 'function') return chromeHost(sidePanel, g.chrome?.runtime);
  const sidebar = g.browser?.sidebarAction;
  if (sidebar && typeof sidebar.toggle === 'function') return firefoxHost(sidebar);
  return null;
}

function chromeHost(sidePanel: ChromeSidePanel, runtime: ChromeRuntime | undefined): PanelHost {
  // Chrome has no synchronous "is it open?", so keep a set of windows with an open panel,
  // seeded once from getContexts and kept current by onOpened/onClosed (Chrome 141/142).
  const openWindows = new Set<number>();
  sidePanel.onOpened?.addListener(({ windowId }) => openWindows.add(windowId));
  sidePanel.onClosed?.addListener(({ windowId }) => openWindows.delete(windowId));
  const contexts = (windowId?: number) =>
    runtime?.getContexts?.({ contextTypes: ['SIDE_PANEL'], ...(windowId === undefined ? {} : { windowIds: [windowId] }) }) ??
    Promise.resolve([]);
  void contexts().then((list) => list.forEach((c) => openWindows.add(c.windowId)), () => {});

  const open = (windowId: number) => {
    openWindows.add(windowId);
    // A refused open (no user gesture) must not leave the window marked as open.
    return sidePanel.open({ windowId }).catch((e: unknown) => {
      openWindows.delete(windowId);
      throw e;
    });
  };
  return {
    kind: 'side-panel',
    toggle(windowId) {
      if (openWindows.has(windowId) && sidePanel.close) {
        openWindows.delete(windowId);
        return sidePanel.close({ windowId });
      }
      return open(windowId);
    },
    open,
    async isOpen(windowId) {
      return (await contexts(windowId)).length > 0;
    },
  };
}

function firefoxHost(sidebar: FirefoxSidebarAction): PanelHost {
  return {
    kind: 'sidebar',
    // Firefox's sidebar is per window and toggle() acts on the current one.
    toggle: () => sidebar.toggle(),
    open: () => sidebar.open(),
    isOpen: (windowId) => sidebar.isOpen({ windowId }),
  };
}
