// @ts-check
/**
 * `npm run fit:article -- --corpus DIR[:WEIGHT] ... [--out FILE] [--rows FILE]`: fits
 * Gloss's article model (lib/article/weigh.ts reads it from lib/article/model.ts) on labelled
 * corpora, in real Chromium (Debian /usr/bin/chromium or CHROMIUM_PATH), and writes the model.
 *
 * Each page is loaded as `npm run eval:article` loads it (served from 127.0.0.1, its own scripts
 * off, nothing else reachable) and the detector runs as the content script runs it; the page
 * hands back the feature vector of the evidence the decision was made on (scripts/lib/fit-page.ts),
 * so the model is fitted on exactly what it will see. Labels: the corpus's true class (WCXB page
 * type `article`; Readability test pages' `readerable`). Pages the model does not judge (no text,
 * a declared non-article type, a documentation/forum/shop address) are left out of the fit and
 * keep the rules' answer in the figures.
 *
 * Options:
 *   --corpus DIR[:WEIGHT]  a corpus (any layout of scripts/lib/eval-corpus.mjs), repeatable; WEIGHT
 *                          (default 1) weighs its pages in the fit: a small corpus of another kind
 *                          of page (Readability's test pages) needs more weight to be heard
 *   --out FILE             where the model goes (default lib/article/model.ts); --out - prints it
 *   --rows FILE            also save the feature rows as JSON; with --from-rows, read them instead
 *                          of running the browser (refitting takes seconds)
 *   --from-rows            see --rows
 *   --rounds N --rate X    boosting rounds (default 100) and shrinkage (default 0.3)
 *   --threshold X          probability at which a page is an article (default 0.6)
 *   --concurrency N        tabs in parallel (default 2)
 *
 * It prints, per corpus, precision, recall and accuracy of the rules alone and of rules + model,
 * the latter out of fold (5-fold cross-validation repeated 3 times: every page scored by models
 * that never saw it), then writes the model fitted on all pages.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from './lib/browsers.mjs';
import { loadCorpus, servePages } from './lib/eval-corpus.mjs';
import { fitStumps, outOfFold, roundModel } from './lib/stumps.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const USAGE = 'usage: node scripts/fit-article-model.mjs --corpus DIR[:WEIGHT] ... [--out FILE] [--rows FILE [--from-rows]] [--rounds N] [--rate X] [--threshold X] [--concurrency N]';

/** @param {string} text @returns {never} */
function die(text) {
  console.error(`fit-article-model: ${text}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        corpus: { type: 'string', multiple: true },
        out: { type: 'string', default: path.join(root, 'lib/article/model.ts') },
        rows: { type: 'string' },
        'from-rows': { type: 'boolean', default: false },
        rounds: { type: 'string', default: '100' },
        rate: { type: 'string', default: '0.3' },
        threshold: { type: 'string', default: '0.6' },
        concurrency: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return die(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const options = { rounds: Number(values.rounds), rate: Number(values.rate) };
const threshold = Number(values.threshold);
if (!(options.rounds > 0) || !(options.rate > 0) || !(threshold > 0 && threshold < 1)) die(`bad --rounds, --rate or --threshold\n${USAGE}`);

/**
 * @typedef {{ corpus: string, id: string, truth: boolean, settled: boolean, rules: boolean, isArticle: boolean, reason: string, x: number[] | null, error?: string }} Row
 */

/** Runs every page of every corpus and returns its row. @returns {Promise<Row[]>} */
async function collect(/** @type {{ dir: string }[]} */ corpora) {
  const built = await build({ entryPoints: [path.join(here, 'lib/fit-page.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  const code = built.outputFiles[0]?.text ?? die('esbuild produced no output');
  const browser = await chromium.launch({
    executablePath: findBrowser('chromium'),
    headless: true,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
  /** @type {Row[]} */
  const rows = [];
  try {
    for (const { dir } of corpora) {
      const corpus = await loadCorpus(dir);
      const server = await servePages(corpus.pages);
      let next = 0;
      const worker = async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true, serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
        /** @type {string} */
        let allowed = '';
        await context.route('**/*', (route) => {
          const request = route.request();
          if (request.url() === allowed && request.isNavigationRequest()) return route.continue();
          return request.isNavigationRequest() ? route.fulfill({ status: 204, body: '' }) : route.abort();
        });
        let page = await context.newPage();
        while (next < corpus.pages.length) {
          const index = next++;
          const p = /** @type {import('./lib/eval-corpus.mjs').CorpusPage} */ (corpus.pages[index]);
          const row = { corpus: dir, id: p.id, truth: p.trueArticle };
          try {
            allowed = server.pageUrl(index);
            await page.goto(allowed, { waitUntil: 'domcontentloaded', timeout: 30_000 });
            await page.evaluate(code);
            const found = await page.evaluate(() => globalThis.__glossFit.features());
            rows.push({ ...row, ...found });
          } catch (err) {
            rows.push({ ...row, settled: true, rules: false, isArticle: false, reason: 'error', x: null, error: String(err).split('\n')[0] });
            await page.close().catch(() => {});
            page = await context.newPage();
          }
          if (rows.length % 100 === 0) console.error(`  ${rows.length} pages`);
        }
        await context.close();
      };
      await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency)) }, worker));
      await server.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** @param {Row[]} rows @param {(row: Row, i: number) => boolean} predicted */
function figures(rows, predicted) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  rows.forEach((row, i) => {
    const p = predicted(row, i);
    if (p && row.truth) tp++;
    else if (p) fp++;
    else if (row.truth) fn++;
    else tn++;
  });
  const f = (/** @type {number} */ n) => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');
  return `P ${f(tp / (tp + fp))} R ${f(tp / (tp + fn))} A ${f((tp + tn) / rows.length)} (${rows.length} pages)`;
}

const corpora = (values.corpus ?? []).map((spec) => {
  const m = /^(.*?)(?::(\d+(?:\.\d+)?))?$/.exec(spec);
  return { dir: path.resolve(m?.[1] ?? spec), weight: Number(m?.[2] ?? 1) };
});
if (!corpora.length) die(`--corpus is required\n${USAGE}`);

/** @type {Row[]} */
let rows;
if (values['from-rows']) {
  if (!values.rows) die('--from-rows needs --rows FILE');
  rows = JSON.parse(await readFile(values.rows, 'utf8'));
} else {
  rows = await collect(corpora);
  if (values.rows) await writeFile(values.rows, JSON.stringify(rows));
}
const errors = rows.filter((r) => r.error).length;
rows = rows.filter((r) => !r.error);
const weightOf = new Map(corpora.map((c) => [c.dir, c.weight]));
const judged = rows.filter((r) => !r.settled && r.x);
const X = judged.map((r) => /** @type {number[]} */ (r.x));
const y = judged.map((r) => (r.truth ? 1 : 0));
const w = judged.map((r) => weightOf.get(r.corpus) ?? 1);
console.log(`${rows.length} pages (${errors} failed to load), ${judged.length} judged by the model; ${options.rounds} rounds at rate ${options.rate}, threshold ${threshold}`);
// Each split needs 10 pages a side (stumps.mjs minLeaf): a few dozen pages fit next to nothing.
if (judged.length < 200) console.warn(`fit-article-model: warning: only ${judged.length} pages to fit on; the model needs hundreds of labelled pages to be worth shipping`);

const oof = outOfFold(X, y, w, options);
const judgedIndex = new Map(judged.map((r, i) => [r, i]));
for (const { dir } of corpora) {
  const mine = rows.filter((r) => r.corpus === dir);
  console.log(`${path.basename(dir)}: rules alone ${figures(mine, (r) => (r.settled ? r.isArticle : r.rules))}`);
  oof.forEach((p, repeat) => {
    const predicted = (/** @type {Row} */ r) => {
      const i = judgedIndex.get(r);
      return i === undefined ? r.isArticle : (p[i] ?? 0) >= threshold;
    };
    console.log(`${path.basename(dir)}: rules + model, out of fold (repeat ${repeat + 1}) ${figures(mine, predicted)}`);
  });
}

const model = roundModel(fitStumps(X, y, w, options));
// The feature names, from the one list weigh.ts keeps (a unit test checks the model lists the same).
const weighSource = await readFile(path.join(root, 'lib/article/weigh.ts'), 'utf8');
const names = [...(/FEATURES = \[([^\]]*)\]/.exec(weighSource)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
const sources = corpora.map((c) => `${path.basename(c.dir)}${c.weight !== 1 ? ` (weight ${c.weight})` : ''}`).join(', ');
const lines = model.splits.map(([j, t, points]) => `    [${j}, ${t}, ${points}], // ${names[j] ?? '?'} > ${t}`);
const file = `/**
 * The article model's scorecard, written by scripts/fit-article-model.mjs (do not edit by hand):
 * ${judged.length} labelled pages of ${sources}, ${options.rounds} boosted one-split trees at rate
 * ${options.rate}. A page starts at \`base\` log-odds and gains \`points\` for each split whose
 * feature (lib/article/weigh.ts FEATURES) is above its threshold; at probability >= \`threshold\`
 * it is an article.
 */
export const MODEL: { base: number; threshold: number; splits: readonly (readonly [feature: number, threshold: number, points: number])[] } = {
  base: ${model.base},
  threshold: ${threshold},
  splits: [
${lines.join('\n')}
  ],
};

/** The features the splits refer to, by index: weigh.ts must compute them in this order (a test checks). */
export const MODEL_FEATURES = ${JSON.stringify(names)};
`;
if (values.out === '-') process.stdout.write(file);
else {
  await writeFile(values.out, file);
  console.log(`wrote ${path.relative(process.cwd(), values.out)}: ${model.splits.length} splits`);
}
