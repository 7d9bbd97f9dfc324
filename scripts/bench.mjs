// @ts-check
/**
 * `npm run bench -- [--corpus DIR ...] [--json FILE] [--limit N]`: the content script's cost,
 * stage by stage, in real Chromium (Debian /usr/bin/chromium or CHROMIUM_PATH) over corpus
 * pages, with a 10,000-note / 30,000-name dictionary, against baselines measured in the same
 * run. The last line of stdout is a one-line summary of the ratios; progress goes to stderr.
 *
 * Options:
 *   --corpus DIR           Readability test pages or WCXB layout (repeatable; see
 *                          scripts/lib/eval-corpus.mjs). Default: ../shared/corpus/readability and
 *                          ../shared/corpus/wcxb-dev; the project's fixtures when both are absent
 *   --json FILE            also write every figure (and one row per page) as JSON
 *   --limit N              at most N article pages per corpus
 *   --non-articles N       non-article pages measured for the "non-article page" figure (default 100)
 *   --naive-pages N        article pages that also run the naive baseline (default 30; it is slow)
 *   --naive-stride N       naive baseline runs every Nth alias and scales by N (default 10; its cost
 *                          is linear in the number of aliases; the first --naive-check-pages pages
 *                          also run all aliases to check that)
 *   --naive-check-pages N  default 2
 *   --no-build             read the content script from .output/chrome-mv3 instead of building
 *                          privately (GLOSS_OUT_DIR in a temporary folder)
 *   --timeout-ms N         per page load and per stage (default 120000)
 *
 * What is measured, per page, on the page's main thread (performance.now(); garbage collected
 * and layout forced before each stage; the pages' own scripts off, nothing leaves 127.0.0.1):
 *  - article detection: detectArticle(document) (lib/article);
 *  - overlay scan: startOverlayGuard's initial, synchronous scan (lib/overlays), then stopped;
 *  - matching, as the content script ships it (lib/content/terms.ts, lib/terms/remote.ts): the
 *    page collects the article's text segments and serialises them (JSON, as Chrome's messaging
 *    carries them), the background, which compiled the dictionary once per version of the
 *    notes, matches them, and the page parses the answer and builds the Ranges. The page's
 *    side is its main-thread cost; the background's matching (warm: it serves every page) runs
 *    off the page's thread and is reported beside it. The comparisons with the RegExp
 *    baselines, which do everything in the page, use the two together;
 *  - in-page matching, the alternative design (not shipped): JSON.parse of the compiled
 *    dictionary as a message, matcherFromCompiled, findMentions over headline + body, so it
 *    includes getting the matcher into the page once per load. Reported for comparison;
 *  - highlight creation: highlightMentions (CSS.highlights);
 *  - suggestions ("Also mentioned"): the page reads the article's text for the background
 *    (lib/terms/discover/read.ts) and serialises it; the background's ranking is reported apart;
 *  - pipeline: detection, overlay scan, matching (page side), highlights and suggestions, as the
 *    content script runs them: on a page detection calls "not an article", only detection
 *    counts. The same sum with in-page matching instead is reported too.
 * Baselines, same run, same pages: the bare text walk (TreeWalker over every text node of
 * <body>, reading its text: the floor); naive matching (one `giu` RegExp per alias with
 * Unicode word boundaries, built and run per page); one alternation RegExp of all aliases,
 * longest first, over lower-cased text (`gu`, built and run per page; its warm re-run is also
 * reported); Readability: `new Readability(document.cloneNode(true)).parse()`. The RegExp
 * baselines read the same text segments (lib/terms/collect.ts) and lack Gloss's folding.
 * Dictionary build: what the background does on a new dictionary version, compileDictionary
 * then matcherFromCompiled, in a blank Chromium page (V8, as in the service worker), first
 * (cold) run and the median of four warm runs (the in-page alternative's JSON message is made
 * after the clock stops). Content script: the built
 * content-scripts/content.js, gzipped (level 9). Peak JS heap: performance.memory (precise
 * memory info on) right after matching, the largest over all pages: each page runs in a fresh
 * browser context, so this is one page's isolate (the page's own heap, our bundle, the message,
 * and the benchmark's copy of the 30,000 names for the RegExp baselines).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from './lib/browsers.mjs';
import { loadCorpus, readHtml, servePages } from './lib/eval-corpus.mjs';
import { harvestNames, makeDictionary, roughText } from './lib/bench-dict.mjs';
import { fmtBytes, fmtMs, fmtRatio, median, ratio, summarize, verdict } from './lib/bench-stats.mjs';
import { withTimeout } from './lib/timeout.mjs';

/** @typedef {import('./lib/eval-corpus.mjs').CorpusPage} CorpusPage */
/** @typedef {{ ms: number, error?: string, [k: string]: unknown }} StageResult */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const USAGE =
  'usage: npm run bench -- [--corpus DIR ...] [--json FILE] [--limit N] [--non-articles N] [--naive-pages N] ' +
  '[--naive-stride N] [--naive-check-pages N] [--no-build] [--timeout-ms N]';
const DEFAULT_CORPORA = [path.resolve(root, '../shared/corpus/readability'), path.resolve(root, '../shared/corpus/wcxb-dev')];
const GOALS = { pipelineVsReadability: 0.2, naiveVsMatcher: 100, alternationVsMatcher: 1, matchHighlightVsWalk: 3, dictionaryBuildMs: 200, contentScriptGzipBytes: 30 * 1024, nonArticleVsWalk: 2 };

/**
 * @param {string} text
 * @returns {never}
 */
function die(text) {
  console.error(`bench: ${text}`);
  process.exit(2);
}

/** @param {unknown} err */
const message = (err) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        corpus: { type: 'string', multiple: true },
        json: { type: 'string' },
        limit: { type: 'string' },
        'non-articles': { type: 'string' },
        'naive-pages': { type: 'string' },
        'naive-stride': { type: 'string' },
        'naive-check-pages': { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
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
const limit = values.limit === undefined ? Infinity : intOption(values.limit, 'limit', 0);
const nonArticleCount = intOption(values['non-articles'], 'non-articles', 100);
const naivePages = intOption(values['naive-pages'], 'naive-pages', 30);
const naiveStride = Math.max(1, intOption(values['naive-stride'], 'naive-stride', 10));
const naiveCheckPages = intOption(values['naive-check-pages'], 'naive-check-pages', 2);
const timeoutMs = Math.max(1000, intOption(values['timeout-ms'], 'timeout-ms', 120_000));

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** @returns {Promise<{ articles: CorpusPage[], others: CorpusPage[], sources: string[] }>} */
async function choosePages() {
  const dirs = values.corpus?.length ? values.corpus : DEFAULT_CORPORA.filter((d) => existsSync(d));
  /** @type {CorpusPage[]} */
  let articles = [];
  /** @type {CorpusPage[]} */
  let others = [];
  const sources = [];
  for (const dir of dirs) {
    const corpus = await loadCorpus(dir).catch((err) => die(message(err)));
    for (const w of corpus.warnings) console.error(`warning: ${w}`);
    const a = corpus.pages.filter((p) => p.trueArticle).slice(0, limit);
    articles.push(...a);
    others.push(...corpus.pages.filter((p) => !p.trueArticle));
    sources.push(`${path.relative(root, corpus.dir) || corpus.dir} (${corpus.layout}: ${a.length} articles)`);
  }
  if (dirs.length === 0) {
    // No shared corpora: the project's own pages.
    const fixtures = await loadCorpus(path.join(root, 'test/fixtures/eval-corpus'));
    /** @param {string} file @param {boolean} trueArticle @returns {CorpusPage} */
    const page = (file, trueArticle) => ({
      id: path.relative(root, file), file, trueArticle, pageType: null, readerable: null, truthText: null,
      truthHtmlFile: null, title: null, url: null, with: [], without: [],
    });
    articles = [page(path.join(root, 'seeds/index.html'), true), page(path.join(root, 'test/fixtures/pages/article-en.html'), true),
      ...fixtures.pages.filter((p) => p.trueArticle)];
    others = [page(path.join(root, 'test/fixtures/pages/non-article.html'), false), ...fixtures.pages.filter((p) => !p.trueArticle)];
    sources.push('project fixtures (seeds/index.html, test/fixtures/pages, test/fixtures/eval-corpus)');
  }
  // An even spread over the non-article pages, not the first few of one kind.
  const step = Math.max(1, others.length / Math.max(1, nonArticleCount));
  const spread = [];
  for (let i = 0; i < others.length && spread.length < nonArticleCount; i += step) spread.push(/** @type {CorpusPage} */ (others[Math.floor(i)]));
  return { articles, others: spread, sources };
}

// ---------------------------------------------------------------------------------------------
// Build: the in-page bundle, and the extension for its content-script size
// ---------------------------------------------------------------------------------------------

async function bundle() {
  const result = await build({
    entryPoints: [path.join(here, 'lib/bench-page.ts')],
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

/** @returns {Promise<{ bytes: number, gzipBytes: number, from: string }>} */
async function contentScriptSize() {
  let outDir = path.join(root, '.output');
  let temp = '';
  if (!values['no-build']) {
    temp = await mkdtemp(path.join(tmpdir(), 'gloss-bench-build-'));
    outDir = temp;
    console.error('bench: building the extension privately for the content-script size...');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, env: { ...process.env, GLOSS_OUT_DIR: temp }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`wxt build failed: ${r.stderr?.toString().slice(-500)}`);
  }
  const file = path.join(outDir, 'chrome-mv3/content-scripts/content.js');
  try {
    const source = await readFile(file);
    return { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length, from: values['no-build'] ? path.relative(root, file) : 'private build' };
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

const started = Date.now();
const { articles, others, sources } = await choosePages();
if (articles.length === 0) die('no article pages');
const executablePath = (() => {
  try {
    return findBrowser('chromium');
  } catch (err) {
    return die(message(err));
  }
})();

console.error(`bench: ${articles.length} article pages, ${others.length} non-article pages; harvesting names...`);
const texts = [];
for (const p of articles) texts.push(roughText((await readHtml(p.file)).toString('utf8')));
const dict = makeDictionary(harvestNames(texts));
const code = await bundle().catch((err) => die(`building the in-page bundle failed: ${message(err)}`));
const size = await contentScriptSize().catch((err) => die(`content script size: ${message(err)}`));

const pages = [...articles, ...others];
const server = await servePages(pages);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-gpu',
  ],
});
const chromiumVersion = browser.version();
process.on('SIGINT', () => void browser.close().finally(() => process.exit(130)));

let allowed = '';
/**
 * A fresh browser context (so a fresh renderer: no JIT code, RegExp cache or heap carried over
 * from the previous page, as for a real page load) with every request but `allowed` refused.
 */
async function freshPage() {
  const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === allowed && request.isNavigationRequest()) return route.continue();
    if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
    return route.abort();
  });
  return context.newPage();
}
let page = await freshPage();

/**
 * Calls a stage of the in-page API.
 * @param {string} name
 * @param {unknown} [arg]
 * @returns {Promise<StageResult>}
 */
function stage(name, arg) {
  return withTimeout(
    page.evaluate(([n, a]) => /** @type {any} */ (globalThis).__glossBench[/** @type {string} */ (n)](a), /** @type {const} */ ([name, arg])),
    timeoutMs,
    name,
  );
}

// The dictionary, compiled where the background would compile it: V8 in Chromium.
console.error(`bench: compiling ${dict.names.length} names (${dict.real} from the pages)...`);
await page.goto('about:blank');
await page.evaluate(code);
/** @type {number[]} */
const buildRuns = [];
let messageJson = '';
/** @type {any} */
let dictStats = null;
for (let i = 0; i < 5; i++) {
  const r = await stage('compile', dict.entries);
  if (r.error) die(`compileDictionary failed: ${r.error}`);
  buildRuns.push(r.ms);
  messageJson = /** @type {string} */ (r.message);
  dictStats = r.stats;
}
const messageUtf8 = Buffer.byteLength(messageJson);

/**
 * @typedef {object} Row
 * @property {string} id
 * @property {'article' | 'other'} set
 * @property {string} [error]
 * @property {number} [textNodes]
 * @property {boolean} [isArticle]
 * @property {Record<string, number>} ms  per stage
 * @property {number} [mentions]
 * @property {number} [loadMs]
 * @property {number} [heapAfter]
 * @property {number} [heapDelta]
 * @property {number} [alternationWarmMs]
 * @property {number} [naiveScale]
 * @property {number} [remoteBackgroundMs]
 * @property {number} [suggestBackgroundMs]
 * @property {number} [remoteMentions]
 */

/** @type {Row[]} */
const rows = [];
let naiveDone = 0;
/** @type {{ id: string, full: number, scaled: number }[]} */
const naiveChecks = [];

for (let index = 0; index < pages.length; index++) {
  const p = /** @type {CorpusPage} */ (pages[index]);
  const set = index < articles.length ? 'article' : 'other';
  /** @type {Row} */
  const row = { id: p.id, set, ms: {} };
  rows.push(row);
  try {
    await page.context().close().catch(() => {});
    allowed = server.pageUrl(index);
    page = await freshPage();
    await withTimeout(page.goto(allowed, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs, 'load');
    await page.evaluate(code);
    await page.evaluate(([m, n]) => /** @type {any} */ (globalThis).__glossBench.setup(m, n), /** @type {const} */ ([messageJson, dict.names]));
    const take = async (/** @type {string} */ name, /** @type {unknown} */ arg = undefined) => {
      const r = await stage(name, arg);
      if (r.error) throw new Error(`${name}: ${r.error}`);
      row.ms[name] = r.ms;
      return r;
    };
    const walk = await take('walk');
    row.textNodes = /** @type {number} */ (walk.nodes);
    // Alternate the order so neither side always runs on a fresher page.
    if (index % 2) await take('readability');
    const detected = await take('detect');
    row.isArticle = /** @type {boolean} */ (detected.isArticle);
    // Overlays are guarded on pages of prose that are not articles too (ArticleInfo.prose).
    if (row.isArticle || detected.readable) await take('overlays');
    if (row.isArticle) {
      const m = await take('match');
      row.mentions = /** @type {number} */ (m.mentions);
      row.loadMs = /** @type {number} */ (m.loadMs);
      row.heapAfter = /** @type {number} */ (m.heapAfter);
      row.heapDelta = /** @type {number} */ (m.heapDelta);
      await take('highlight');
      const sug = await take('suggest');
      row.suggestBackgroundMs = /** @type {number} */ (sug.backgroundMs);
    }
    if (set === 'article' && !(index % 2)) await take('readability');
    if (row.isArticle) {
      const remote = await take('remote');
      row.remoteBackgroundMs = /** @type {number} */ (remote.backgroundMs);
      row.remoteMentions = /** @type {number} */ (remote.mentions);
    }
    if (set === 'article' && row.isArticle) {
      const alt = await take('alternation');
      row.alternationWarmMs = /** @type {number} */ (alt.warmExecMs);
      if (naiveDone < naivePages) {
        const naive = await take('naive', naiveStride);
        row.ms.naive = naive.ms * naiveStride;
        row.naiveScale = naiveStride;
        if (naiveChecks.length < naiveCheckPages && naiveStride > 1) {
          const full = await stage('naive', 1);
          if (full.error) throw new Error(`naive: ${full.error}`);
          row.ms.naiveFull = full.ms;
          naiveChecks.push({ id: p.id, full: full.ms, scaled: /** @type {number} */ (row.ms.naive) });
        }
        naiveDone++;
      }
    }
  } catch (err) {
    row.error = message(err);
  }
  if ((index + 1) % 25 === 0 || index === pages.length - 1) {
    console.error(`bench: ${index + 1}/${pages.length} pages (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
await browser.close();
await server.close();

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

const ok = rows.filter((r) => !r.error);
const art = ok.filter((r) => r.set === 'article');
const oth = ok.filter((r) => r.set === 'other');
const col = (/** @type {Row[]} */ rs, /** @type {string} */ k) => rs.map((r) => r.ms[k] ?? NaN);
/** The pipeline's stages with `matching` as its matching stage: 'remote' as shipped, 'match' in the page. */
const pipelineWith = (/** @type {string} */ matching) => (/** @type {Row} */ r) =>
  ['detect', 'overlays', matching, 'highlight', 'suggest'].reduce((s, k) => s + (r.ms[k] ?? 0), 0);
const pipelineOf = pipelineWith('remote');
const inPagePipelineOf = pipelineWith('match');
/** All the shipped matching costs, on either side: what the RegExp baselines are compared with. */
const matchingTotalOf = (/** @type {Row} */ r) => (r.ms.remote ?? NaN) + (r.remoteBackgroundMs ?? NaN);
const matched = art.filter((r) => r.isArticle);
const naiveRows = matched.filter((r) => r.ms.naive !== undefined);

const stages = {
  detect: summarize(col(art, 'detect')),
  overlays: summarize(col(matched, 'overlays')),
  match: summarize(col(matched, 'match')),
  highlight: summarize(col(matched, 'highlight')),
  suggest: summarize(col(matched, 'suggest')),
  pipeline: summarize(art.map(pipelineOf)),
  inPagePipeline: summarize(art.map(inPagePipelineOf)),
  walk: summarize(col(art, 'walk')),
  naive: summarize(col(naiveRows, 'naive')),
  alternation: summarize(col(matched, 'alternation')),
  readability: summarize(col(art, 'readability')),
};
const matchLoad = summarize(matched.map((r) => r.loadMs ?? NaN));
const altWarm = summarize(matched.map((r) => r.alternationWarmMs ?? NaN));
const matchHighlight = summarize(matched.map((r) => (r.ms.match ?? NaN) + (r.ms.highlight ?? NaN)));
const walkMatched = summarize(col(matched, 'walk'));
const remote = summarize(col(matched, 'remote'));
const remoteBackground = summarize(matched.map((r) => r.remoteBackgroundMs ?? NaN));
const remoteHighlight = summarize(matched.map((r) => (r.ms.remote ?? NaN) + (r.ms.highlight ?? NaN)));
const matchingTotal = summarize(matched.map(matchingTotalOf));
const suggestBackground = summarize(matched.map((r) => r.suggestBackgroundMs ?? NaN));
const nonArticleTotal = summarize(oth.map(pipelineOf));
const nonArticleWalk = summarize(col(oth, 'walk'));

const figures = {
  pages: art.length,
  nonArticlePages: oth.length,
  failedPages: rows.length - ok.length,
  pagesDetectedAsArticles: matched.length,
  corpora: sources,
  chromium: chromiumVersion,
  pipelineMedianMs: stages.pipeline.medianMs,
  pipelineP95Ms: stages.pipeline.p95Ms,
  readabilityMedianMs: stages.readability.medianMs,
  readabilityP95Ms: stages.readability.p95Ms,
  pipelineVsReadability: ratio(stages.pipeline.medianMs, stages.readability.medianMs),
  naiveVsMatcher: ratio(stages.naive.medianMs, median(naiveRows.map(matchingTotalOf))),
  naivePages: naiveRows.length,
  naiveStride,
  naiveScalingCheck: naiveChecks,
  alternationVsMatcher: ratio(stages.alternation.medianMs, matchingTotal.medianMs),
  alternationWarmExecVsMatcher: ratio(altWarm.medianMs, matchingTotal.medianMs),
  matchHighlightVsWalk: ratio(remoteHighlight.medianMs, walkMatched.medianMs),
  nonArticleVsWalk: ratio(nonArticleTotal.medianMs, nonArticleWalk.medianMs),
  matchPageSideMedianMs: remote.medianMs,
  matchBackgroundMedianMs: remoteBackground.medianMs,
  matchTotalMedianMs: matchingTotal.medianMs,
  inPagePipelineMedianMs: stages.inPagePipeline.medianMs,
  inPagePipelineVsReadability: ratio(stages.inPagePipeline.medianMs, stages.readability.medianMs),
  inPageMatchHighlightVsWalk: ratio(matchHighlight.medianMs, walkMatched.medianMs),
  inPageNaiveVsMatcher: ratio(stages.naive.medianMs, median(col(naiveRows, 'match'))),
  inPageAlternationVsMatcher: ratio(stages.alternation.medianMs, stages.match.medianMs),
  remoteMentionsAgree: matched.every((r) => r.remoteMentions === r.mentions),
  nonArticleFalsePositives: oth.filter((r) => r.isArticle).length,
  dictionaryBuildMs: buildRuns[0] ?? NaN,
  dictionaryBuildWarmMs: median(buildRuns.slice(1)),
  dictionary: { notes: dict.entries.length, names: dict.names.length, namesFromPages: dict.real, ...dictStats },
  messageJsonChars: messageJson.length,
  messageUtf8Bytes: messageUtf8,
  contentScriptGzipBytes: size.gzipBytes,
  contentScriptBytes: size.bytes,
  contentScriptFrom: size.from,
  peakJsHeapBytes: Math.max(...matched.map((r) => r.heapAfter ?? 0)),
  matchHeapDeltaMedianBytes: median(matched.map((r) => r.heapDelta ?? NaN)),
  suggestBackgroundMedianMs: suggestBackground.medianMs,
  stages: { ...stages, suggestBackground, remote, remoteBackground, matchingTotal, remotePlusHighlight: remoteHighlight, matchLoad, alternationWarmExec: altWarm, matchPlusHighlight: matchHighlight, walkOnMatchedPages: walkMatched, nonArticleTotal, nonArticleWalk },
  goals: GOALS,
  seconds: Math.round((Date.now() - started) / 1000),
};

const line = (/** @type {string} */ label, /** @type {{ medianMs: number, p95Ms: number, pages: number }} */ s, extra = '') =>
  console.log(`  ${label.padEnd(30)} ${fmtMs(s.medianMs).padStart(10)} ${fmtMs(s.p95Ms).padStart(10)}   (${s.pages} pages)${extra}`);
console.log(`Gloss benchmark: Chromium ${figures.chromium}; ${art.length} article pages from ${sources.join(', ')}; ${oth.length} non-article pages; ${figures.failedPages} failed`);
console.log(
  `Dictionary: ${dict.entries.length} notes, ${dict.names.length} names (${dict.real} harvested from the pages), ${dictStats?.patterns} patterns; ` +
    `built in ${fmtMs(figures.dictionaryBuildMs)} cold, ${fmtMs(figures.dictionaryBuildWarmMs)} warm (compile + load in a Chromium page); ` +
    `message ${fmtBytes(messageUtf8)} as JSON (UTF-8)`,
);
console.log(`Content script: ${fmtBytes(size.gzipBytes)} gzipped, ${fmtBytes(size.bytes)} raw (${size.from})`);
console.log(`\nPer page, main thread:            median        p95`);
line('article detection', stages.detect);
line('overlay scan (initial)', stages.overlays);
line('matching, page side', remote, `  + background ${fmtMs(remoteBackground.medianMs)} off the page's thread (total ${fmtMs(matchingTotal.medianMs)})`);
line('highlight creation', stages.highlight);
line('suggestions, page side (read + serialise)', stages.suggest, `  background ranking ${fmtMs(suggestBackground.medianMs)}`);
line('pipeline total', stages.pipeline);
console.log('Baselines:');
line('bare text walk (body)', stages.walk);
line(`naive RegExp per alias (x${naiveStride})`, stages.naive);
line('alternation RegExp (build+run)', stages.alternation, `  warm re-run ${fmtMs(altWarm.medianMs)}`);
line('Readability parse', stages.readability);
line('non-article page: total', nonArticleTotal, `  walk ${fmtMs(nonArticleWalk.medianMs)}`);
console.log('Alternative, not shipped: matching in the page (compiled dictionary sent to every page):');
line('matching (incl. load)', stages.match, `  load ${fmtMs(matchLoad.medianMs)}`);
line('pipeline total', stages.inPagePipeline);
console.log(
  `  then match+highlight ${fmtRatio(figures.inPageMatchHighlightVsWalk)} walk, pipeline ${fmtRatio(figures.inPagePipelineVsReadability, 3)} Readability, ` +
    `${fmtRatio(figures.inPageNaiveVsMatcher, 0)} faster than naive, ${fmtRatio(figures.inPageAlternationVsMatcher)} than alternation; ` +
    `same mentions as shipped: ${figures.remoteMentionsAgree ? 'yes' : 'NO'}`,
);
console.log(`Peak JS heap after matching: ${fmtBytes(figures.peakJsHeapBytes)} (median growth during matching ${fmtBytes(figures.matchHeapDeltaMedianBytes)})`);
for (const c of naiveChecks) console.log(`Naive scaling check on ${c.id}: all aliases ${fmtMs(c.full)}, estimated ${fmtMs(c.scaled)}`);
console.log('\nGoals:');
const goal = (/** @type {string} */ label, /** @type {number} */ v, /** @type {'<=' | '>='} */ op, /** @type {number} */ g, /** @type {string} */ shown) =>
  console.log(`  ${verdict(v, op, g)} ${label}: ${shown}`);
goal('pipeline <= 0.2x Readability', figures.pipelineVsReadability, '<=', GOALS.pipelineVsReadability, fmtRatio(figures.pipelineVsReadability, 3));
goal('matching >= 100x faster than naive', figures.naiveVsMatcher, '>=', GOALS.naiveVsMatcher, fmtRatio(figures.naiveVsMatcher, 0));
goal('matching faster than alternation', figures.alternationVsMatcher, '>=', GOALS.alternationVsMatcher, `${fmtRatio(figures.alternationVsMatcher)} (warm re-run only: ${fmtRatio(figures.alternationWarmExecVsMatcher)})`);
goal('matching + highlighting <= 3x walk', figures.matchHighlightVsWalk, '<=', GOALS.matchHighlightVsWalk, fmtRatio(figures.matchHighlightVsWalk));
goal('dictionary build <= 200 ms', figures.dictionaryBuildMs, '<=', GOALS.dictionaryBuildMs, fmtMs(figures.dictionaryBuildMs));
goal('content script <= 30 KB gz', figures.contentScriptGzipBytes, '<=', GOALS.contentScriptGzipBytes, fmtBytes(figures.contentScriptGzipBytes));
goal('non-article page <= 2x walk', figures.nonArticleVsWalk, '<=', GOALS.nonArticleVsWalk, fmtRatio(figures.nonArticleVsWalk));

if (values.json) {
  await writeFile(values.json, `${JSON.stringify({ ...figures, rows }, null, 1)}\n`);
  console.error(`bench: wrote ${values.json}`);
}
console.log(
  `\nbench: ${art.length} pages · pipeline ${fmtRatio(figures.pipelineVsReadability, 3)} Readability (goal <=0.2) · ` +
    `matcher ${fmtRatio(figures.naiveVsMatcher, 0)} faster than naive (>=100), ${fmtRatio(figures.alternationVsMatcher)} than alternation (>1) · ` +
    `match+highlight ${fmtRatio(figures.matchHighlightVsWalk)} walk (<=3) · build ${fmtMs(figures.dictionaryBuildMs)} (<=200 ms) · ` +
    `content script ${fmtBytes(figures.contentScriptGzipBytes)} gz (<=30 KB) · non-article ${fmtRatio(figures.nonArticleVsWalk)} walk (<=2)`,
);
