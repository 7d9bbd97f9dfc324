// @ts-check
/**
 * Corpus loading and serving for `npm run eval:article` (scripts/eval-article.mjs). Three
 * layouts, told apart by their files:
 *
 *  - `readability` (Mozilla Readability's test pages): `DIR/<slug>/source.html` +
 *    `expected-metadata.json` (`readerable`, `title`, ...) + `expected.html` (Readability's own
 *    output). True class: `readerable`. Body truth: the text of `expected.html`, on readerable
 *    pages only (it is what Readability extracted, so Readability's body figures there are an
 *    agreement check, not an independent truth).
 *  - `wcxb` (Web Content Extraction Benchmark): `DIR/html/NNNN.html(.gz)` +
 *    `DIR/ground-truth/NNNN.json`. True class from `_internal.page_type.primary` (see
 *    WCXB_ARTICLE_TYPES in eval-metrics.mjs); body truth `ground_truth.main_content` (pages with
 *    an empty one are not body-scored); title `ground_truth.title`; `with`/`without` snippets.
 *  - `zyte` (article-extraction-benchmark): `DIR/html/<id>.html(.gz)` + `DIR/ground-truth.json`
 *    (`{id: {articleBody, url}}`). Every page is an article; body truth `articleBody`; title
 *    `headline` if the file has one.
 *
 * Pages are served by {@link servePages} from 127.0.0.1 only, decompressed on the fly: corpus
 * files are read in place and never copied.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { WCXB_ARTICLE_TYPES, wcxbIsArticle } from './eval-metrics.mjs';

const gunzipAsync = promisify(gunzip);

/** @typedef {'readability' | 'wcxb' | 'zyte'} Layout */

/**
 * @typedef {object} CorpusPage
 * @property {string} id  slug (readability), file id (wcxb) or key (zyte)
 * @property {string} file  absolute path of the page's HTML (`.gz` is decompressed when served)
 * @property {boolean} trueArticle  the true class: article (true) or other
 * @property {string | null} pageType  WCXB page type; null in the other layouts
 * @property {boolean | null} readerable  `readerable` of the readability layout; null elsewhere
 * @property {string | null} truthText  body truth text (wcxb, zyte); null when the page is not
 *   body-scored or the truth is in {@link CorpusPage.truthHtmlFile}
 * @property {string | null} truthHtmlFile  readability layout: `expected.html`, whose text is
 *   the body truth (extracted in the browser); null elsewhere or when not body-scored
 * @property {string | null} title  true title, if the corpus has one
 * @property {string | null} byline  true author(s), if the corpus has them (readability
 *   `byline`, WCXB `ground_truth.author`)
 * @property {string | null} published  true publication date or time, if the corpus has one
 *   (readability `publishedTime`, WCXB `ground_truth.publish_date`)
 * @property {string | null} url  original URL, if known
 * @property {string[]} with  WCXB snippets that belong to the main content
 * @property {string[]} without  WCXB snippets that do not
 */

/**
 * @typedef {object} Corpus
 * @property {Layout} layout
 * @property {string} dir  absolute
 * @property {CorpusPage[]} pages  sorted by id
 * @property {string[]} warnings  e.g. ground truth without an HTML file (page skipped)
 */

/**
 * Which layout a corpus directory is in.
 * @param {string} dir
 * @returns {Layout}
 * @throws {Error} naming the three layouts if none fits
 */
export function detectLayout(dir) {
  const isDir = (/** @type {string} */ p) => existsSync(p) && statSync(p).isDirectory();
  const isFile = (/** @type {string} */ p) => existsSync(p) && statSync(p).isFile();
  if (!isDir(dir)) throw new Error(`corpus directory not found: ${dir}`);
  if (isDir(path.join(dir, 'html')) && isFile(path.join(dir, 'ground-truth.json'))) return 'zyte';
  if (isDir(path.join(dir, 'html')) && isDir(path.join(dir, 'ground-truth'))) return 'wcxb';
  // Readability: any sub-directory with a source.html.
  if (readdirSync(dir).some((name) => isFile(path.join(dir, name, 'source.html')))) return 'readability';
  throw new Error(
    `${dir}: unknown corpus layout. Expected one of: <slug>/source.html + expected-metadata.json ` +
      `(Readability test pages); html/NNNN.html.gz + ground-truth/NNNN.json (WCXB); ` +
      `html/<id>.html.gz + ground-truth.json (Zyte article-extraction-benchmark).`,
  );
}

/**
 * Reads a corpus's index and ground truth (not the HTML, which is read when served).
 * @param {string} dir
 * @param {object} [options]
 * @param {number} [options.limit]  keep only the first N pages (by id)
 * @param {readonly string[]} [options.articleTypes]  WCXB page types counted as articles
 * @returns {Promise<Corpus>}
 */
export async function loadCorpus(dir, { limit, articleTypes = WCXB_ARTICLE_TYPES } = {}) {
  const abs = path.resolve(dir);
  const layout = detectLayout(abs);
  /** @type {string[]} */
  const warnings = [];
  /** @type {CorpusPage[]} */
  let pages;
  if (layout === 'readability') pages = await loadReadability(abs, warnings);
  else if (layout === 'wcxb') pages = await loadWcxb(abs, warnings, articleTypes);
  else pages = await loadZyte(abs, warnings);
  pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (limit !== undefined && limit >= 0) pages = pages.slice(0, limit);
  return { layout, dir: abs, pages, warnings };
}

/**
 * @param {string} file
 * @returns {Promise<any>}
 */
async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * `html/<id>.html.gz`, else `html/<id>.html`, else null.
 * @param {string} dir
 * @param {string} id
 */
function htmlFile(dir, id) {
  for (const name of [`${id}.html.gz`, `${id}.html`]) {
    const file = path.join(dir, 'html', name);
    if (existsSync(file)) return file;
  }
  return null;
}

/** @param {unknown} v */
const str = (v) => (typeof v === 'string' ? v : null);
/** @param {unknown} v */
const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);

/**
 * @param {string} dir
 * @param {string[]} warnings
 * @returns {Promise<CorpusPage[]>}
 */
async function loadReadability(dir, warnings) {
  /** @type {CorpusPage[]} */
  const pages = [];
  for (const slug of await readdir(dir)) {
    const source = path.join(dir, slug, 'source.html');
    if (!existsSync(source)) continue;
    const metaFile = path.join(dir, slug, 'expected-metadata.json');
    if (!existsSync(metaFile)) {
      warnings.push(`${slug}: no expected-metadata.json, skipped`);
      continue;
    }
    const meta = await readJson(metaFile);
    if (typeof meta.readerable !== 'boolean') {
      warnings.push(`${slug}: expected-metadata.json has no boolean "readerable", skipped`);
      continue;
    }
    const expected = path.join(dir, slug, 'expected.html');
    pages.push({
      id: slug,
      file: source,
      trueArticle: meta.readerable,
      pageType: null,
      readerable: meta.readerable,
      truthText: null,
      truthHtmlFile: meta.readerable && existsSync(expected) ? expected : null,
      title: str(meta.title),
      byline: str(meta.byline),
      published: str(meta.publishedTime),
      url: null,
      with: [],
      without: [],
    });
  }
  return pages;
}

/**
 * @param {string} dir
 * @param {string[]} warnings
 * @param {readonly string[]} articleTypes
 * @returns {Promise<CorpusPage[]>}
 */
async function loadWcxb(dir, warnings, articleTypes) {
  /** @type {CorpusPage[]} */
  const pages = [];
  const names = (await readdir(path.join(dir, 'ground-truth'))).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const id = name.replace(/\.json$/, '');
    const file = htmlFile(dir, id);
    if (!file) {
      warnings.push(`${id}: no html/${id}.html(.gz), skipped`);
      continue;
    }
    const gt = await readJson(path.join(dir, 'ground-truth', name));
    const pageType = str(gt?._internal?.page_type?.primary) ?? str(gt?.ground_truth?.page_type);
    const truth = gt?.ground_truth ?? {};
    const main = str(truth.main_content);
    const trueArticle = wcxbIsArticle(pageType, articleTypes);
    pages.push({
      id,
      file,
      trueArticle,
      pageType,
      readerable: null,
      truthText: main && main.trim() ? main : null,
      truthHtmlFile: null,
      title: str(truth.title),
      byline: str(truth.author),
      published: str(truth.publish_date),
      url: str(gt?.url),
      with: strings(truth.with),
      without: strings(truth.without),
    });
  }
  return pages;
}

/**
 * @param {string} dir
 * @param {string[]} warnings
 * @returns {Promise<CorpusPage[]>}
 */
async function loadZyte(dir, warnings) {
  /** @type {CorpusPage[]} */
  const pages = [];
  const truth = /** @type {Record<string, any>} */ (await readJson(path.join(dir, 'ground-truth.json')));
  for (const [id, item] of Object.entries(truth)) {
    const file = htmlFile(dir, id);
    if (!file) {
      warnings.push(`${id}: no html/${id}.html(.gz), skipped`);
      continue;
    }
    const body = str(item?.articleBody);
    pages.push({
      id,
      file,
      trueArticle: true,
      pageType: null,
      readerable: null,
      truthText: body && body.trim() ? body : null,
      truthHtmlFile: null,
      title: str(item?.headline),
      byline: null,
      published: null,
      url: str(item?.url),
      with: [],
      without: [],
    });
  }
  return pages;
}

/**
 * A page's HTML bytes (gunzipped if the file ends in `.gz`).
 * @param {string} file
 * @returns {Promise<Buffer>}
 */
export async function readHtml(file) {
  const bytes = await readFile(file);
  return file.endsWith('.gz') ? gunzipAsync(bytes) : bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The Content-Type to serve HTML bytes with: `charset=utf-8` when they decode as UTF-8, else no
 * charset, so the browser honours the page's own `<meta charset>` (or sniffs).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function htmlContentType(bytes) {
  try {
    utf8.decode(bytes);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

/**
 * @typedef {object} PageServer
 * @property {string} origin  `http://127.0.0.1:PORT`
 * @property {(index: number) => string} pageUrl  URL of `pages[index]`: `/p/<index>/`
 * @property {() => Promise<void>} close
 */

/**
 * Serves corpus pages on 127.0.0.1 at a free port: `GET /p/<index>/` answers `pages[index]`'s
 * HTML (decompressed); anything else is 404.
 * @param {readonly CorpusPage[]} pages
 * @returns {Promise<PageServer>}
 */
export async function servePages(pages) {
  const server = createServer((req, res) => {
    const m = /^\/p\/(\d+)\/$/.exec(req.url ?? '');
    const page = m ? pages[Number(m[1])] : undefined;
    if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
      return;
    }
    readHtml(page.file).then(
      (bytes) => {
        res.writeHead(200, {
          'Content-Type': htmlContentType(bytes),
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      },
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Unreadable page\n'),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('servePages: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    pageUrl: (index) => `${origin}/p/${index}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
