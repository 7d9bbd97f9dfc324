/**
 * The content script's work on one page load: detect the article, guard it against overlays,
 * find and highlight the mentions of noted terms, and keep the background informed.
 *
 * On a page that is not an article it touches nothing: no overlay hiding, no highlights, not
 * even a settings request; except that a page of prose that is not an article (a product tour
 * in headed sections, ArticleInfo.prose) gets its overlays hidden, and nothing else. The
 * reader's switches (global and per site) are fetched before anything is changed and re-applied
 * when they change. Every side effect hangs off `signal`
 * (WXT's content-script context), so nothing outlives navigation, reload or an extension update.
 */
import { detectArticle } from '../article';
import type { BackgroundToContent, ContentToBackground, Handlers, Request, Response, TabState } from '../messaging';
import { siteRulesFor, startOverlayGuard, type OverlayGuard } from '../overlays';
import { highlightNameFor, type EffectiveSettings } from '../settings/schema';
import { startPageTerms } from './terms';

export interface PipelineDeps {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** Typed send to the background. */
  send: <K extends keyof ContentToBackground>(type: K, request: Request<K>) => Promise<Response<K>>;
}

/** Used when the background cannot be reached: Gloss's defaults. */
const DEFAULT_EFFECTIVE: EffectiveSettings = { overlays: true, highlights: true, highlightColor: 'yellow', rules: '' };

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
      ...(article.byline ? { byline: article.byline } : {}),
      ...(article.published ? { published: article.published } : {}),
      ...(!article.isArticle && article.prose.length > 0 ? { readable: true } : {}),
    },
    overlays: { labels: [], shownAgain: false, enabled: false },
    gate: null,
    mentions: [],
  };
  const report = () => void send('content:stateChanged', { state });
  const terms = startPageTerms({
    doc,
    win,
    signal,
    send,
    lang: article.lang,
    onMentions: (counts, suggestions) => {
      state.mentions = counts;
      state.suggestions = suggestions;
      report();
    },
  });

  let settings = DEFAULT_EFFECTIVE;
  let guard: { guard: OverlayGuard; stop: AbortController; rules: string } | null = null;

  async function loadSettings() {
    const reply = await send('content:getSettings', {});
    settings = reply.ok && reply.settings ? reply.settings : DEFAULT_EFFECTIVE;
  }

  /** Starts or stops the overlay guard to match the switches; stopping restores what it hid. */
  function applyOverlays() {
    state.overlays.enabled = settings.overlays;
    const wanted = settings.overlays && !state.overlays.shownAgain;
    // The reader edited this site's rules: start over with the new ones.
    if (wanted && guard && guard.rules !== settings.rules) stopGuard();
    if (wanted && !guard) {
      const stop = new AbortController();
      guard = {
        stop,
        rules: settings.rules,
        guard: startOverlayGuard({
          doc,
          win,
          signal: AbortSignal.any([signal, stop.signal]),
          articleBody: article.prose,
          // Gloss's built-in site rules plus the reader's own for this site; a bad line of the
          // reader's is skipped here (the panel's rules editor shows it).
          rules: siteRulesFor(settings.rules, doc).rules,
          onChange: (hidden) => {
            state.overlays.labels = hidden.map((h) => h.label);
            report();
          },
          onGate: (gate) => {
            state.gate = gate.gated ? gate.kind : null;
            report();
          },
        }),
      };
    } else if (!wanted && guard && !state.overlays.shownAgain) {
      stopGuard();
    }
  }

  /** Restores everything the guard hid and stops it. */
  function stopGuard() {
    guard?.guard.showAgain();
    guard?.stop.abort();
    guard = null;
    state.overlays.labels = [];
  }

  /** Where terms are looked for: headline and body, or the whole page when the reader forced it. */
  const roots: Element[] = article.headline ? [article.headline, ...article.body] : article.body;
  const active = () => article.isArticle || !!state.article.forced;
  /** Overlays are guarded on articles and on other pages of prose (an article's prose is its body). */
  const guarded = article.prose.length > 0;

  let ready: Promise<void>;
  if (guarded) {
    ready = (async () => {
      await loadSettings();
      if (signal.aborted) return;
      applyOverlays();
      if (!article.isArticle) return report();
      terms.setHighlights(settings.highlights, highlightNameFor(settings.highlightColor));
      await terms.start(roots);
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
        if (active()) await terms.rematch();
        return { ok: true };
      },
      'bg:showMention': ({ noteId, index }) => ({ ok: true, ...terms.showMention(noteId, index) }),
      'bg:runAnyway': async () => {
        if (active() || !doc.body) return { ok: true };
        // The reader asked for it: match the whole page. Overlays stay as they are: guarded from
        // the start on a page of prose, untouched elsewhere (no prose, nothing they could cover).
        state.article.forced = true;
        await loadSettings();
        if (signal.aborted) return { ok: true };
        terms.setHighlights(settings.highlights, highlightNameFor(settings.highlightColor));
        await terms.start([doc.body]);
        return { ok: true };
      },
      'bg:settingsChanged': async () => {
        if (!active() && !guarded) return { ok: true };
        await loadSettings();
        if (signal.aborted) return { ok: true };
        if (guarded) applyOverlays();
        if (active()) terms.setHighlights(settings.highlights, highlightNameFor(settings.highlightColor));
        report();
        return { ok: true };
      },
    },
  };
}
