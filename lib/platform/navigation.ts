/**
 * Same-document navigations (single-page apps moving to another article without a page load),
 * detected the best way each browser allows, chosen by feature detection:
 *
 * - the Navigation API (`navigation`'s `currententrychange`, Chrome 102+): fires for
 *   history.pushState/replaceState, back/forward and fragment changes, from any world;
 * - otherwise `popstate` and `hashchange`, plus a cheap poll of `location.href`: a content
 *   script's isolated world cannot reliably wrap the page's own `history.pushState`.
 *
 * Each distinct URL is reported once. Everything hangs off `signal`.
 */

/** Options of {@link watchNavigation}. */
export interface NavigationWatchOptions {
  win: Window;
  signal: AbortSignal;
  /** Called with the new URL after a same-document navigation. */
  onNavigate: (url: string) => void;
  /** Poll interval when the Navigation API is missing (default 1000 ms). */
  pollMs?: number;
}

interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null;
}

/** Starts reporting same-document navigations; returns which mechanism is in use. */
export function watchNavigation({ win, signal, onNavigate, pollMs = 1000 }: NavigationWatchOptions): 'navigation-api' | 'poll' {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onNavigate(href);
  };
  const nav = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    nav.addEventListener('currententrychange', check, { signal });
    return 'navigation-api';
  }
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return 'poll';
}
