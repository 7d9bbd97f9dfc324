/**
 * Wires the content script: runs the page pipeline and answers the background's messages.
 * Everything hangs off `signal` (WXT's content-script context), including the message listener,
 * so an old content script left behind by an extension update goes quiet.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import { createRouter, send, type ContentToBackground, type Request } from '../messaging';
import { startPage } from './pipeline';

export interface ContentEnv {
  browser: Pick<WxtBrowser, 'runtime'>;
  doc: Document;
  win: Window;
  signal: AbortSignal;
}

/** Starts Gloss on this page. Never throws: a broken page must not break the reader's tab. */
export function startContent({ browser, doc, win, signal }: ContentEnv): void {
  const toBackground = <K extends keyof ContentToBackground>(type: K, request: Request<K>) =>
    send((m) => browser.runtime.sendMessage(m), type, request);

  if (signal.aborted) return;
  let page: ReturnType<typeof startPage>;
  try {
    page = startPage({ doc, win, signal, send: toBackground });
  } catch (e) {
    console.warn('Gloss: could not start on this page', e);
    return;
  }
  const route = createRouter(page.handlers, {
    // Only the background (our own extension, no tab) may talk to a content script.
    accept: (type, sender) => sender.id === browser.runtime.id && type.startsWith('bg:') && !sender.tab,
  });
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender) => route(msg, sender);
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
