/**
 * What the reader asked the panel to show from outside it: a note whose mention they clicked on
 * the page, or a new note for text they selected (context menu). The panel is opened first thing
 * (browsers only allow it inside the reader's gesture, before any await), open panels hear the
 * request as a broadcast, and a panel that is only now opening asks for it once when it starts.
 */
import { send, type PanelRequest } from '../messaging';

export interface PanelRequestDeps {
  /** Opens the panel in a window; rejects when the browser refuses (no gesture). */
  openPanel?: (windowId: number) => Promise<void>;
  isPanelOpen?: (windowId: number) => Promise<boolean>;
  /** One line telling the reader how to open the panel themselves (localised). */
  openPanelHint?: () => string;
  /** runtime.sendMessage, to tell open panels. */
  broadcast: (msg: unknown) => Promise<unknown>;
  now?: () => number;
}

/** How long a request waits for a panel that is opening to ask for it. */
export const REQUEST_TTL_MS = 10_000;

export interface PanelRequests {
  /**
   * Opens the panel and hands it `request`. Call synchronously inside the gesture's handler.
   * Resolves to whether a panel is showing it, with a hint for the reader when not.
   */
  ask(tab: { id: number; windowId: number }, request: PanelRequest): Promise<{ shown: boolean; hint?: string }>;
  /** The pending request for a tab, if recent; taken once. */
  take(tabId: number): PanelRequest | null;
}

export function createPanelRequests(deps: PanelRequestDeps): PanelRequests {
  let pending: { tabId: number; request: PanelRequest; at: number } | null = null;
  const now = () => (deps.now ?? Date.now)();
  return {
    ask(tab, request) {
      // First thing, with no await before it: the gesture's user activation allows the open.
      const opening = deps.openPanel ? deps.openPanel(tab.windowId) : Promise.reject(new Error('no panel'));
      pending = { tabId: tab.id, request, at: now() };
      void send(deps.broadcast, 'bg:panelRequest', { tabId: tab.id, request });
      return opening.then(
        () => ({ shown: true }),
        async () => {
          // Refused (Firefox carries no gesture across messaging): fine when a panel is open,
          // since it heard the broadcast; otherwise tell the reader how to open it.
          const open = await (deps.isPanelOpen?.(tab.windowId) ?? Promise.resolve(false)).catch(() => false);
          return open ? { shown: true } : { shown: false, hint: deps.openPanelHint?.() };
        },
      );
    },
    take(tabId) {
      const p = pending;
      if (!p || p.tabId !== tabId || now() - p.at > REQUEST_TTL_MS) return null;
      pending = null;
      return p.request;
    },
  };
}
