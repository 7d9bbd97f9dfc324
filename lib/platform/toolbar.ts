/**
 * The toolbar button, whatever the manifest version calls it: `action` (Chrome MV3) or
 * `browserAction` (Firefox MV2). Chosen by feature detection.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';

/** The toolbar-button operations Gloss uses. */
export interface Toolbar {
  onClicked(cb: (tab: Browser.tabs.Tab) => void): void;
  setBadge(tabId: number, text: string): void;
}

/** Returns the toolbar button API of this browser (or a no-op when it has none). */
export function getToolbar(b: Pick<WxtBrowser, 'action' | 'browserAction'>): Toolbar {
  // The polyfill defines both keys on some builds; the one that really exists has onClicked.
  const api = b.action?.onClicked ? b.action : b.browserAction?.onClicked ? b.browserAction : undefined;
  return {
    onClicked: (cb) => api?.onClicked.addListener(cb),
    setBadge: (tabId, text) => {
      // A tab closed in the meantime rejects; a badge on a gone tab does not matter.
      void Promise.resolve(api?.setBadgeText({ tabId, text })).catch(() => {});
      if (text) void Promise.resolve(api?.setBadgeBackgroundColor({ tabId, color: '#5b4bb7' })).catch(() => {});
    },
  };
}
