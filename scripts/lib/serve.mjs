// @ts-check
/**
 * A tiny static file server for demos and end-to-end tests.
 *
 * It listens on 127.0.0.1 only (port 0 = any free port), so pages served from it are on
 * loopback and need no network. Plain JavaScript with JSDoc types so it runs from
 * `node scripts/*.mjs` and can be imported from vitest TypeScript tests alike.
 *
 * @example
 *   import { serveStatic } from './lib/serve.mjs';
 *   const server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
 *   server.url('/index.html');            // http://127.0.0.1:PORT/index.html
 *   server.url('/fixtures/blank.html');   // served from test/fixtures/pages/blank.html
 *   await server.close();
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types by lower-case file extension; anything else is served as bytes. */
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
});

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
export async function serveStatic(mounts) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => ({
      // Normalise the prefix so '/fixtures' and '/fixtures/' behave the same.
      prefix: prefix.endsWith('/') ? prefix : `${prefix}/`,
      root: path.resolve(dir),
    }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad Request');
    }
    if (pathname.includes('\0')) return send(res, 400, 'Bad Request');

    // '/fixtures' (no slash) should still match the '/fixtures/' mount.
    const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
    const mount = table.find((m) => pathname.startsWith(m.prefix) || withSlash === m.prefix);
    if (!mount) return send(res, 404, 'Not Found');

    const rest = pathname.slice(Math.min(mount.prefix.length, pathname.length));
    let file = path.resolve(mount.root, `.${path.posix.sep}${rest}`);
    // Path traversal guard: the resolved file must stay inside the mount's root.
    if (file !== mount.root && !file.startsWith(mount.root + path.sep)) {
      return send(res, 404, 'Not Found');
    }

    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(res, 404, 'Not Found');

    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('serveStatic: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    url: (urlPath = '/') => origin + (urlPath.startsWith('/') ? urlPath : `/${urlPath}`),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}
