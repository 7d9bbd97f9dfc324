/**
 * The in-page half of `npm run eval:article`: bundled with esbuild (together with lib/article and
 * @mozilla/readability) into one IIFE that scripts/eval-article.mjs evaluates in each corpus page,
 * where it defines `globalThis.__glossEval`. Each detector is timed on the page's main thread
 * with performance.now() around exactly the work it does; extracting the text to score is not
 * timed. Before each timed call, garbage is collected (Chromium runs with --expose-gc) and style
 * and layout are brought up to date, as they are when a content script runs on a loaded page, so
 * neither detector pays for the other's garbage or for the first layout.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { detectArticle } from '../../lib/article/index.ts';

export interface GlossResult {
  ms: number;
  isArticle: boolean;
  reason: string;
  title: string;
  byline: string;
  published: string;
  /** Short description of the (first) body element, e.g. `div#main.post-content`, or ''. */
  element: string;
  error?: string;
}

export interface GlossText {
  /** innerText of the body elements, joined by blank lines: the text a reader sees. */
  text: string;
  /** textContent of the same elements (for comparison; it keeps <script>/<style> text and hidden text). */
  textContent: string;
  /** Ancestors (or body elements) with `visibility: hidden` that were made visible first. */
  revealed: number;
}

export interface ReadabilityResult {
  ms: number;
  readerable: boolean;
  /** parse() returned an article. */
  parsed: boolean;
  title: string;
  byline: string;
  published: string;
  /** parse().textContent (the benchmark's convention), '' when parse() returned null. */
  text: string;
  error?: string;
}

declare global {
  var __glossEval: {
    runGloss: () => GlossResult;
    glossText: () => GlossText;
    runReadability: () => ReadabilityResult;
    truthText: (html: string) => string;
  };
}

/** Collects garbage if exposed, then forces style and layout (untimed). */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
  document.documentElement?.getBoundingClientRect();
  void document.body?.offsetHeight;
}

function describe(el: Element | undefined): string {
  if (!el) return '';
  const id = el.id ? `#${el.id}` : '';
  const classes = [...el.classList].slice(0, 3).map((c) => `.${c}`).join('');
  return `${el.localName}${id}${classes}`;
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** The body elements of the last runGloss(), for glossText(). */
let lastBody: Element[] = [];

function runGloss(): GlossResult {
  settle();
  lastBody = [];
  try {
    const t0 = performance.now();
    const info = detectArticle(document);
    const ms = performance.now() - t0;
    lastBody = info.body;
    return { ms, isArticle: info.isArticle, reason: info.reason, title: info.title, byline: info.byline, published: info.published, element: describe(info.body[0]) };
  } catch (err) {
    return { ms: NaN, isArticle: false, reason: 'threw', title: '', byline: '', published: '', element: '', error: message(err) };
  }
}

/**
 * The text of the last runGloss()'s body elements. Called after both detectors ran, because it
 * may change the page: some sites hide <body> (or a wrapper) with `visibility: hidden` until
 * their scripts run, which they do not here, so innerText would be empty; such ancestors are
 * made visible first (`visibility` is inherited, so this does not reveal elements that hide
 * themselves).
 */
function glossText(): GlossText {
  let revealed = 0;
  for (const el of lastBody) {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e instanceof HTMLElement && getComputedStyle(e).visibility === 'hidden') {
        e.style.setProperty('visibility', 'visible', 'important');
        revealed++;
      }
    }
  }
  const text = lastBody.map((el) => (el instanceof HTMLElement ? el.innerText : (el.textContent ?? ''))).join('\n\n');
  const textContent = lastBody.map((el) => el.textContent ?? '').join('\n\n');
  return { text, textContent, revealed };
}

function runReadability(): ReadabilityResult {
  settle();
  try {
    const t0 = performance.now();
    const readerable = isProbablyReaderable(document);
    const article = new Readability(document.cloneNode(true) as Document).parse();
    const ms = performance.now() - t0;
    return {
      ms,
      readerable,
      parsed: !!article,
      title: article?.title ?? '',
      byline: article?.byline ?? '',
      published: article?.publishedTime ?? '',
      text: article?.textContent ?? '',
    };
  } catch (err) {
    return { ms: NaN, readerable: false, parsed: false, title: '', byline: '', published: '', text: '', error: message(err) };
  }
}

/** The text of an HTML fragment (Readability's expected.html), as textContent like parse()'s. */
function truthText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
}

globalThis.__glossEval = { runGloss, glossText, runReadability, truthText };
