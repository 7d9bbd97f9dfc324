/**
 * A drop-in for WXT's `ContentScriptContext` (wired in wxt.config.ts as an alias of
 * `wxt/utils/content-script-context`) that a web page cannot see.
 *
 * WXT's own context announces every content-script start to the page: a `window.postMessage`
 * and a `CustomEvent` on `document`, both named with the extension id, so that an older copy of
 * the script can stop itself. Any page can listen for them and learn that Gloss is installed
 * (and its id). This context does the same job without touching the page:
 *
 * - an older copy of this content script in the same document (after an extension update or a
 *   re-injection) shares our isolated world, so a function stored on the isolated world's
 *   global under a symbol stops it; the page's own world never sees that global;
 * - a copy orphaned by an update or uninstall loses `runtime.id`; that is checked when the
 *   reader comes back to the tab or presses a pointer, and the copy then stops.
 *
 * Only what Gloss's entrypoint uses is implemented: `signal`, `abort`, `isValid`, `isInvalid`,
 * `onInvalidated`.
 */
import { contentRuntime } from '../platform/runtime';

const KEY = Symbol.for('gloss.content-script.stop');

type Stoppable = typeof globalThis & { [KEY]?: () => void };

export class ContentScriptContext {
  readonly id = Math.random().toString(36).slice(2);
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const g = globalThis as Stoppable;
    g[KEY]?.();
    const stop = () => this.abort('Replaced by a newer copy of the content script');
    g[KEY] = stop;
    this.onInvalidated(() => {
      if (g[KEY] === stop) delete g[KEY];
    });
    const check = () => void this.isInvalid;
    const opts = { capture: true, passive: true, signal: this.signal };
    globalThis.document?.addEventListener('visibilitychange', check, opts);
    globalThis.addEventListener?.('pointerdown', check, opts);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** True once stopped; notices (and stops) a copy whose extension was updated or removed. */
  get isInvalid(): boolean {
    const orphaned = contentRuntime()?.id == null;
    if (orphaned && !this.signal.aborted) this.abort('Content script context invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb, { once: true });
    return () => this.signal.removeEventListener('abort', cb);
  }
}
