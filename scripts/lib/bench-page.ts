/**
 * The in-page half of `npm run bench` (scripts/bench.mjs): bundled with esbuild, together with
 * lib/terms, lib/article, lib/overlays and @mozilla/readability, into one IIFE evaluated in each
 * corpus page, where it defines `globalThis.__glossBench`. Every stage is timed on the page's
 * main thread with performance.now() around exactly its own work; garbage is collected
 * (Chromium runs with --expose-gc) and style and layout brought up to date before each, as
 * they are when a content script runs on a loaded page.
 *
 * Stages follow the content script: detect the article; the overlay guard's initial scan;
 * matching (parse the background's message, load the compiled matcher, find the mentions in
 * headline + body); highlight creation. Baselines: a bare TreeWalker pass over the body's text
 * (the floor), one Unicode-aware RegExp per alias (naive), one alternation RegExp of all
 * aliases over lower-cased text, and Readability's parse of a clone of the document.
 */
import { Readability } from '@mozilla/readability';
import { detectArticle, type ArticleInfo } from '../../lib/article/index.ts';
import { startOverlayGuard } from '../../lib/overlays/index.ts';
import { compileDictionary } from '../../lib/terms/compile.ts';
import { matcherFromCompiled } from '../../lib/terms/automaton.ts';
import { collectSegments } from '../../lib/terms/collect.ts';
import { findMentions, DEFAULT_SLICED_MAX_TEXT_NODES } from '../../lib/terms/mentions.ts';
import { highlightMentions } from '../../lib/terms/highlight.ts';
import { collectTexts, matchTexts, mentionsFromMatches } from '../../lib/terms/remote.ts';
import { readText, suggestFromText } from '../../lib/terms/discover/index.ts';
import type { DictEntry, Mention } from '../../lib/terms/types.ts';

interface Timed {
  ms: number;
  error?: string;
}

declare global {
  var __glossBench: typeof api;
}

/** Collects garbage if exposed, then forces style and layout (untimed). */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
  document.documentElement?.getBoundingClientRect();
  void document.body?.offsetHeight;
}

const heap = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Runs `fn` timed after settling; failures become an error field, never an exception. */
function timed<T extends object>(fn: () => T): T & Timed {
  settle();
  try {
    const t0 = performance.now();
    const out = fn();
    return { ...out, ms: performance.now() - t0 };
  } catch (err) {
    return { ms: NaN, error: message(err) } as T & Timed;
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

let payload = '';
let aliases: string[] = [];
let article: ArticleInfo | null = null;
let mentions: Mention[] = [];
let remoteSegments: ReturnType<typeof collectTexts>['segments'] = [];

const roots = (): Element[] => (article ? [...(article.headline ? [article.headline] : []), ...article.body] : []);

const api = {
  /** Untimed: the background's message (JSON, as Chrome messaging carries it) and the alias list. */
  setup(message: string, names: string[]): { ok: true } {
    payload = message;
    aliases = names;
    article = null;
    mentions = [];
    return { ok: true };
  },

  /** The floor: visit every text node under <body> and read its text. */
  walk: () =>
    timed(() => {
      let nodes = 0;
      let chars = 0;
      const body = document.body;
      if (body) {
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes++;
          chars += (n as Text).data.length;
        }
      }
      return { nodes, chars };
    }),

  readability: () =>
    timed(() => {
      const parsed = new Readability(document.cloneNode(true) as Document).parse();
      return { parsed: !!parsed };
    }),

  detect: () =>
    timed(() => {
      article = detectArticle(document);
      return { isArticle: article.isArticle, readable: article.prose.length > 0, bodyElements: article.body.length };
    }),

  /**
   * The overlay guard's initial scan (startOverlayGuard scans synchronously), then stopped. Run on
   * articles and on the other pages of prose, as the content script does.
   */
  overlays: () => {
    const stop = new AbortController();
    const out = timed(() => {
      let hidden = 0;
      const guard = startOverlayGuard({
        doc: document,
        win: window,
        signal: stop.signal,
        articleBody: article?.prose ?? [],
        onChange: (h) => {
          hidden = h.length;
        },
      });
      return { hidden: Math.max(hidden, guard.hidden().length) };
    });
    stop.abort();
    return out;
  },

  /** Matching, including getting the matcher into the page: JSON.parse of the message + load + find. */
  match: () => {
    const before = heap();
    const out = timed(() => {
      const t0 = performance.now();
      const reply = JSON.parse(payload) as { compiled: unknown };
      const matcher = matcherFromCompiled(reply.compiled);
      const loadMs = performance.now() - t0;
      mentions = findMentions(roots(), matcher, { maxTextNodes: DEFAULT_SLICED_MAX_TEXT_NODES });
      return { loadMs, mentions: mentions.length, notes: new Set(mentions.map((m) => m.noteId)).size };
    });
    return { ...out, heapAfter: heap(), heapDelta: heap() - before };
  },

  highlight: () =>
    timed(() => {
      highlightMentions(window, mentions);
      return { ranges: mentions.length };
    }),

  /**
   * "Also mentioned" (lib/terms/discover): the page reads the article's text (read.ts) and
   * serialises it with the match request; the background ranks the names (reported apart, off
   * the page's main thread).
   */
  suggest: () => {
    let request = '';
    const pageSide = timed(() => {
      const page = readText(roots());
      request = JSON.stringify({ page });
      return { chars: page.text.length };
    });
    if (pageSide.error) return pageSide;
    const t0 = performance.now();
    const found = suggestFromText((JSON.parse(request) as { page: Parameters<typeof suggestFromText>[0] }).page, { lang: article?.lang ?? '' });
    const backgroundMs = performance.now() - t0;
    return { ...pageSide, backgroundMs, suggestions: found.length };
  },

  /**
   * The other architecture (lib/terms/remote.ts): the page sends its texts, the background
   * matches. Page side only: collect + serialise the request + parse the reply + Ranges. The
   * background's matching (warm: it serves every page) is reported apart, as it runs off the
   * page's main thread.
   */
  remote: () => {
    const reply = JSON.parse(payload) as { compiled: unknown };
    const matcher = matcherFromCompiled(reply.compiled);
    let answer = '';
    let backgroundMs = NaN;
    let request = '';
    const page1 = timed(() => {
      const { texts, segments } = collectTexts(roots());
      request = JSON.stringify({ texts });
      remoteSegments = segments;
      return { texts: texts.length };
    });
    // Background: one warm-up (it serves every page), then timed.
    const parsedRequest = JSON.parse(request) as { texts: string[] };
    matchTexts(matcher, parsedRequest.texts);
    const t0 = performance.now();
    answer = JSON.stringify({ matches: matchTexts(matcher, parsedRequest.texts) });
    backgroundMs = performance.now() - t0;
    const page2 = timed(() => {
      const found = mentionsFromMatches(remoteSegments, (JSON.parse(answer) as { matches: unknown }).matches);
      return { mentions: found.length };
    });
    return { ms: page1.ms + page2.ms, collectMs: page1.ms, mapMs: page2.ms, backgroundMs, mentions: page2.mentions, requestChars: request.length, error: page1.error ?? page2.error };
  },

  /** One alternation of all aliases, longest first, over lower-cased text: build + first run, then a warm run. */
  alternation: () => {
    let re: RegExp | null = null;
    let texts: string[] = [];
    const out = timed(() => {
      texts = collectSegments(roots(), DEFAULT_SLICED_MAX_TEXT_NODES).map((s) => s.text.toLowerCase());
      const alts = aliases.map((a) => a.toLowerCase()).sort((a, b) => b.length - a.length).map(escape);
      re = new RegExp(`${BEFORE}(?:${alts.join('|')})${AFTER}`, 'gu');
      let matches = 0;
      for (const t of texts) {
        re.lastIndex = 0;
        while (re.exec(t)) matches++;
      }
      return { matches };
    });
    settle();
    const t0 = performance.now();
    for (const t of texts) {
      const r = re as RegExp | null;
      if (!r) break;
      r.lastIndex = 0;
      while (r.exec(t));
    }
    return { ...out, warmExecMs: performance.now() - t0 };
  },

  /** One case-insensitive Unicode RegExp per alias (every `stride`-th alias; the caller scales). */
  naive: (stride: number) =>
    timed(() => {
      const texts = collectSegments(roots(), DEFAULT_SLICED_MAX_TEXT_NODES).map((s) => s.text);
      let matches = 0;
      let used = 0;
      for (let i = 0; i < aliases.length; i += stride) {
        const re = new RegExp(`${BEFORE}${escape(aliases[i] ?? '')}${AFTER}`, 'giu');
        used++;
        for (const t of texts) {
          re.lastIndex = 0;
          while (re.exec(t)) matches++;
        }
      }
      return { matches, used };
    }),

  /**
   * The background's work on a new dictionary version, timed in this V8 (the engine of Chrome's
   * service worker): compile, and load the matcher it keeps. The JSON message is only the
   * in-page alternative's (the shipped background never sends the dictionary), so it is made
   * after the clock stops.
   */
  compile: (entries: DictEntry[]) => {
    const { compiled, ...out } = timed(() => {
      const compiled = compileDictionary(entries);
      return { compiled, stats: compiled.stats, notes: matcherFromCompiled(compiled).notes };
    });
    return compiled ? { ...out, message: JSON.stringify({ ok: true, version: 1, compiled }) } : out;
  },

  heap,
};

globalThis.__glossBench = api;

