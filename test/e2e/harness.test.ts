/**
 * Checks the end-to-end harness itself (scripts/lib/serve.mjs, scripts/lib/browsers.mjs):
 * the static server, browser discovery, and launching real Chromium and Firefox ESR with the
 * built extension so that web pages and extension pages open. The e2e suites build on these.
 *
 * Needs the Debian packages `chromium` and `firefox-esr` (or CHROMIUM_PATH / FIREFOX_PATH).
 * Builds .output/chrome-mv3 and .output/firefox-mv2 first if they are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve.mjs';
import { findBrowser, launchChromium, launchFirefox, GECKO_ID, FIREFOX_EXTENSION_UUID } from '../../scripts/lib/browsers.mjs';

const CHROME_DIR = '.output/chrome-mv3';
const FIREFOX_DIR = '.output/firefox-mv2';

/** Builds an extension target if its output is missing (each build takes a few seconds). */
function ensureBuilt(dir: string, args: string[]): void {
  if (existsSync(path.join(dir, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build', ...args], { stdio: 'inherit', timeout: 110_000 });
}

/** GET a raw path (no client-side URL normalisation, unlike fetch) and return the status. */
function rawStatus(origin: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
});
afterAll(async () => {
  await server?.close();
});

describe('serveStatic', () => {
  test('serves mounted files with their content types', async () => {
    const cases: Array<[string, string]> = [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/demo.css', 'text/css'],
      ['/overlay.js', 'text/javascript'],
      ['/notes/starter.json', 'application/json'],
      ['/000_0f09554fa67a1345.txt', 'text/plain'],
      ['/fixtures/blank.html', 'text/html'],
    ];
    for (const [p, type] of cases) {
      const res = await fetch(server.url(p));
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toContain(type);
      await res.arrayBuffer();
    }
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url('index.html')).toBe(`${server.origin}/index.html`);
  });

  test('404 for missing files and anything outside the mounts', async () => {
    expect((await fetch(server.url('/nope.html'))).status).toBe(404);
    expect((await fetch(server.url('/fixtures/nope.html'))).status).toBe(404);
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/fixtures/..%2f..%2f..%2fpackage.json', '/notes/%2e%2e%2f%2e%2e%2fpackage.json']) {
      expect(await rawStatus(server.origin, p), p).toBe(404);
    }
    expect(await rawStatus(server.origin, '/%E0%A4%A')).toBe(400);
  });
});

describe('harness types', () => {
  test('scripts/lib/*.d.mts match the JSDoc in the .mjs files (and the JSDoc type-checks)', () => {
    // Throws (exit 1, with the stale file names or tsc errors) if they differ.
    execFileSync(process.execPath, ['scripts/lib/gen-types.mjs', '--check'], { stdio: 'pipe', timeout: 60_000 });
  });
});

describe('findBrowser', () => {
  test('a bogus override throws a message saying what is missing and how to install it', () => {
    expect(() => findBrowser('chromium', { CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /Chromium not found: CHROMIUM_PATH=\/nonexistent\/chromium .*apt-get install -y chromium.*set CHROMIUM_PATH/,
    );
    expect(() => findBrowser('firefox', { FIREFOX_PATH: '/nonexistent/firefox' })).toThrow(
      /Firefox not found: FIREFOX_PATH=\/nonexistent\/firefox .*apt-get install -y firefox-esr.*set FIREFOX_PATH/,
    );
  });

  test('an override pointing at a directory is rejected too', () => {
    expect(() => findBrowser('chromium', { CHROMIUM_PATH: tmpdir() })).toThrow(/Chromium not found/);
  });

  test('finds the installed browsers without an override', () => {
    expect(findBrowser('chromium', {})).toMatch(/chrom/);
    expect(findBrowser('firefox', {})).toMatch(/firefox/);
  });
});

describe('Chromium with the MV3 build', () => {
  let profile: string;
  beforeAll(async () => {
    ensureBuilt(CHROME_DIR, []);
    profile = await mkdtemp(path.join(tmpdir(), 'gloss-harness-chromium-'));
  });
  afterAll(async () => {
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('opens a served page and the side panel page; id and IndexedDB survive a restart', async () => {
    const first = await launchChromium({ extensionDir: CHROME_DIR, userDataDir: profile });
    let firstId: string;
    try {
      firstId = first.extensionId;
      expect(firstId).toMatch(/^[a-p]{32}$/);
      expect(first.extensionUrl('sidepanel.html')).toBe(`chrome-extension://${firstId}/sidepanel.html`);

      const page = await first.context.newPage();
      await page.goto(server.url('/index.html'));
      expect(await page.title()).toContain('The White House continues to press');

      const panel = await first.context.newPage();
      await panel.goto(first.extensionUrl('sidepanel.html'));
      expect(await panel.title()).toBe('Gloss');
      expect(await panel.locator('#app').count()).toBe(1);
      // It really is an extension page (extension APIs present).
      expect(await panel.evaluate(() => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id)).toBe(firstId);

      await panel.evaluate(idbPut, { db: 'gloss-harness-check', key: 'k', value: 'written in launch 1' });
    } finally {
      await first.close();
    }
    expect(existsSync(profile)).toBe(true); // a caller-owned profile is kept

    const second = await launchChromium({ extensionDir: CHROME_DIR, userDataDir: profile });
    try {
      expect(second.extensionId).toBe(firstId);
      const panel = await second.context.newPage();
      await panel.goto(second.extensionUrl('sidepanel.html'));
      expect(await panel.evaluate(idbGet, { db: 'gloss-harness-check', key: 'k' })).toBe('written in launch 1');
    } finally {
      await second.close();
    }
  });

  test('a harness-owned temporary profile is deleted on close', async () => {
    const session = await launchChromium({ extensionDir: CHROME_DIR });
    const dir = session.userDataDir;
    expect(existsSync(dir)).toBe(true);
    await session.close();
    await session.close(); // idempotent
    expect(existsSync(dir)).toBe(false);
  });
});

describe('Firefox with the MV2 build', () => {
  beforeAll(() => {
    ensureBuilt(FIREFOX_DIR, ['-b', 'firefox']);
  });

  test('opens a served page and the side panel page at the pinned moz-extension UUID', async () => {
    const ff = await launchFirefox({ extensionDir: FIREFOX_DIR });
    try {
      expect(ff.extensionId).toBe(GECKO_ID);
      expect(ff.extensionUrl('sidepanel.html')).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}/sidepanel.html`);

      const page = await ff.browser.newPage();
      await page.goto(server.url('/index.html'));
      expect(await page.title()).toContain('The White House continues to press');

      const panel = await ff.openExtensionPage('sidepanel.html');
      // page.url() stays 'about:blank' for moz-extension pages (see browsers.mjs); ask the page.
      expect(await panel.evaluate(() => location.href)).toBe(ff.extensionUrl('sidepanel.html'));
      expect(await panel.title()).toBe('Gloss');
      expect(await panel.evaluate(() => document.getElementById('app') !== null)).toBe(true);
      // It really is the extension's page, at the pinned UUID.
      expect(await panel.evaluate(() => (globalThis as { browser?: { runtime?: { getURL(p: string): string } } }).browser?.runtime?.getURL('x'))).toBe(ff.extensionUrl('x'));
    } finally {
      await ff.close();
    }
  });
});

/** Runs in the page: put one value into an IndexedDB object store `kv`. */
function idbPut({ db, key, value }: { db: string; key: string; value: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the page: read one value back from the object store `kv`. */
function idbGet({ db, key }: { db: string; key: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('kv').objectStore('kv').get(key);
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
  });
}
