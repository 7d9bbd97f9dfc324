/**
 * Finds the live headline element (<h1>) that belongs to the article body, so term matching can
 * run on it too. Only <h1> counts: h2/h3 near a body are as often section titles as headlines.
 */
import { collapse, effectiveLength, fold, wordsOf } from './text';

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

/** Share of a headline's words the document title must contain for the two to name one thing. */
const SHARED_WORDS = 0.6;
/** An <h1> under this many words and characters may be a label ("About This Site"), not a headline. */
const LABEL_WORDS = 4;
const LABEL_CHARS = 30;
const words = (s: string): string[] => wordsOf(s).map(fold).filter(Boolean);

/**
 * Whether a page's <h1> is the article's title when no metadata declares one. Usually it is, even
 * when <title> differs (a search-engine title beside the printed headline). But test pages and
 * small sites put a site name, a section name or a placeholder in <h1> ("Lorem", "About This
 * Site", "Allergies Health Center") while <title> names the piece: an h1 that is the site's name,
 * or a short label that <title> does not contain (nor most of its words), yields to <title>.
 */
export function headlineIsTitle(headline: string, docTitle: string, siteName: string): boolean {
  const h = fold(headline);
  if (!h) return false;
  if (!fold(docTitle)) return true;
  const site = fold(siteName);
  if (site && (h === site || (h.includes(site) && h.length - site.length <= 8))) return false;
  const label = headline.trim().split(/\s+/).length < LABEL_WORDS && effectiveLength(headline) < LABEL_CHARS;
  return !label || titleNames(docTitle, headline);
}

/** Whether `docTitle` names `text`: holds it (or is held by it), or holds most of its words. */
export function titleNames(docTitle: string, text: string): boolean {
  if (related(text, docTitle)) return true;
  const own = words(text);
  const titleWords = new Set(words(docTitle));
  return own.length > 0 && own.filter((w) => titleWords.has(w)).length >= SHARED_WORDS * own.length;
}
