/**
 * The content script's work on one page load: detect the article, guard it against overlays,
 * find and highlight the mentions of noted terms, and keep the background informed.
 *
 * On a page that is not an article it touches nothing: no overlay hiding, no highlights.
 * Every side effect hangs off `signal` (WXT's content-script context), so nothing outlives
 * navigation, reload or an extension update.
 */
import { detectArticle, type ArticleInfo } from '../article';
import type { BackgroundToContent, ContentToBackground, Handlers, Request, Response, TabState } from '../messaging';
import { startOverlayGuard, type OverlayGuard } from '../overlays';
import { buildMatcher, countMentions, findMentions, highlightMentions } from '../terms';

export interface PipelineDeps {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** Typed send to the background. */
  send: <K extends keyof ContentToBackground>(type: K, request: Request<K>) => Promise<Response<K>>;
}

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
    overlays: { labels: [], shownAgain: false },
    mentions: [],
  };
  const report = () => void send('content:stateChanged', { state });

  let guard: OverlayGuard | null = null;
  let undoHighlights = () => {};

  async function matchTerms(info: ArticleInfo) {
    const dict = await send('content:getDictionary', {});
    if (!dict.ok || signal.aborted) return;
    const roots = info.headline ? [info.headline, ...info.body] : info.body;
    const mentions = findMentions(roots, buildMatcher(dict.entries));
    undoHighlights();
    undoHighlights = highlightMentions(win, mentions);
    state.mentions = countMentions(mentions);
    report();
  }

  let ready: Promise<void> = Promise.resolve();
  if (article.isArticle) {
    guard = startOverlayGuard({
      doc,
      win,
      signal,
      articleBody: article.body,
      onChange: (hidden) => {
        state.overlays.labels = hidden.map((h) => h.label);
        report();
      },
    });
    signal.addEventListener('abort', () => undoHighlights(), { once: true });
    ready = matchTerms(article);
  } else {
    report();
  }

  return {
    ready,
    handlers: {
      'bg:getState': () => ({ ok: true, state }),
      'bg:showOverlaysAgain': () => {
        guard?.showAgain();
        state.overlays.shownAgain = true;
        report();
        return { ok: true };
      },
      'bg:notesChanged': async () => {
        if (article.isArticle) await matchTerms(article);
        return { ok: true };
      },
    },
  };
}
