// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
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
export function detectLayout(dir: string): Layout;
/**
 * Reads a corpus's index and ground truth (not the HTML, which is read when served).
 * @param {string} dir
 * @param {object} [options]
 * @param {number} [options.limit]  keep only the first N pages (by id)
 * @param {readonly string[]} [options.articleTypes]  WCXB page types counted as articles
 * @returns {Promise<Corpus>}
 */
export function loadCorpus(dir: string, { limit, articleTypes }?: {
    limit?: number | undefined;
    articleTypes?: readonly string[] | undefined;
}): Promise<Corpus>;
/**
 * A page's HTML bytes (gunzipped if the file ends in `.gz`).
 * @param {string} file
 * @returns {Promise<Buffer>}
 */
export function readHtml(file: string): Promise<Buffer>;
/**
 * The Content-Type to serve HTML bytes with: `charset=utf-8` when they decode as UTF-8, else no
 * charset, so the browser honours the page's own `<meta charset>` (or sniffs).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function htmlContentType(bytes: Uint8Array): string;
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
export function servePages(pages: readonly CorpusPage[]): Promise<PageServer>;
export type Layout = "readability" | "wcxb" | "zyte";
export type CorpusPage = {
    /**
     * slug (readability), file id (wcxb) or key (zyte)
     */
    id: string;
    /**
     * absolute path of the page's HTML (`.gz` is decompressed when served)
     */
    file: string;
    /**
     * the true class: article (true) or other
     */
    trueArticle: boolean;
    /**
     * WCXB page type; null in the other layouts
     */
    pageType: string | null;
    /**
     * `readerable` of the readability layout; null elsewhere
     */
    readerable: boolean | null;
    /**
     * body truth text (wcxb, zyte); null when the page is not
     * body-scored or the truth is in {@link CorpusPage.truthHtmlFile}
     */
    truthText: string | null;
    /**
     * readability layout: `expected.html`, whose text is
     * the body truth (extracted in the browser); null elsewhere or when not body-scored
     */
    truthHtmlFile: string | null;
    /**
     * true title, if the corpus has one
     */
    title: string | null;
    /**
     * true author(s), if the corpus has them (readability
     * `byline`, WCXB `ground_truth.author`)
     */
    byline: string | null;
    /**
     * true publication date or time, if the corpus has one
     * (readability `publishedTime`, WCXB `ground_truth.publish_date`)
     */
    published: string | null;
    /**
     * original URL, if known
     */
    url: string | null;
    /**
     * WCXB snippets that belong to the main content
     */
    with: string[];
    /**
     * WCXB snippets that do not
     */
    without: string[];
};
export type Corpus = {
    layout: Layout;
    /**
     * absolute
     */
    dir: string;
    /**
     * sorted by id
     */
    pages: CorpusPage[];
    /**
     * e.g. ground truth without an HTML file (page skipped)
     */
    warnings: string[];
};
export type PageServer = {
    /**
     * `http://127.0.0.1:PORT`
     */
    origin: string;
    /**
     * URL of `pages[index]`: `/p/<index>/`
     */
    pageUrl: (index: number) => string;
    close: () => Promise<void>;
};
