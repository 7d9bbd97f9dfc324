// @ts-check
/**
 * `npm run eval:article -- --corpus DIR [--json FILE] [--limit N]`: measures Gloss's article
 * detection (lib/article) against a labelled corpus, side by side with @mozilla/readability
 * 0.6.0, in real Chromium (Debian /usr/bin/chromium or CHROMIUM_PATH) with no network.
 *
 * Options:
 *   --corpus DIR          Readability test pages, WCXB or Zyte layout (see scripts/lib/eval-corpus.mjs)
 *   --json FILE           also write the figures and one row per page as JSON
 *   --limit N             only the first N pages (by id)
 *   --concurrency N       tabs evaluated in parallel, each in its own browser context (default:
 *                         half the CPUs, at least 1, at most 4). Timings are per call on each
 *                         page's main thread, but tabs share the cores: on a 2-CPU machine two
 *                         tabs doubled both detectors' times and gained no wall time
 *   --timeout-ms N        per navigation and per detector call (default 60000)
 *   --article-types LIST  WCXB page types that count as articles (default: article)
 *   --page-js             let the pages run their own inline scripts (default off, see below)
 *
 * How a page is run:
 *  - Served from 127.0.0.1 by scripts/lib/eval-corpus.mjs (gunzipped on the fly, never copied).
 *    Every other request is refused in the browser context (main-frame and iframe navigations
 *    elsewhere get an empty 204, so meta refreshes cannot take the page away; subresources are
 *    aborted), and Chromium resolves no host name but 127.0.0.1.
 *  - The pages' own JavaScript is off (`javaScriptEnabled: false`): their external scripts
 *    cannot load offline anyway, half-run inline scripts leave arbitrary states, and the ground
 *    truth of all three corpora was made from the saved HTML. Playwright's evaluate still runs
 *    our code, which is one esbuild IIFE of scripts/lib/eval-page.ts + lib/article +
 *    @mozilla/readability, built in memory at the start of each run.
 *  - Gloss: `detectArticle(document)` on the live page, timed alone. Readability:
 *    `isProbablyReaderable(document)` + `new Readability(document.cloneNode(true)).parse()`,
 *    timed together (that clone is part of its cost). Both on the page's main thread with
 *    performance.now() (Chromium clamps it to 0.1 ms); garbage is collected and layout forced
 *    before each call; the two run in alternating order from page to page.
 *
 * What is scored (pure code in scripts/lib/eval-metrics.mjs, unit-tested):
 *  - Class, "article" being positive. Truth: readability layout `readerable`; WCXB page type
 *    `article` (collection, documentation, forum, listing, product and service are "other");
 *    Zyte: all articles (so no classification figures). Predicted: Gloss `isArticle`;
 *    Readability `isProbablyReaderable`.
 *  - Body: the Zyte benchmark's 4-gram shingle precision/recall/F1 on true-article pages with a
 *    non-empty truth (WCXB `main_content`, Zyte `articleBody`, Readability layout: the text of
 *    `expected.html`, which is Readability's own output). Gloss's text is the `innerText` of the
 *    body elements it returns (empty when it says "not an article"): the rendered text, with
 *    line breaks between blocks and without script/style/hidden text, which is how the WCXB and
 *    Zyte truths read (the score with `textContent` is kept in the rows as `bodyTextContent`).
 *    It is read after both detectors ran, once any `visibility: hidden` ancestor of the body is
 *    made visible: some sites hide <body> until their scripts run, and here they do not.
 *    Readability's text is `parse().textContent` whatever isProbablyReaderable said, as in
 *    the published benchmark (and extraction-metric.md).
 *  - Title: on true-article pages with a true title; see titlesMatch() (case, whitespace and
 *    punctuation ignored; one short site segment such as " | Site" may be stripped from either).
 *  - Byline and publication date: on true-article pages with a true one (readability layout
 *    `byline`/`publishedTime`, WCXB `author`/`publish_date`); see bylinesMatch() (same keys, or
 *    one holding the other at 60% of its length: "By A. King" matches "A. King") and
 *    datesMatch() (the same calendar day). Gloss answers them on articles only, so a rejected
 *    article is a miss; Readability's are parse()'s `byline` and `publishedTime`.
 *  - Time: median and p95 (nearest rank) per call over all pages; timeRatio = Gloss median /
 *    Readability median. Each call is the first on a freshly loaded page (cold code, as a
 *    content script runs); warm repeat calls are roughly 2-3x faster for Gloss.
 *  - Readability layout: readerableAgreement = share of pages where Gloss's isArticle equals
 *    `readerable`.
 * A page that fails to load or crashes is a row with `error`, left out of the figures (and
 * counted); a detector call that throws or times out is that detector's miss (class "other",
 * no body) with `error` in its row.
 *
 * Output: a report on stdout whose last line is the one-line summary; progress on stderr.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from './lib/browsers.mjs';
import { loadCorpus, servePages } from './lib/eval-corpus.mjs';
import { TimeoutError, withTimeout } from './lib/timeout.mjs';
import { WCXB_ARTICLE_TYPES, bylinesMatch, datesMatch, scorePage, snippetShare, summarise, titlesMatch, tokenize } from './lib/eval-metrics.mjs';

/** @typedef {import('./lib/eval-corpus.mjs').CorpusPage} CorpusPage */
/** @typedef {import('./lib/eval-metrics.mjs').Row} Row */
/** @typedef {import('./lib/eval-metrics.mjs').Summary} Summary */
/** @typedef {import('./lib/eval-metrics.mjs').DetectorFigures} DetectorFigures */
/**
 * Mirrors GlossResult / ReadabilityResult in scripts/lib/eval-page.ts.
 * @typedef {{ ms: number, isArticle: boolean, reason: string, title: string, element: string, error?: string }} GlossResult
 * @typedef {{ text: string, textContent: string, revealed: number }} GlossText
 * @typedef {{ ms: number, readerable: boolean, parsed: boolean, title: string, text: string, error?: string }} ReadabilityResult
 * @typedef {{ runGloss: () => GlossResult, glossText: () => GlossText, runReadability: () => ReadabilityResult, truthText: (html: string) => string }} EvalApi
 * @typedef {{ __glossEval: EvalApi }} EvalGlobal  what the bundle defines on globalThis
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npm run eval:article -- --corpus DIR [--json FILE] [--limit N] [--concurrency N] [--timeout-ms N] [--article-types a,b] [--page-js]';

/**
 * @param {string} text
 * @returns {never}
 */
function die(text) {
  console.error(`eval:article: ${text}`);
  process.exit(2);
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 */
function intOption(value, name, fallback) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) die(`--${name} wants a whole number, got ${JSON.stringify(value)}\n${USAGE}`);
  return n;
}

/** The in-page code, built in memory from scripts/lib/eval-page.ts. */
async function bundle() {
  const result = await build({
    entryPoints: [path.join(here, 'lib/eval-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

/** @param {unknown} err */
function message(err) {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** @param {number | null | undefined} n @param {number} [digits] */
const fmt = (n, digits = 3) => (n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits));
/** @param {number | null | undefined} n */
const fmtMs = (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(n < 10 ? 2 : 1)}ms`);

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        corpus: { type: 'string' },
        json: { type: 'string' },
        limit: { type: 'string' },
        concurrency: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'article-types': { type: 'string' },
        'page-js': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return die(`${message(err)}\n${USAGE}`);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.corpus) die(`--corpus DIR is required\n${USAGE}`);
const limit = values.limit === undefined ? undefined : intOption(values.limit, 'limit', 0);
const concurrency = Math.max(1, intOption(values.concurrency, 'concurrency', Math.min(4, Math.floor(availableParallelism() / 2))));
const timeoutMs = Math.max(1000, intOption(values['timeout-ms'], 'timeout-ms', 60_000));
const articleTypes = values['article-types']
  ? values['article-types'].split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)
  : WCXB_ARTICLE_TYPES;

const started = Date.now();
const corpus = await loadCorpus(values.corpus, { limit, articleTypes }).catch((err) => die(message(err)));
for (const w of corpus.warnings) console.error(`warning: ${w}`);
if (!corpus.pages.length) die(`${corpus.dir}: no pages`);
const executablePath = (() => {
  try {
    return findBrowser('chromium');
  } catch (err) {
    return die(message(err));
  }
})();
const code = await bundle().catch((err) => die(`building the in-page bundle failed: ${message(err)}`));

const server = await servePages(corpus.pages);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--js-flags=--expose-gc',
    // Belt and braces with the request routing below: no host name resolves but loopback.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-gpu',
  ],
});
let closing = false;
const shutdown = async () => {
  closing = true;
  await browser.close().catch(() => {});
  await server.close().catch(() => {});
};
process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));

const total = corpus.pages.length;
const progressEvery = Math.max(1, Math.min(50, Math.round(total / 20)));
console.error(
  `eval:article: ${total} pages (${corpus.layout}) from ${corpus.dir}; Chromium ${browser.version()}, ` +
    `${concurrency} tab(s), page JS ${values['page-js'] ? 'on' : 'off'}`,
);

/** @type {Row[]} */
const rows = new Array(total);
let next = 0;
let done = 0;

/** One tab in its own context, re-created after a crash or timeout. */
class Tab {
  /** @type {import('playwright-core').BrowserContext | null} */
  context = null;
  /** @type {import('playwright-core').Page | null} */
  page = null;
  /** The one URL this tab may load now. */
  allowed = '';

  async open() {
    if (!this.context) {
      this.context = await browser.newContext({
        javaScriptEnabled: values['page-js'],
        bypassCSP: true,
        serviceWorkers: 'block',
        viewport: { width: 1280, height: 900 },
      });
      await this.context.route('**/*', (route) => {
        const request = route.request();
        if (request.url() === this.allowed && request.isNavigationRequest()) return route.continue();
        // A 204 answer to a navigation leaves the current document in place (meta refresh,
        // iframes); any other request simply fails.
        if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
        return route.abort();
      });
    }
    if (!this.page || this.page.isClosed()) this.page = await this.context.newPage();
    return this.page;
  }

  /** Drops the page (and the context if the page will not close), e.g. after a hung call. */
  async reset() {
    const { page, context } = this;
    this.page = null;
    const closed = page ? await withTimeout(page.close(), 5000, 'close').then(() => true, () => false) : true;
    if (!closed) {
      this.context = null;
      await withTimeout(context?.close() ?? Promise.resolve(), 10_000, 'close').catch(() => {});
    }
  }

  /**
   * Loads a page and makes `__glossEval` available in it.
   * @param {string} url
   */
  async load(url) {
    const page = await this.open();
    this.allowed = url;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForLoadState('load', { timeout: Math.min(10_000, timeoutMs) }).catch(() => {});
    const href = await page.evaluate(code + ';location.href');
    if (href !== url) throw new Error(`page left for ${String(href)}`);
    return page;
  }

  async close() {
    await this.context?.close().catch(() => {});
  }
}

/**
 * Runs one page: both detectors (each in a fresh load if the other hung), scored.
 * @param {Tab} tab
 * @param {number} index
 * @returns {Promise<Row>}
 */
async function runPage(tab, index) {
  const page = /** @type {CorpusPage} */ (corpus.pages[index]);
  const url = server.pageUrl(index);
  /** @type {Row} */
  const row = {
    id: page.id,
    trueClass: page.trueArticle ? 'article' : 'other',
    pageType: page.pageType,
    readerable: page.readerable,
    url: page.url,
    truthWords: null,
    gloss: null,
    readability: null,
  };
  /** @type {GlossResult | undefined} */
  let g;
  /** @type {ReadabilityResult | undefined} */
  let r;
  /** @type {GlossText} */
  let gt = { text: '', textContent: '', revealed: 0 };
  let truth = page.truthText;
  try {
    const loadStarted = Date.now();
    let p = await tab.load(url);
    row.loadMs = Date.now() - loadStarted;
    if (page.truthHtmlFile) {
      const html = await readFile(page.truthHtmlFile, 'utf8');
      truth = await p.evaluate((h) => /** @type {EvalGlobal} */ (/** @type {unknown} */ (globalThis)).__glossEval.truthText(h), html);
    }
    const order = index % 2 ? ['readability', 'gloss'] : ['gloss', 'readability'];
    for (const kind of order) {
      if (!tab.page) p = await tab.load(url);
      try {
        if (kind === 'gloss') g = await withTimeout(p.evaluate(() => /** @type {EvalGlobal} */ (/** @type {unknown} */ (globalThis)).__glossEval.runGloss()), timeoutMs, 'Gloss');
        else r = await withTimeout(p.evaluate(() => /** @type {EvalGlobal} */ (/** @type {unknown} */ (globalThis)).__glossEval.runReadability()), timeoutMs, 'Readability');
      } catch (err) {
        if (!(err instanceof TimeoutError)) throw err; // the page crashed: a page failure
        const failed = { ms: timeoutMs, title: '', text: '', error: message(err) };
        if (kind === 'gloss') g = { ...failed, isArticle: false, reason: 'timeout', element: '' };
        else r = { ...failed, readerable: false, parsed: false };
        await tab.reset();
      }
    }
    // Not timed, and after both detectors: it may reveal `visibility: hidden` ancestors.
    if (g && !g.error) {
      if (!tab.page) {
        // Readability hung and took the tab with it: find Gloss's body again in a fresh load.
        p = await tab.load(url);
        await withTimeout(p.evaluate(() => /** @type {EvalGlobal} */ (/** @type {unknown} */ (globalThis)).__glossEval.runGloss()), timeoutMs, 'Gloss (again)');
      }
      gt = await withTimeout(p.evaluate(() => /** @type {EvalGlobal} */ (/** @type {unknown} */ (globalThis)).__glossEval.glossText()), timeoutMs, 'Gloss text');
    }
  } catch (err) {
    await tab.reset();
    return { ...row, error: closing ? 'interrupted' : message(err) };
  }
  if (!g || !r) return { ...row, error: 'no result' };

  const scoreBody = page.trueArticle && !!truth?.trim();
  const scoreTitle = page.trueArticle && !!page.title?.trim();
  const scoreByline = page.trueArticle && !!page.byline?.trim();
  const scorePublished = page.trueArticle && !!page.published?.trim();
  /** @param {{ byline: string, published: string }} d */
  const credits = (d) => ({
    byline: d.byline,
    bylineOk: scoreByline ? bylinesMatch(page.byline, d.byline) : null,
    published: d.published,
    publishedOk: scorePublished ? datesMatch(page.published, d.published) : null,
  });
  if (scoreBody) row.truthWords = tokenize(truth).length;
  const snippets = (/** @type {string} */ text) =>
    scoreBody && (page.with.length || page.without.length)
      ? { snippetsWith: snippetShare(text, page.with), snippetsWithout: snippetShare(text, page.without) }
      : {};
  const body = (/** @type {string} */ text) => {
    if (!scoreBody) return null;
    const { precision, recall, f1 } = scorePage(truth, text);
    return { precision, recall, f1 };
  };
  row.gloss = {
    predicted: g.isArticle ? 'article' : 'other',
    reason: g.reason,
    element: g.element,
    title: g.title,
    titleOk: scoreTitle ? titlesMatch(page.title, g.title) : null,
    ...credits(g),
    body: body(gt.text),
    bodyTextContent: body(gt.textContent),
    words: tokenize(gt.text).length,
    ms: Number.isFinite(g.ms) ? g.ms : null,
    ...snippets(gt.text),
    ...(gt.revealed ? { revealed: gt.revealed } : {}),
    ...(g.error ? { error: g.error } : {}),
  };
  row.readability = {
    predicted: r.readerable ? 'article' : 'other',
    title: r.title,
    titleOk: scoreTitle ? titlesMatch(page.title, r.title) : null,
    ...credits(r),
    body: body(r.text),
    words: tokenize(r.text).length,
    ms: Number.isFinite(r.ms) ? r.ms : null,
    ...snippets(r.text),
    ...(r.error ? { error: r.error } : {}),
  };
  return row;
}

/** @param {Tab} tab */
async function worker(tab) {
  while (next < total && !closing) {
    const index = next++;
    rows[index] = await runPage(tab, index);
    done++;
    if (done % progressEvery === 0 || done === total) {
      const s = (Date.now() - started) / 1000;
      const eta = done < total ? `, ~${Math.round((s / done) * (total - done))}s left` : '';
      console.error(`  ${done}/${total} pages (${s.toFixed(0)}s${eta})`);
    }
  }
}

const tabs = Array.from({ length: Math.min(concurrency, total) }, () => new Tab());
try {
  await Promise.all(tabs.map(worker));
} finally {
  await Promise.all(tabs.map((t) => t.close()));
  await shutdown();
}
const wallMs = Date.now() - started;

const summary = summarise(rows, corpus);
report(summary, rows, wallMs);
if (values.json) {
  const out = {
    corpus: corpus.dir,
    layout: corpus.layout,
    chromium: browser.version(),
    concurrency,
    pageJs: values['page-js'],
    articleTypes: corpus.layout === 'wcxb' ? articleTypes : null,
    wallMs,
    ...summary,
    rows,
  };
  await mkdir(path.dirname(path.resolve(values.json)), { recursive: true });
  await writeFile(values.json, `${JSON.stringify(out, null, 1)}\n`);
  console.error(`eval:article: wrote ${values.json}`);
}
process.exit(summary.failures === summary.pages ? 1 : 0);

/**
 * Prints the report; its last line is the one-line summary.
 * @param {Summary} s
 * @param {Row[]} all
 * @param {number} wall
 */
function report(s, all, wall) {
  const ok = all.filter((r) => !r.error);
  const line = (/** @type {string} */ label, /** @type {string} */ a, /** @type {string} */ b) =>
    console.log(`  ${label.padEnd(30)} ${a.padStart(10)} ${b.padStart(12)}`);
  console.log(`\neval:article ${corpus.dir} (${corpus.layout}): ${s.pages} pages, ${s.articles} articles, ${s.failures} failed`);
  line('', 'Gloss', 'Readability');
  const both = (/** @type {(f: DetectorFigures) => string} */ get) => /** @type {[string, string]} */ ([get(s.gloss), get(s.readability)]);
  line('article precision', ...both((f) => fmt(f.classification.precision)));
  line('article recall', ...both((f) => fmt(f.classification.recall)));
  line('article accuracy', ...both((f) => fmt(f.classification.accuracy)));
  line(`body precision (${s.bodyPages} pages)`, ...both((f) => fmt(f.body.precision)));
  line('body recall', ...both((f) => fmt(f.body.recall)));
  line('body F1', ...both((f) => fmt(f.body.f1)));
  if (s.gloss.snippets.with !== null) {
    line('WCXB "with" snippets found', ...both((f) => fmt(f.snippets.with)));
    line('WCXB "without" snippets leaked', ...both((f) => fmt(f.snippets.without)));
  }
  line(`title accuracy (${s.titlePages} pages)`, ...both((f) => fmt(f.titleAccuracy)));
  if (s.bylinePages) line(`byline accuracy (${s.bylinePages} pages)`, ...both((f) => fmt(f.bylineAccuracy)));
  if (s.publishedPages) line(`published date accuracy (${s.publishedPages} pages)`, ...both((f) => fmt(f.publishedAccuracy)));
  line('median time', ...both((f) => fmtMs(f.medianMs)));
  line('p95 time', ...both((f) => fmtMs(f.p95Ms)));
  line('calls failed (threw/timed out)', ...both((f) => String(f.errors)));
  if (s.readerableAgreement !== null) line('agreement with "readerable"', fmt(s.readerableAgreement), '');
  const tc = corpusBodyTextContent(ok);
  if (tc !== null) line('Gloss body F1 with textContent', fmt(tc), '');

  if (corpus.layout === 'wcxb') {
    console.log('\n  Called "article", by WCXB page type:');
    /** @type {Map<string, Row[]>} */
    const byType = new Map();
    for (const r of ok) byType.set(r.pageType ?? '?', [...(byType.get(r.pageType ?? '?') ?? []), r]);
    for (const [type, rs] of [...byType].sort((a, b) => b[1].length - a[1].length)) {
      const rate = (/** @type {'gloss' | 'readability'} */ k) => fmt(rs.filter((r) => r[k]?.predicted === 'article').length / rs.length, 2);
      line(`${type} (${rs.length})${articleTypes.includes(type) ? ' = article' : ''}`, rate('gloss'), rate('readability'));
    }
  }
  const mistakes = ok.filter((r) => (r.gloss?.predicted === 'article') !== (r.trueClass === 'article'));
  if (mistakes.length) {
    /** @type {Map<string, number>} */
    const reasons = new Map();
    for (const r of mistakes) {
      const key = `${r.trueClass === 'article' ? 'missed' : 'false article'}: ${r.gloss?.reason}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    console.log(`\n  Gloss misclassifications (${mistakes.length}) by reason:`);
    for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(n).padStart(4)}  ${k}`);
  }
  // Missed articles (F1 0) are counted above; these are the pages Gloss took but cut badly.
  const worst = ok
    .filter((r) => r.gloss?.body && r.gloss.predicted === 'article')
    .sort((a, b) => (a.gloss?.body?.f1 ?? 0) - (b.gloss?.body?.f1 ?? 0))
    .slice(0, 10);
  if (worst.length) {
    console.log('\n  Lowest Gloss body F1 on pages it called articles (id, F1 P R | Readability F1 | reason, element):');
    for (const r of worst) {
      const gb = r.gloss?.body;
      console.log(
        `    ${r.id.padEnd(12)} ${fmt(gb?.f1, 2)} ${fmt(gb?.precision, 2)} ${fmt(gb?.recall, 2)} | ${fmt(r.readability?.body?.f1, 2)} | ` +
          `${r.gloss?.reason} ${r.gloss?.element ?? ''}`,
      );
    }
  }
  const failed = all.filter((r) => r.error);
  if (failed.length) {
    console.log(`\n  Failed pages (${failed.length}):`);
    for (const r of failed.slice(0, 20)) console.log(`    ${r.id}: ${r.error}`);
  }
  console.log(`\n  wall time ${(wall / 1000).toFixed(1)}s`);
  const det = (/** @type {string} */ name, /** @type {DetectorFigures} */ f) =>
    `${name} cls P=${fmt(f.classification.precision)} R=${fmt(f.classification.recall)} A=${fmt(f.classification.accuracy)} ` +
    `body P=${fmt(f.body.precision)} R=${fmt(f.body.recall)} F1=${fmt(f.body.f1)} title=${fmt(f.titleAccuracy)} byline=${fmt(f.bylineAccuracy)} date=${fmt(f.publishedAccuracy)} ` +
    `median=${fmtMs(f.medianMs)} p95=${fmtMs(f.p95Ms)}`;
  console.log(
    `SUMMARY ${corpus.layout} pages=${s.pages} failed=${s.failures} | ${det('Gloss', s.gloss)} | ${det('Readability', s.readability)} | ` +
      `timeRatio=${fmt(s.timeRatio)} readerableAgreement=${fmt(s.readerableAgreement)} wall=${(wall / 1000).toFixed(1)}s`,
  );
}

/**
 * Gloss's corpus body F1 had it used textContent (for the report only).
 * @param {Row[]} ok
 */
function corpusBodyTextContent(ok) {
  const scores = ok.map((r) => r.gloss?.bodyTextContent).filter((b) => !!b);
  if (!scores.length) return null;
  const avg = (/** @type {number[]} */ v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  const p = avg(scores.map((b) => b.precision).filter((x) => x !== null));
  const r = avg(scores.map((b) => b.recall).filter((x) => x !== null));
  return p + r ? (2 * p * r) / (p + r) : 0;
}
