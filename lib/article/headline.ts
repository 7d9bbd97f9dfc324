/**
 * Finds the live headline element (<h1>) that belongs to the article body, so term matching can
 * run on it too. Only <h1> counts: h2/h3 near a body are as often section titles as headlines.
 */
import { collapse, fold } from './text';

const MAX_H1 = 20;

function related(text: string, hint: string): boolean {
  const a = fold(text);
  const b = fold(hint);
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

/**
 * Looks in the body, then in ever wider ancestors up to `root` (document.body), for the last
 * visible <h1> before the body (or the first inside it). At the `root` level a site-logo <h1> is
 * likely, so there the h1 must match `hint` (the metadata title) when there is one.
 */
export function findHeadline(
  body: Element,
  root: Element,
  hint: string,
  isVisible: (el: Element) => boolean,
): HTMLElement | null {
  for (let scope: Element | null = body; scope; scope = scope === root ? null : scope.parentElement) {
    const h1s = scope.getElementsByTagName('h1');
    let before: HTMLElement | null = null;
    let inside: HTMLElement | null = null;
    for (let i = 0; i < Math.min(h1s.length, MAX_H1); i++) {
      const h = h1s[i];
      if (!h) continue;
      const text = collapse(h.textContent);
      if (!text || (scope === root && hint && !related(text, hint)) || !isVisible(h)) continue;
      if (body.contains(h)) inside ??= h;
      else if (h.compareDocumentPosition(body) & h.DOCUMENT_POSITION_FOLLOWING) before = h;
    }
    const pick = before ?? inside;
    if (pick) return pick;
  }
  return null;
}
