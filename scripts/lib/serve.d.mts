// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
/**
 * @typedef {object} StaticServer
 * @property {string} origin  e.g. `http://127.0.0.1:41234` (no trailing slash)
 * @property {(urlPath?: string) => string} url  absolute URL for a path on this server
 *   (a leading `/` is added if missing)
 * @property {() => Promise<void>} close  stops the server (and drops keep-alive connections)
 */
/**
 * Serves directories over HTTP on 127.0.0.1 at a free port.
 *
 * `mounts` maps URL prefixes to directories (relative directories are resolved against
 * `process.cwd()`). The longest matching prefix wins, so `{ '/': 'seeds', '/fixtures/': 'x' }`
 * serves `/fixtures/a.html` from `x/a.html` and everything else from `seeds/`. A request for a
 * directory serves its `index.html`. Only GET and HEAD are answered; unknown files, paths that
 * would leave the mounted directory (`..`, encoded or not) and malformed URLs get 404/400.
 *
 * @param {Record<string, string>} mounts URL prefix -> directory
 * @returns {Promise<StaticServer>}
 */
export function serveStatic(mounts: Record<string, string>): Promise<StaticServer>;
export type StaticServer = {
    /**
     * e.g. `http://127.0.0.1:41234` (no trailing slash)
     */
    origin: string;
    /**
     * absolute URL for a path on this server
     * (a leading `/` is added if missing)
     */
    url: (urlPath?: string) => string;
    /**
     * stops the server (and drops keep-alive connections)
     */
    close: () => Promise<void>;
};
