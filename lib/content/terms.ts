/**
 * The content script's term work on one page: read the article's text (in time slices), have
 * the background match it against the notes dictionary (compiled once per version of the notes,
 * in the background), turn the answer into Ranges, highlight them, and keep them current when
 * the article changes. Also the page side of the panel's "previous / next mention" and of
 * clicking a highlighted mention.
 *
 * What the page's content script learns: matches and the titles of the notes matched, for the
 * hover tooltip. Never the note list, never a body.
 */
import type { ContentToBackground, Request, Response, Suggestion } from '../messaging';
import { readTextSliced } from '../terms/discover/read';
// Straight from the modules, not the lib/terms index: the index also brings the matcher and its
// folding tables, which the page never uses (the background matches) but would build at load.
import { DEFAULT_HIGHLIGHT_NAME, highlightMentions } from '../terms/highlight';
import { startTermInteraction } from '../terms/interaction';
import { countMentions } from '../terms/mentions';
import { collectTextsSliced, mentionsFromMatches } from '../terms/remote';
import type { Mention } from '../terms/types';
import { watchArticle } from '../terms/watch';

/** Name of the highlight that flashes the mention the panel scrolled to. */
export const FLASH_HIGHLIGHT_NAME = 'gloss-flash';
/** How long that flash lasts. */
const FLASH_MS = 1600;

export interface PageTermsDeps {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  send: <K extends keyof ContentToBackground>(type: K, request: Request<K>) => Promise<Response<K>>;
  /**
   * Called after every match with the counts (and titles) per note, in order of first mention,
   * and the names and terms that have no note here ("Also mentioned").
   */
  onMentions: (counts: { noteId: string; count: number; title: string }[], suggestions: Suggestion[]) => void;
  /** The page's language, for the suggestions (Spanish writes months in lower case...). */
  lang?: string;
}

export interface PageTerms {
  /** Matches under `roots` (headline and body, or the whole page) and keeps watching them. */
  start(roots: Element[]): Promise<void>;
  /** Matches again (the notes changed). */
  rematch(): Promise<void>;
  /** Shows or removes the highlights (the mentions stay known for the panel), under `name` (colour). */
  setHighlights(on: boolean, name?: string): void;
  /** Scrolls to the `index`th mention of a note (wrapping) and flashes it. */
  showMention(noteId: string, index: number): { index: number; count: number };
}

interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistry };
  Highlight?: typeof Highlight;
}

/** Lets the page handle input and paint between slices of work. */
const nextTask = (win: Window) => () => new Promise<void>((resolve) => win.setTimeout(resolve, 0));

/** Starts term matching for one page; everything stops when `signal` aborts. */
export function startPageTerms({ doc, win, signal, send, onMentions, lang }: PageTermsDeps): PageTerms {
  let roots: Element[] = [];
  let mentions: Mention[] = [];
  let titles = new Map<string, string>();
  let highlightsOn = true;
  let highlightName = DEFAULT_HIGHLIGHT_NAME;
  let undoHighlights = () => {};
  let generation = 0;
  let watching: AbortController | null = null;
  let interacting = false;

  function paint() {
    undoHighlights();
    undoHighlights = highlightsOn ? highlightMentions(win, mentions, highlightName) : () => {};
  }
  signal.addEventListener('abort', () => undoHighlights(), { once: true });

  async function match(): Promise<void> {
    // Only the newest pass may apply: a rematch started meanwhile supersedes this one.
    const gen = ++generation;
    let collected;
    let page;
    try {
      collected = await collectTextsSliced(roots, { signal, yield: nextTask(win) });
      // The article's text for "Also mentioned" too (the background finds the names in it),
      // also in slices: read in one go it held a long page's thread for 20-30 ms.
      page = await readTextSliced(roots, { signal, pause: nextTask(win) });
    } catch {
      return; // aborted: the page went away
    }
    const reply = await send('content:matchTexts', { texts: collected.texts, discover: { page, lang: lang ?? '' } });
    if (!reply.ok || signal.aborted || gen !== generation) return;
    mentions = mentionsFromMatches(collected.segments, reply.matches);
    titles = new Map(Object.entries(reply.titles));
    paint();
    onMentions(
      countMentions(mentions).map((c) => ({ ...c, title: titles.get(c.noteId) ?? '' })),
      reply.suggestions ?? [],
    );
  }

  function interact() {
    if (interacting) return;
    interacting = true;
    startTermInteraction({
      doc,
      win,
      signal,
      // With highlights off nothing on the page looks clickable, so nothing is.
      mentions: () => (highlightsOn ? mentions : []),
      highlightName: () => highlightName,
      titleOf: (id) => titles.get(id) || undefined,
      // Synchronous send inside the click: the background opens the panel before any await.
      onOpen: (noteId) => send('content:openNote', { noteId }).then((r) => (r.ok && !r.shown ? r.hint : undefined)),
    });
  }

  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(flashTimer), { once: true });

  return {
    async start(next) {
      roots = next;
      watching?.abort();
      watching = new AbortController();
      // Live blogs append, sites lazy-load sections, frameworks re-render: match again (debounced).
      // Highlights never mutate the DOM, so a refresh cannot feed back into the watcher.
      watchArticle(roots, AbortSignal.any([signal, watching.signal]), () => void match());
      interact();
      await match();
    },
    rematch: match,
    setHighlights(on, name = DEFAULT_HIGHLIGHT_NAME) {
      highlightsOn = on;
      highlightName = name;
      paint();
    },
    showMention(noteId, index) {
      const list = mentions.filter((m) => m.noteId === noteId && m.range.startContainer.isConnected);
      const count = list.length;
      if (!count) return { index: 0, count: 0 };
      const i = ((index % count) + count) % count;
      const range = list[i]!.range;
      const el = range.startContainer.parentElement;
      // Smooth unless the reader asked for less motion, or the tab is hidden (a hidden document
      // does not animate: Firefox would leave a smooth scroll unfinished until it is shown).
      const instant = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches || doc.visibilityState !== 'visible';
      // scrollIntoView on the text's element also scrolls nested scroll containers.
      el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: instant ? 'auto' : 'smooth' });
      const w = win as unknown as HighlightWindow;
      if (w.CSS?.highlights && w.Highlight) {
        const flash = new w.Highlight(range);
        w.CSS.highlights.set(FLASH_HIGHLIGHT_NAME, flash);
        clearTimeout(flashTimer);
        flashTimer = setTimeout(() => {
          if (w.CSS?.highlights?.get(FLASH_HIGHLIGHT_NAME) === flash) w.CSS.highlights.delete(FLASH_HIGHLIGHT_NAME);
        }, FLASH_MS);
      }
      return { index: i, count };
    },
  };
}
