/**
 * Tells the content script when the article's text changed, so mentions and highlights can be
 * refreshed: live blogs append paragraphs, sites swap in lazy-loaded sections, frameworks
 * re-render. One MutationObserver over the article roots, debounced (a burst of mutations is
 * one change) with a maximum wait (a page that never stops changing still gets refreshed).
 * Highlights themselves never mutate the DOM, so refreshing cannot feed back into the watcher.
 */

/** Options of {@link watchArticle}. */
export interface WatchOptions {
  /** Quiet time after the last mutation before `onChange` (default 500 ms). */
  debounceMs?: number;
  /** Longest delay after the first mutation of a burst (default 3000 ms). */
  maxWaitMs?: number;
  /** Mutations to disregard, e.g. attribute-only noise (childList and text changes are watched). */
  ignore?: (record: MutationRecord) => boolean;
}

const DEFAULT_DEBOUNCE_MS = 500;
const DEFAULT_MAX_WAIT_MS = 3000;

/**
 * Calls `onChange` (debounced) whenever text or elements change under any of `roots`, until
 * `signal` aborts. Returns nothing: stop it with the signal.
 */
export function watchArticle(roots: readonly Node[], signal: AbortSignal, onChange: () => void, opts: WatchOptions = {}): void {
  if (signal.aborted || roots.length === 0) return;
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const fire = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    if (!signal.aborted) onChange();
  };

  const observer = new MutationObserver((records) => {
    if (opts.ignore && records.every(opts.ignore)) return;
    clearTimeout(quiet);
    quiet = setTimeout(fire, debounceMs);
    deadline ??= setTimeout(fire, maxWaitMs);
  });
  for (const root of roots) observer.observe(root, { childList: true, characterData: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
    },
    { once: true },
  );
}
