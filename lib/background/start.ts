/**
 * Wires the background: the notes database, the message router, the toolbar button and the
 * keyboard command. The entrypoint only calls `startBackground`; everything here takes the
 * browser objects as arguments so it stays testable with fakes.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import { createRouter, SHAPES_TO_BACKGROUND, storageError } from '../messaging';
import { createNotesRepo, openNotesDb, type NotesRepo } from '../notes';
import { getPanelHost, type PanelGlobals } from '../platform/panel';
import { createSettingsStore } from '../settings';
import { getToolbar } from '../platform/toolbar';
import { acceptSender, createBackgroundHandlers } from './handlers';
import { installMenu, onMenuClicked, type MenuClick } from './menu';
import { createPanelRequests } from './panel-requests';

/** The keyboard command (manifest `commands`) that toggles the panel. */
export const TOGGLE_COMMAND = 'toggle-panel';

export interface BackgroundEnv {
  browser: WxtBrowser;
  /** Raw globals for the panel APIs the polyfill does not cover (chrome.sidePanel). */
  globals: PanelGlobals;
  indexedDB: IDBFactory;
}

/** Starts the background. Listeners are registered synchronously, as MV3 service workers need. */
export function startBackground({ browser, globals, indexedDB }: BackgroundEnv): void {
  let repo: Promise<NotesRepo> | null = null;
  const openRepo = () => {
    repo ??= openNotesDb(indexedDB).then((db) => createNotesRepo({ db }));
    // A failed open (disk full, profile locked) is retried on the next request.
    repo.catch(() => (repo = null));
    return repo;
  };

  const toolbar = getToolbar(browser);
  const panel = getPanelHost(globals);
  const broadcast = (msg: unknown) => browser.runtime.sendMessage(msg);
  const panelRequests = createPanelRequests({
    broadcast,
    openPanel: (windowId) => (panel ? panel.open(windowId) : Promise.reject(new Error('This browser has no side panel'))),
    isPanelOpen: async (windowId) => (panel ? panel.isOpen(windowId) : false),
    openPanelHint: () => browser.i18n.getMessage('hintOpenPanel'),
  });
  const handlers = createBackgroundHandlers({
    repo: openRepo,
    sendToTab: (tabId, msg) => browser.tabs.sendMessage(tabId, msg),
    allTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    broadcast,
    setBadge: toolbar.setBadge,
    settings: createSettingsStore(browser.storage.local),
    panelRequests,
  });
  const route = createRouter(handlers, {
    shapes: SHAPES_TO_BACKGROUND,
    accept: acceptSender(browser.runtime.id, browser.runtime.getURL('/')),
    errorOf: storageError,
  });
  browser.runtime.onMessage.addListener((msg: unknown, sender: Browser.runtime.MessageSender) => route(msg, sender));

  // The panel may only be opened inside the user's gesture: toggle() is called synchronously.
  let lastWindowId = -1;
  browser.tabs.onActivated.addListener(({ windowId }) => (lastWindowId = windowId));
  toolbar.onClicked((tab) => void panel?.toggle(tab.windowId ?? lastWindowId).catch(logToggleError));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_COMMAND) void panel?.toggle(tab?.windowId ?? lastWindowId).catch(logToggleError);
  });

  // "Add note for “…”" on selected text. The click is user input: the panel opens from it.
  const menuClicked = (info: MenuClick['info'], tab?: MenuClick['tab']) => void onMenuClicked(panelRequests, { info, tab })?.catch(logToggleError);
  browser.contextMenus.onClicked.addListener(menuClicked);
  void installMenu(browser.contextMenus, browser.i18n.getMessage('menuAddNote')).catch((e: unknown) =>
    console.warn('Gloss: could not add the context menu item', e),
  );
  // Test seam: headless browsers cannot open native context menus, so end-to-end tests call the
  // same handler from the extension's own contexts (the worker / background page). Pages can
  // never reach this scope.
  (globalThis as { glossMenuClicked?: typeof menuClicked }).glossMenuClicked = menuClicked;
}

function logToggleError(e: unknown) {
  console.warn('Gloss: could not toggle the panel', e);
}
