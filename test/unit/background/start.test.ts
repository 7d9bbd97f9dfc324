/**
 * The background's browser-facing glue: the toolbar button and the keyboard command toggle the
 * panel synchronously (inside the user's gesture), and messages reach the router. The real
 * toolbar and shortcut cannot be pressed in a headless browser, so this drives the same
 * listeners the browser would call.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startBackground, TOGGLE_COMMAND } from '@/lib/background/start';

type Cb = (...args: never[]) => unknown;
const event = () => {
  const listeners: Cb[] = [];
  return { listeners, addListener: (cb: Cb) => listeners.push(cb), removeListener: () => {} };
};

function fakeEnv() {
  const calls: string[] = [];
  const browser = {
    runtime: { id: 'gloss-id', getURL: (p: string) => `chrome-extension://gloss-id${p}`, onMessage: event(), sendMessage: vi.fn(async () => undefined) },
    tabs: { onActivated: event(), query: vi.fn(async () => []), sendMessage: vi.fn(async () => undefined) },
    commands: { onCommand: event() },
    contextMenus: { onClicked: event(), removeAll: vi.fn(async () => {}), create: vi.fn() },
    i18n: { getMessage: (key: string) => key },
    storage: { local: { get: async () => ({}), set: async () => {} } },
    action: { onClicked: event(), setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) },
  };
  const sidePanel = {
    open: vi.fn((o: { windowId: number }) => {
      calls.push(`open ${o.windowId}`);
      return Promise.resolve();
    }),
    close: vi.fn((o: { windowId: number }) => {
      calls.push(`close ${o.windowId}`);
      return Promise.resolve();
    }),
  };
  startBackground({ browser: browser as unknown as WxtBrowser, globals: { chrome: { sidePanel } }, indexedDB: new IDBFactory() });
  return { browser, calls };
}

describe('startBackground', () => {
  it('adds "Add note for …" and opens the panel synchronously from a click on it', async () => {
    const { browser, calls } = fakeEnv();
    await Promise.resolve();
    expect(browser.contextMenus.create).toHaveBeenCalledWith({ id: 'gloss-add-note', title: 'menuAddNote', contexts: ['selection'] });
    const [onClick] = browser.contextMenus.onClicked.listeners as ((info: object, tab: object) => void)[];
    onClick!({ menuItemId: 'gloss-add-note', selectionText: 'Los Chapitos' }, { id: 3, windowId: 5, url: 'https://a.example/' });
    expect(calls).toEqual(['open 5']); // inside the click, before any await
  });

  it('toggles the side panel of the clicked window from the toolbar button, synchronously', () => {
    const { browser, calls } = fakeEnv();
    const [onClick] = browser.action.onClicked.listeners;
    (onClick as (tab: object) => void)({ id: 3, windowId: 7 });
    expect(calls).toEqual(['open 7']); // no await happened: the gesture is still valid
    (onClick as (tab: object) => void)({ id: 3, windowId: 7 });
    expect(calls).toEqual(['open 7', 'close 7']);
  });

  it('toggles from the keyboard command and ignores other commands', () => {
    const { browser, calls } = fakeEnv();
    const [onCommand] = browser.commands.onCommand.listeners as ((c: string, tab?: object) => void)[];
    onCommand!('something-else', { windowId: 2 });
    expect(calls).toEqual([]);
    onCommand!(TOGGLE_COMMAND, { windowId: 2 });
    expect(calls).toEqual(['open 2']);
  });

  it('falls back to the last activated window when the command carries no tab', () => {
    const { browser, calls } = fakeEnv();
    (browser.tabs.onActivated.listeners[0] as (i: object) => void)({ tabId: 1, windowId: 9 });
    (browser.commands.onCommand.listeners[0] as (c: string) => void)(TOGGLE_COMMAND);
    expect(calls).toEqual(['open 9']);
  });

  it('answers panel messages from its own pages and ignores web pages', async () => {
    const { browser } = fakeEnv();
    const [onMessage] = browser.runtime.onMessage.listeners as ((m: unknown, s: object) => Promise<unknown> | undefined)[];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reply = await onMessage!({ type: 'panel:listNotes' }, { id: 'gloss-id', url: 'chrome-extension://gloss-id/sidepanel.html' });
    expect(reply).toMatchObject({ ok: true, notes: [] });
    expect(onMessage!({ type: 'panel:listNotes' }, { id: 'gloss-id', url: 'https://evil.example/', tab: { id: 1 } })).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
