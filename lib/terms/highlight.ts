/**
 * Highlights mentions with the CSS Custom Highlight API: the ranges are
 * registered in `CSS.highlights` and styled by a `::highlight(name)` rule, so
 * the page DOM is never touched (no wrapper elements, no mutations that could
 * upset the site's own scripts or frameworks).
 */
import type { Mention } from './types';

/** Default highlight name; style it with `::highlight(gloss-term)`. */
export const DEFAULT_HIGHLIGHT_NAME = 'gloss-term';

/** The parts of a window this module needs, all optional since older browsers lack them. */
interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

const noop = (): void => {};

/**
 * Register the mention ranges under `name` in `win`'s highlight registry,
 * replacing any previous highlight of that name. Returns an undo function that
 * removes it (only if it is still the one registered here, so a stale undo
 * cannot remove a newer highlight). Without Custom Highlight API support this
 * is a no-op and returns a no-op.
 */
export function highlightMentions(win: Window, mentions: readonly Mention[], name = DEFAULT_HIGHLIGHT_NAME): () => void {
  const w = win as unknown as HighlightWindow;
  const registry = w.CSS?.highlights;
  const HighlightCtor = w.Highlight;
  if (registry === undefined || HighlightCtor === undefined) return noop;
  const highlight = new HighlightCtor();
  // add() one by one: spreading thousands of ranges into the constructor could overflow the stack.
  for (const m of mentions) highlight.add(m.range);
  registry.set(name, highlight);
  return () => {
    if (registry.get(name) === highlight) registry.delete(name);
  };
}
