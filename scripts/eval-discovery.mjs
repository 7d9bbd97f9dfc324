// @ts-check
/**
 * `npm run eval:discovery -- --fixtures DIR [--fixtures DIR2] [--json FILE] [--verbose]`: scores the
 * "Also mentioned" detector (lib/terms/discover) on labelled pages.
 *
 * A fixture directory holds `<name>.html` + `<name>.json` pairs; the JSON labels are
 * `{ "lang": "en", "want": [["Claudia Sheinbaum", "Sheinbaum"], ...], "ok": [["Washington"], ...] }`
 * (see scripts/lib/discovery-score.mjs for the scoring). Each page is parsed in happy-dom with its
 * scripts off; the project's `detectArticle` finds the body and headline and `suggestTerms` runs
 * on them, exactly as in the content script (scripts/lib/discovery-run.ts, bundled with esbuild
 * in memory at start).
 *
 * Prints precision and recall per page and overall (pooled); `--verbose` also lists the wrong
 * suggestions and the missed entries. `--json FILE` writes `{ precision, recall, pages }`.
 * Exits 0 whatever the scores (goals are asserted by test/unit/terms/discover-eval.test.ts).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { scorePage, summarise } from './lib/discovery-score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: npm run eval:discovery -- --fixtures DIR [--fixtures DIR] [--json FILE] [--verbose]';

/** @typedef {{ suggestions: { label: string, count: number, kind: string }[], reason: string, ms: number }} PageRun */

/** Imports scripts/lib/discovery-run.ts, bundled in memory. */
async function loadRunner() {
  const result = await build({
    entryPoints: [path.join(here, 'lib/discovery-run.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  // A file rather than a data: URL, so stack traces stay readable.
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-discovery-'));
  const file = path.join(dir, 'run.mjs');
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  try {
    /** @type {{ runPage: (doc: Document, lang?: string) => PageRun }} */
    const mod = await import(pathToFileURL(file).href);
    return mod.runPage;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The labelled pages of a directory, by name.
 * @param {string} dir
 */
async function fixtures(dir) {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  return Promise.all(names.map(async (name) => ({
    name,
    html: await readFile(path.join(dir, `${name}.html`), 'utf8'),
    labels: JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')),
  })));
}

const pct = (/** @type {number} */ x) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const { values } = parseArgs({ options: { fixtures: { type: 'string', multiple: true }, json: { type: 'string' }, verbose: { type: 'boolean' } } });
  if (!values.fixtures?.length) {
    console.error(`eval:discovery: --fixtures DIR is required\n${USAGE}`);
    process.exit(2);
  }
  const runPage = await loadRunner();
  const pages = [];
  for (const dir of values.fixtures) {
    for (const f of await fixtures(dir)) {
      const window = new Window({ url: 'https://example.test/', settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true } });
      const doc = /** @type {Document} */ (/** @type {unknown} */ (new window.DOMParser().parseFromString(f.html, 'text/html')));
      const run = runPage(doc, f.labels.lang);
      const score = scorePage(f.name, run.suggestions, f.labels);
      pages.push(score);
      console.log(`${f.name.padEnd(28)} P ${pct(score.precision).padStart(6)}  R ${pct(score.recall).padStart(6)}  (${score.correct}/${score.suggestions} listed, ${score.found}/${score.want} wanted; ${run.reason}; ${run.ms.toFixed(1)} ms)`);
      if (values.verbose) {
        console.log(`    listed:  ${run.suggestions.map((s) => `${s.label} [${s.kind} ${s.count}]`).join(' | ')}`);
        if (score.wrong.length) console.log(`    wrong:   ${score.wrong.join(' | ')}`);
        if (score.missed.length) console.log(`    missed:  ${score.missed.join(' | ')}`);
        if (score.duplicates.length) console.log(`    dupes:   ${score.duplicates.join(' | ')}`);
      }
      await window.happyDOM.close();
    }
  }
  const summary = summarise(pages);
  if (values.json) await writeFile(values.json, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`overall: precision ${pct(summary.precision)}, recall ${pct(summary.recall)} over ${pages.length} pages`);
}

await main();
