/**
 * The content script's messaging with the background, straight from the browser's own API
 * rather than through webextension-polyfill. The polyfill (which the background and the panel
 * keep, through WXT) is about 2.6 KB gzipped, near a tenth of the content script's 30 KB budget,
 * and the content script needs three things of it: its extension's id, `sendMessage` and
 * `onMessage`. Both browsers give those natively with promises:
 *
 * - Firefox: `browser.runtime`, promise-based in every version Gloss supports;
 * - Chrome: `chrome.runtime` (no `browser` global); in MV3 `sendMessage` without a callback
 *   returns a promise.
 *
 * What differs is answering a message: Chrome has no promise-returning listeners (the polyfill
 * adds them), so a listener here answers through `sendResponse` and returns `true` to keep the
 * channel open, which Firefox supports too. One code path for both browsers.
 */
import type { Browser } from 'wxt/browser';

/** A message listener that answers with a promise, or `undefined` when the message is not for it. */
export type RuntimeListener = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined;

/** What the content script uses of `runtime`. */
export interface ContentRuntime {
  /** The extension's id; undefined once the extension is updated or removed (an orphaned script). */
  readonly id: string | undefined;
  sendMessage(message: unknown): Promise<unknown>;
  /** Adds a listener; the returned function removes it. */
  listen(listener: RuntimeListener): () => void;
}

type Responder = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => boolean;

/** The part of a native `runtime` this module calls. */
export interface NativeRuntime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(fn: Responder): void; removeListener(fn: Responder): void };
}

type Globals = { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };

/**
 * Whether a `browser` global is the extension API, not a page's element: in Chrome, where the
 * content script has no `browser` of its own, `<form id="browser"><input name="runtime">` on the
 * page shows through as `browser.runtime` (named access on window reaches every world). The API
 * is a plain object; webextension-polyfill checks the same.
 */
const isApi = (api: unknown): api is { runtime?: NativeRuntime } =>
  typeof api === 'object' && api !== null && Object.getPrototypeOf(api) === Object.prototype;

/**
 * The running browser's runtime: `browser.runtime` where it exists (Firefox), else
 * `chrome.runtime` (Chrome); null outside an extension. `g` is injectable for tests.
 */
export function contentRuntime(g: Globals = globalThis as Globals): ContentRuntime | null {
  const native = (): NativeRuntime | undefined => (isApi(g.browser) ? g.browser.runtime : undefined) ?? g.chrome?.runtime;
  if (!native()) return null;
  return {
    get id() {
      // Reading it can throw in a script whose extension context is gone (Chrome).
      try {
        return native()?.id;
      } catch {
        return undefined;
      }
    },
    sendMessage: (message) => native()!.sendMessage(message),
    listen(listener) {
      const responder: Responder = (message, sender, sendResponse) => {
        const reply = listener(message, sender);
        if (!reply) return false;
        // The router's promises never reject (handlers' failures are replies); a rejection
        // still answers, so the sender is not left waiting for the channel to close.
        void reply.then(sendResponse, () => sendResponse(undefined));
        return true;
      };
      native()!.onMessage.addListener(responder);
      return () => native()?.onMessage.removeListener(responder);
    },
  };
}
