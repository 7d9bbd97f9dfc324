// @ts-check
/**
 * `npm run sweep -- [--corpus DIR ...] [--browser chromium|firefox] [--limit N] [--tabs N]
 * [--json FILE] [--no-build]`: every page of the given corpora (default
 * ../shared/corpus/readability and ../shared/corpus/wcxb-dev) loaded with the built extension
 * in a real browser (Chromium by default; Firefox takes an even spread of 200 unless --limit
 * says otherwise), served from 127.0.0.1 with nothing reaching the network. Reports:
 *
 *  - errors from the extension: console errors and uncaught exceptions whose source is the
 *    extension (content script, service worker / background page), and pages where Gloss never
 *    reported a state (it did not start); must be 0;
 *  - pages left unscrollable by Gloss: Gloss hid an overlay and the document is still locked
 *    (overflow hidden on html/body or a fixed body) while taller than the window; must be 0;
 *  - non-article pages (the corpus's own truth) where Gloss hid anything; must be 0;
 *  - pages with a main-thread task over 50 ms after the page was parsed (Chromium's Long Tasks
 *    API; Gloss runs then, so does layout: an upper bound on Gloss's long tasks); each of those
 *    pages is then loaded again under a Chrome trace (scripts/lib/trace-tasks.mjs), which tells
 *    the pages where Gloss's content script itself was on the stack for 50 ms or more of one
 *    task (its own long task, forced layout included);
 *  - network requests made by the extension itself (the worker / background or extension
 *    pages), which must be 0 (recorded in Chromium); the corpus pages' own requests to other
 *    hosts are refused at once (Chromium's host rules, Firefox's dead proxy) and not counted;
 *  - total time.
 * --extension DIR sweeps an extension built elsewhere (e.g. with GLOSS_OUT_DIR) instead of
 * building .output/ first.
 * The last line of stdout is a one-line summary; progress goes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, launchFirefox } from './lib/browsers.mjs';
import { loadCorpus, servePages } from './lib/eval-corpus.mjs';
import { longTasksOf, TRACE_CATEGORIES } from './lib/trace-tasks.mjs';
import { withTimeout } from './lib/timeout.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: npm run sweep -- [--corpus DIR ...] [--browser chromium|firefox] [--limit N] [--tabs N] [--json FILE] [--no-build] [--extension BUILT_DIR] [--only ID,ID] [--no-page-scripts]';
const DEFAULT_CORPORA = ['../shared/corpus/readability', '../shared/corpus/wcxb-dev'].map((d) => path.resolve(root, d));
const SETTLE_MS = 400;
const PAGE_TIMEOUT_MS = 30_000;
/** Load, Gloss's report and the page's facts, all told. */
const PAGE_DEADLINE_MS = 90_000;
/**
 * How long after the load (Chromium) or DOMContentLoaded (Firefox) Gloss may take to report.
 * Firefox runs document_idle content scripts when the page's thread is first idle after
 * DOMContentLoaded or at its load event, whichever comes first: on a page still busy running
 * its own scripts (or still fetching, as every page here whose hosts go unanswered), seconds
 * later.
 */
const START_WAIT_MS = { chromium: 3000, firefox: 12_000 };

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    browser: { type: 'string', default: 'chromium' },
    limit: { type: 'string' },
    tabs: { type: 'string', default: '2' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    extension: { type: 'string' },
    only: { type: 'string' },
    'no-page-scripts': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
/** @param {string} text @returns {never} */
function die(text) {
  console.error(`sweep: ${text}\n${USAGE}`);
  process.exit(2);
}
const kind = values.browser;
if (kind !== 'chromium' && kind !== 'firefox') die(`--browser is chromium or firefox, not ${kind}`);
const limit = values.limit === undefined ? (kind === 'firefox' ? 200 : Infinity) : Number(values.limit);
const tabs = Number(values.tabs);
if (!(limit > 0) || !Number.isInteger(tabs) || tabs < 1) die('--limit and --tabs want positive whole numbers');
/** @param {string} s */
const log = (s) => console.error(`sweep: ${s}`);

// ---------------------------------------------------------------------------------------------

const dirs = values.corpus?.length ? values.corpus.map((d) => path.resolve(d)) : DEFAULT_CORPORA.filter((d) => existsSync(d));
if (!dirs.length) die('no corpus: pass --corpus DIR (the default ../shared corpora are absent)');
/** @type {import('./lib/eval-corpus.mjs').CorpusPage[]} */
const pages = [];
for (const dir of dirs) {
  const corpus = await loadCorpus(dir);
  pages.push(...corpus.pages);
}
// --only ID,ID: re-check some pages. Firefox's sample is spread over every corpus, not the first
// corpus's first pages.
const only = values.only ? new Set(values.only.split(',')) : null;
if (only) pages.splice(0, pages.length, ...pages.filter((p) => only.has(p.id)));
// An even spread of exactly `limit` pages (every ceil(n / limit)-th page fell short: 181 of 200).
const chosen = limit >= pages.length ? pages : Array.from({ length: limit }, (_, k) => /** @type {(typeof pages)[number]} */ (pages[Math.floor((k * pages.length) / limit)]));
log(`${chosen.length} pages from ${dirs.length} corpora in ${kind}`);

// --extension: an already built extension elsewhere (a long sweep must not see .output rebuilt).
const outDir = values.extension ? path.resolve(values.extension) : kind === 'chromium' ? '.output/chrome-mv3' : '.output/firefox-mv2';
if (!values.extension && (!values['no-build'] || !existsSync(path.join(root, outDir, 'manifest.json')))) {
  log(`building ${outDir}…`);
  const built = spawnSync('npx', ['wxt', 'build', ...(kind === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(1);
}

const server = await servePages(chosen);

/**
 * In the page (run after Gloss settled): is the document locked while taller than the window,
 * and how many long tasks started after the document was parsed.
 */
const pageFacts = () => {
  const html = document.documentElement;
  if (!html) return { lockedWhileTall: false, longTasks: [] };
  const body = document.body;
  const cs = (el) => (el ? getComputedStyle(el) : null);
  const h = cs(html);
  const b = cs(body);
  const hidden = (s) => !!s && /hidden|clip/.test(`${s.overflowY}${s.overflow}`);
  const locked = hidden(h) || hidden(b) || b?.position === 'fixed';
  // A frameset (or a page without <body>) has no body to measure.
  const tall = Math.max(html.scrollHeight, body?.scrollHeight ?? 0) > innerHeight + 50;
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
  const parsed = nav?.domInteractive ?? 0;
  const entries = /** @type {PerformanceEntry[]} */ (/** @type {any} */ (window).__sweepLongTasks ?? []);
  const longTasks = entries.filter((t) => t.startTime >= parsed).map((t) => Math.round(t.duration));
  return { lockedWhileTall: locked && tall, longTasks };
};

/** In an extension page: Gloss's state for the tab showing `url` (null if no content script answered). */
const tabStateFor = async (/** @type {string[]} */ urls) => {
  const g = /** @type {any} */ (globalThis);
  const api = g.browser ?? g.chrome;
  // Only the tab showing the page: asking every tab would wait on any other tab whose page is
  // busy (the background gives up on a silent tab after a few seconds, but each ask costs them).
  const tabs = await api.tabs.query({});
  const showing = tabs.filter((/** @type {any} */ t) => t.url && urls.includes(t.url.split('#')[0]));
  for (const tab of showing.length ? showing : tabs) {
    const reply = await api.runtime.sendMessage({ type: 'panel:getTabState', tabId: tab.id });
    if (reply?.ok && urls.includes(reply.state.url.split('#')[0])) return reply.state;
  }
  return null;
};
/** The addresses a page may report: the one served, and where it moved itself (replaceState, redirects). */
const urlsOf = (/** @type {string} */ served, /** @type {string} */ current) => [served, current.split('#')[0]];

const started = Date.now();
/** @type {{ id: string, index: number, trueArticle: boolean, detected: boolean | null, hidden: number, error: string | null, lockedByGloss: boolean, longTasks: number[], traced?: { ms: number, glossMs: number }[] }[]} */
const rows = [];
const extensionErrors = [];
const extensionRequests = [];
let next = 0;

/**
 * Loads `url` in `page`, waits for Gloss to report its state for it (asked through the extension
 * page `helper`), lets it settle and returns the state then.
 * @param {any} page
 * @param {any} helper
 * @param {string} url
 * @param {'load' | 'domcontentloaded'} waitUntil
 */
async function loadAndSettle(page, helper, url, waitUntil) {
  const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
  await page.goto(url, { waitUntil, timeout: PAGE_TIMEOUT_MS });
  let state = null;
  const until = Date.now() + START_WAIT_MS[kind];
  while (!state) {
    state = await helper.evaluate(tabStateFor, urlsOf(url, page.url()));
    if (state || Date.now() > until) break;
    await sleep(150);
  }
  if (!state) throw new Error(`Gloss reported no state (content script did not start) at ${page.url()}`);
  await sleep(SETTLE_MS);
  return (await helper.evaluate(tabStateFor, urlsOf(url, page.url()))) ?? state;
}

/**
 * Loads each page with a long task again, alone in a tab, under a Chrome trace, and records
 * its tasks of 50 ms or more in which Gloss's content script ran, with Gloss's share of each.
 * Tracing is browser-wide (one at a time), hence after the two-tab sweep, not during it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {any} helper
 * @param {string} extensionId
 * @param {typeof rows} flagged
 */
async function traceLongTasks(context, helper, extensionId, flagged) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const prefix = `chrome-extension://${extensionId}/content-scripts/`;
  for (const row of flagged) {
    /** @type {any[]} */
    const events = [];
    const onData = (/** @type {{ value: any[] }} */ e) => events.push(...e.value);
    cdp.on('Tracing.dataCollected', onData);
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    try {
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
      await loadAndSettle(page, helper, server.pageUrl(row.index), 'load').catch(() => null);
    } finally {
      await cdp.send('Tracing.end').catch(() => {});
      await complete;
      cdp.off('Tracing.dataCollected', onData);
    }
    row.traced = longTasksOf(events, prefix).map((t) => ({ ms: Math.round(t.ms), glossMs: Math.round(t.scriptMs) }));
  }
  await page.close();
}

/**
 * One tab's share of the sweep (Playwright and Puppeteer pages answer the same calls): load each
 * next page, wait for Gloss's state (asked through the extension page `helper`), let it settle,
 * then record what it did and the page's facts.
 * @param {{ newPage: () => Promise<any>, helper: any, waitUntil: 'load' | 'domcontentloaded', origin: string }} tab
 */
async function sweepTab({ newPage, helper, waitUntil, origin }) {
  const open = async () => {
    const tab = await newPage();
    tab.on('console', (/** @type {any} */ m) => {
      if (m.type() === 'error' && ((m.location()?.url ?? '').startsWith(origin) || /^Gloss:/.test(m.text()))) extensionErrors.push(`${tab.url()}: ${m.text()}`);
    });
    return tab;
  };
  let page = await open();
  for (let i = next++; i < chosen.length; i = next++) {
    const p = /** @type {import('./lib/eval-corpus.mjs').CorpusPage} */ (chosen[i]);
    const url = server.pageUrl(i);
    /** @type {(typeof rows)[number]} */
    const row = { id: p.id, index: i, trueArticle: p.trueArticle, detected: null, hidden: 0, error: null, lockedByGloss: false, longTasks: [] };
    try {
      // A page whose own scripts hog its main thread never answers an evaluate: bounded, so one
      // such page is a failed row (named in the report) instead of a sweep that never ends.
      const { state, facts } = await withTimeout(
        (async () => {
          const state = await loadAndSettle(page, helper, url, waitUntil);
          return { state, facts: await page.evaluate(pageFacts) };
        })(),
        PAGE_DEADLINE_MS,
        "the page (load, Gloss's report, its facts; its main thread busy?)",
      );
      row.detected = state.article.isArticle;
      row.hidden = state.overlays.shownAgain ? 0 : state.overlays.labels.length;
      row.lockedByGloss = row.hidden > 0 && facts.lockedWhileTall;
      row.longTasks = facts.longTasks;
    } catch (e) {
      row.error = String(e instanceof Error ? e.message : e).split('\n')[0] ?? 'error';
      // A tab whose load timed out (or that the page navigated elsewhere) can still be busy
      // with it, and would interrupt the next page's navigation, and so on down the list: the
      // next page gets a fresh tab.
      await page.close().catch(() => {});
      page = await open();
    }
    rows.push(row);
    if (rows.length % 50 === 0) log(`${rows.length}/${chosen.length} pages, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await page.close();
}

if (kind === 'chromium') {
  const chrome = await launchChromium({
    extensionDir: path.resolve(root, outDir),
    // --no-page-scripts: the pages' own scripts off (content scripts still run). Deterministic,
    // but the long-task probe (a page-world observer) is then off too.
    contextOptions: values['no-page-scripts'] ? { javaScriptEnabled: false } : {},
  });
  const origin = `chrome-extension://${chrome.extensionId}/`;
  chrome.serviceWorker.on('console', (m) => m.type() === 'error' && extensionErrors.push(`worker: ${m.text()}`));
  chrome.context.on('request', (r) => {
    // Only Gloss's own worker and pages: a corpus page may register a service worker of its own.
    const sw = r.serviceWorker();
    let fromGloss = false;
    try {
      fromGloss = sw ? sw.url().startsWith(origin) : r.frame().url().startsWith(origin);
    } catch {
      /* a request with neither worker nor frame */
    }
    if (fromGloss && !r.url().startsWith(origin)) extensionRequests.push(r.url());
  });
  // The sweep's own probe (not Gloss's): long tasks are only reported to an observer, so one
  // watches from the start of every document.
  await chrome.context.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__sweepLongTasks = [];
    try {
      new PerformanceObserver((list) => w.__sweepLongTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no Long Tasks API */
    }
  });
  const helper = await chrome.context.newPage();
  await helper.goto(chrome.extensionUrl('sidepanel.html?tab=0'));
  const worker = () => sweepTab({ newPage: () => chrome.context.newPage(), helper, waitUntil: 'load', origin });
  try {
    await Promise.all(Array.from({ length: tabs }, worker));
    const flagged = rows.filter((r) => r.longTasks.length > 0 && !r.error);
    if (flagged.length) {
      log(`tracing the ${flagged.length} pages with a long task, to tell Gloss's from the page's…`);
      await traceLongTasks(chrome.context, helper, chrome.extensionId, flagged);
    }
  } finally {
    await chrome.close();
  }
} else {
  const ff = await launchFirefox({ extensionDir: path.resolve(root, outDir) });
  const helper = await ff.openExtensionPage('sidepanel.html?tab=0');
  // DOMContentLoaded: in Firefox a page's load can wait forever on resources the host rules refuse.
  const worker = () => sweepTab({ newPage: () => ff.browser.newPage(), helper, waitUntil: 'domcontentloaded', origin: 'moz-extension://' });
  try {
    await Promise.all(Array.from({ length: tabs }, worker));
  } finally {
    await ff.close();
  }
}
await server.close();

const seconds = (Date.now() - started) / 1000;
// A page whose own script navigated away mid-check is the page's doing, not Gloss's.
const PAGE_MOVED = /Execution context was destroyed|interrupted by another navigation|net::ERR_ABORTED|Target page, context or browser has been closed| at chrome-error:|Address rejected/;
const moved = rows.filter((r) => r.error && PAGE_MOVED.test(r.error));
const failed = rows.filter((r) => r.error && !PAGE_MOVED.test(r.error));
const locked = rows.filter((r) => r.lockedByGloss);
const hidOnOther = rows.filter((r) => !r.trueArticle && r.hidden > 0);
const slow = rows.filter((r) => r.longTasks.length > 0);
console.log(`pages: ${rows.length} (${rows.filter((r) => r.trueArticle).length} articles by the corpus's truth), ${kind}, ${seconds.toFixed(0)} s`);
console.log(`errors from the extension: ${extensionErrors.length}${extensionErrors.length ? `\n  ${extensionErrors.slice(0, 10).join('\n  ')}` : ''}`);
console.log(`pages where Gloss did not start or the page failed: ${failed.length}${failed.length ? `\n  ${failed.slice(0, 10).map((r) => `${r.id}: ${r.error}`).join('\n  ')}` : ''}`);
console.log(`pages that navigated themselves away during the check (their own scripts): ${moved.length}`);
console.log(`pages left unscrollable by Gloss: ${locked.length}${locked.length ? ` (${locked.map((r) => r.id).join(', ')})` : ''}`);
console.log(`non-article pages where Gloss hid something: ${hidOnOther.length}${hidOnOther.length ? ` (${hidOnOther.map((r) => r.id).join(', ')})` : ''}`);
console.log(`pages with any overlay hidden: ${rows.filter((r) => r.hidden > 0).length}`);
const probing = kind === 'chromium' && !values['no-page-scripts'];
const traced = slow.filter((r) => r.traced);
const glossLong = traced.filter((r) => r.traced?.some((t) => t.glossMs >= 50));
const glossPart = traced.filter((r) => r.traced?.some((t) => t.ms >= 50));
if (probing) {
  console.log(`pages with a main-thread task over 50 ms after parsing (Gloss, layout or the page's own scripts): ${slow.length}`);
  console.log(
    `  traced again: ${traced.length}; Gloss's content script ran 50 ms or more in one task on ${glossLong.length}` +
      `${glossLong.length ? ` (${glossLong.map((r) => `${r.id} ${Math.max(...(r.traced ?? []).map((t) => t.glossMs))} ms`).join(', ')})` : ''}; ` +
      `it ran some part of a task over 50 ms on ${glossPart.length}`,
  );
}
// Recorded in Chromium only (Playwright sees the worker's and extension pages' requests there).
const requestsShown = kind === 'chromium' ? String(extensionRequests.length) : 'not recorded in Firefox';
console.log(`network requests by the extension: ${requestsShown}${extensionRequests.length ? ` (${extensionRequests.slice(0, 5).join(', ')})` : ''}`);
if (values.json) {
  await writeFile(values.json, JSON.stringify({ browser: kind, pages: rows.length, seconds, extensionErrors, extensionRequests, rows }, null, 2));
}
console.log(
  `sweep ${kind}: ${rows.length} pages in ${seconds.toFixed(0)} s; extension errors ${extensionErrors.length}, not started ${failed.length}, ` +
    `left unscrollable ${locked.length}, hid on non-articles ${hidOnOther.length}, long-task pages ${probing ? `${slow.length} (Gloss's own: ${glossLong.length})` : 'n/a'}, ` +
    `extension requests ${requestsShown}`,
);
process.exitCode = extensionErrors.length || failed.length || locked.length || hidOnOther.length || extensionRequests.length ? 1 : 0;
