/**
 * What the panel needs from the browser, as one injected object: the real one talks to the
 * background through the typed message contract; component tests pass a fake.
 */
import type { WxtBrowser } from 'wxt/browser';
import { parseMessage, send, type PanelRequest, type PanelToBackground, type Request, type Response } from '@/lib/messaging';
import { getPanelHost, type PanelGlobals } from '@/lib/platform/panel';

/** Something that means the shown tab's state may be stale. */
export type TabEvent =
  | { kind: 'activated'; tabId: number; windowId: number }
  | { kind: 'updated'; tabId: number; loading: boolean }
  | { kind: 'stateChanged'; tabId: number }
  /** The reader asked for a note (clicked mention, "Add note for …") on that tab. */
  | { kind: 'request'; tabId: number; request: PanelRequest };

export interface PanelApi {
  call<K extends keyof PanelToBackground>(type: K, request: Request<K>): Promise<Response<K>>;
  /** The active tab of the window this panel belongs to. */
  activeTab(): Promise<{ tabId: number; windowId: number } | null>;
  /** Subscribes to tab switches, navigations and state changes; returns the unsubscribe. */
  watch(cb: (e: TabEvent) => void): () => void;
  /**
   * Opens or closes the browser's side panel. Synchronous on purpose: it must run inside the
   * click that asked for it (browsers refuse to open panels without a user gesture).
   */
  togglePanel(): void;
  /** Localised UI text; `subs` fill $1, $2... placeholders. */
  t(key: string, subs?: (string | number)[]): string;
}

/** The real API for an extension page. */
export function createBrowserPanelApi(browser: WxtBrowser, globals: PanelGlobals): PanelApi {
  const host = getPanelHost(globals);
  // Cached ahead of time: awaiting windows.getCurrent() inside the click would lose the gesture.
  let windowId = -1;
  void browser.windows.getCurrent().then((w) => (windowId = w.id ?? -1));

  return {
    call: (type, request) => send((m) => browser.runtime.sendMessage(m), type, request),
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : { tabId: tab.id, windowId: tab.windowId ?? -1 };
    },
    watch(cb) {
      const onActivated = (info: { tabId: number; windowId: number }) => cb({ kind: 'activated', ...info });
      const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
        if (change.status || change.url) cb({ kind: 'updated', tabId, loading: change.status === 'loading' });
      };
      const onMessage = (raw: unknown) => {
        const msg = parseMessage(raw);
        if (msg?.type === 'bg:tabStateChanged') cb({ kind: 'stateChanged', tabId: (msg as { tabId: number }).tabId });
        if (msg?.type === 'bg:panelRequest') {
          const { tabId, request } = msg as { tabId: number; request: PanelRequest };
          cb({ kind: 'request', tabId, request });
        }
        // Returning nothing: this listener never answers, so it never blocks another one.
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.runtime.onMessage.addListener(onMessage);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },
    togglePanel() {
      if (!host) return;
      host.toggle(windowId).catch((e: unknown) => console.warn('Gloss: could not toggle the panel', e));
    },
    t(key, subs) {
      // WXT types getMessage with the literal keys of messages.json; the panel passes keys it
      // built itself (error codes), so widen it. A unit test checks every key exists in each locale.
      const getMessage = browser.i18n.getMessage as (key: string, subs?: string[]) => string;
      const text = getMessage(key, subs?.map(String));
      return text || key;
    },
  };
}
