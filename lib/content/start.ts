/**
 * Wires the content script: runs the page pipeline and answers the background's messages.
 * Everything hangs off `signal` (WXT's content-script context), including the message listener,
 * so an old content script left behind by an extension update goes quiet.
 */
import { createRouter, send, SHAPES_TO_CONTENT, type BackgroundToContent, type ContentToBackground, type Handlers, type Request } from '../messaging';
import { watchNavigation } from '../platform/navigation';
import type { ContentRuntime } from '../platform/runtime';
import { startPage } from './pipeline';

/**
 * After a same-document navigation, how long to let the single-page app render the new
 * article before looking at it again (frameworks swap content a few frames after pushState).
 */
export const SPA_SETTLE_MS = 600;

export interface ContentEnv {
  /** The extension's runtime (lib/platform/runtime.ts). */
  runtime: ContentRuntime;
  doc: Document;
  win: Window;
  signal: AbortSignal;
}

/** Starts Gloss on this page. Never throws: a broken page must not break the reader's tab. */
export function startContent({ runtime, doc, win, signal }: ContentEnv): void {
  const toBackground = <K extends keyof ContentToBackground>(type: K, request: Request<K>) =>
    send((m) => runtime.sendMessage(m), type, request);

  if (signal.aborted) return;
  // One page run per document state: a same-document navigation (single-page apps) ends the
  // run (its highlights, overlay guard and watchers go with its signal) and starts a fresh one.
  let run: { handlers: Handlers<BackgroundToContent>; stop: AbortController } | null = null;
  const begin = () => {
    run?.stop.abort();
    run = null;
    if (signal.aborted) return;
    const stop = new AbortController();
    try {
      const page = startPage({ doc, win, signal: AbortSignal.any([signal, stop.signal]), send: toBackground });
      run = { handlers: page.handlers, stop };
    } catch (e) {
      console.warn('Gloss: could not start on this page', e);
    }
  };
  begin();
  // A page Gloss cannot even read stays untouched: no listener, no navigation watch.
  if (!run) return;

  let settle: ReturnType<typeof setTimeout> | undefined;
  watchNavigation({
    win,
    signal,
    onNavigate: () => {
      clearTimeout(settle);
      settle = setTimeout(begin, SPA_SETTLE_MS);
    },
  });
  signal.addEventListener('abort', () => clearTimeout(settle), { once: true });

  // Route to whichever run is current; while none is (a page that failed to start), no answer.
  const route = createRouter(() => run?.handlers ?? null, {
    shapes: SHAPES_TO_CONTENT,
    // Only the background (our own extension, no tab) may talk to a content script.
    accept: (type, sender) => sender.id === runtime.id && type.startsWith('bg:') && !sender.tab,
  });
  const unlisten = runtime.listen(route);
  signal.addEventListener('abort', unlisten, { once: true });
}
