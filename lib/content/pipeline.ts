/**
 * The content script's work on one page load: detect the article, guard it against overlays,
 * find and highlight the mentions of noted terms, and keep the background informed.
 *
 * On a page that is not an article it touches nothing: no overlay hiding, no highlights, not
 * even a settings request. The reader's switches (global and per site) are fetched before
 * anything is changed and re-applied when they change. Every side effect hangs off `signal`
 * (WXT's content-script context), so nothing outlives navigation, reload or an extension update.
 */
import { detectArticle } from '../article';
import type { BackgroundToContent, ContentToBackground, Handlers, Request, Response, TabState } from '../messaging';
import { startOverlayGuard, type OverlayGuard } from '../overlays';
import type { EffectiveSettings } from '../settings/schema';
import { buildMatcher, countMentions, findMentions, highlightMentions, type Mention } from '../terms';

export interface PipelineDeps {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** Typed send to the background. */
  send: <K extends keyof ContentToBackground>(type: K, request: Request<K>) => Promise<Response<K>>;
}

/** Used when the background cannot be reached: Gloss's defaults. */
const DEFAULT_EFFECTIVE: EffectiveSettings = { overlays: true, highlights: true, rules: '' };

/** Starts Gloss on the page; returns the handlers for the background's messages. */
export function startPage({ doc, win, signal, send }: PipelineDeps): {
  handlers: Handlers<BackgroundToContent>;
  ready: Promise<void>;
} {
  const article = detectArticle(doc);
  const state: TabState = {
    url: doc.location?.href ?? '',
    article: {
      isArticle: article.isArticle,
      title: article.title,
      siteName: article.siteName,
      lang: article.lang,
      reason: article.reason,
    },
    overlays: { labels: [], shownAgain: false, enabled: false },
    mentions: [],
  };
  const report = () => void send('content:stateChanged', { state });

  let settings = DEFAULT_EFFECTIVE;
  let guard: { guard: OverlayGuard; stop: AbortController } | null = null;
  let mentions: Mention[] = [];
  let undoHighlights = () => {};

  async function loadSettings() {
    const reply = await send('content:getSettings', {});
    settings = reply.ok && reply.settings ? reply.settings : DEFAULT_EFFECTIVE;
  }

  /** Starts or stops the overlay guard to match the switches; stopping restores what it hid. */
  function applyOverlays() {
    state.overlays.enabled = settings.overlays;
    const wanted = settings.overlays && !state.overlays.shownAgain;
    if (wanted && !guard) {
      const stop = new AbortController();
      guard = {
        stop,
        guard: startOverlayGuard({
          doc,
          win,
          signal: AbortSignal.any([signal, stop.signal]),
          articleBody: article.body,
          onChange: (hidden) => {
            state.overlays.labels = hidden.map((h) => h.label);
            report();
          },
        }),
      };
    } else if (!wanted && guard && !state.overlays.shownAgain) {
      guard.guard.showAgain();
      guard.stop.abort();
      guard = null;
      state.overlays.labels = [];
    }
  }

  function applyHighlights() {
    undoHighlights();
    undoHighlights = settings.highlights ? highlightMentions(win, mentions) : () => {};
  }

  /** Where terms are looked for: headline and body, or the whole page when the reader forced it. */
  let roots: Element[] = article.headline ? [article.headline, ...article.body] : article.body;
  const active = () => article.isArticle || !!state.article.forced;

  async function matchTerms() {
    const dict = await send('content:getDictionary', {});
    if (!dict.ok || signal.aborted) return;
    mentions = findMentions(roots, buildMatcher(dict.entries));
    applyHighlights();
    state.mentions = countMentions(mentions);
    report();
  }

  let ready: Promise<void>;
  if (article.isArticle) {
    signal.addEventListener('abort', () => undoHighlights(), { once: true });
    ready = (async () => {
      await loadSettings();
      if (signal.aborted) return;
      applyOverlays();
      await matchTerms();
    })();
  } else {
    report();
    ready = Promise.resolve();
  }

  return {
    ready,
    handlers: {
      'bg:getState': () => ({ ok: true, state }),
      'bg:showOverlaysAgain': () => {
        guard?.guard.showAgain();
        state.overlays.shownAgain = true;
        report();
        return { ok: true };
      },
      'bg:notesChanged': async () => {
        if (active()) await matchTerms();
        return { ok: true };
      },
      'bg:runAnyway': async () => {
        if (active() || !doc.body) return { ok: true };
        // The reader asked for it: match the whole page. Overlays stay untouched, since without
        // an article there is no text they could be covering.
        state.article.forced = true;
        roots = [doc.body];
        signal.addEventListener('abort', () => undoHighlights(), { once: true });
        await loadSettings();
        if (!signal.aborted) await matchTerms();
        return { ok: true };
      },
      'bg:settingsChanged': async () => {
        if (!active()) return { ok: true };
        await loadSettings();
        if (signal.aborted) return { ok: true };
        if (article.isArticle) applyOverlays();
        applyHighlights();
        report();
        return { ok: true };
      },
    },
  };
}
