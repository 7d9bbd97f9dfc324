// @ts-check
/**
 * Launch real Chromium and Firefox with the built Gloss extension loaded, for demos and
 * end-to-end tests. Plain JavaScript with JSDoc types so it runs from `node scripts/*.mjs`
 * and can be imported from vitest TypeScript tests alike.
 *
 *  - Chromium (Debian `chromium`): playwright-core + `--load-extension` on the MV3 build
 *    (`.output/chrome-mv3`). Never the `playwright` package's own browsers: nothing is downloaded.
 *  - Firefox (Debian `firefox-esr`): puppeteer-core over WebDriver BiDi (Firefox speaks it
 *    natively, no geckodriver), extension installed as a temporary add-on from
 *    `.output/firefox-mv2` (or an MV3 Firefox build).
 *
 * Both are configured so that nothing leaves loopback: serve test pages with
 * `serveStatic()` from ./serve.mjs (127.0.0.1).
 *
 * @example
 *   const chrome = await launchChromium({ extensionDir: '.output/chrome-mv3' });
 *   const page = await chrome.context.newPage();
 *   await page.goto(chrome.extensionUrl('sidepanel.html'));
 *   await chrome.close();
 *
 *   const ff = await launchFirefox({ extensionDir: '.output/firefox-mv2' });
 *   const panel = await ff.openExtensionPage('sidepanel.html');
 *   await ff.close();
 */
import { existsSync, accessSync, statSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** @typedef {'chromium' | 'firefox'} BrowserKind */

/** Generous: a cold start on a loaded 2-core CI machine can take many seconds. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** The gecko id from `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'gloss@gloss.example';

/**
 * The moz-extension UUID pinned for {@link GECKO_ID} (via `extensions.webextensions.uuids`), so
 * `moz-extension://` URLs are known before launch and stable across runs. Any v4 UUID works.
 */
export const FIREFOX_EXTENSION_UUID = '6a1f3c2e-9b7d-4e58-a0c4-1d2b3e4f5a6b';

const BROWSERS = /** @type {const} */ ({
  chromium: {
    label: 'Chromium',
    envVar: 'CHROMIUM_PATH',
    candidates: ['/usr/bin/chromium'],
    apt: 'chromium',
  },
  firefox: {
    label: 'Firefox',
    envVar: 'FIREFOX_PATH',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    apt: 'firefox-esr',
  },
});

/**
 * Resolves the executable of a locally installed browser.
 *
 * Order: the env override (`CHROMIUM_PATH` / `FIREFOX_PATH`), then the Debian defaults
 * (`/usr/bin/chromium`; `/usr/bin/firefox-esr`, `/usr/bin/firefox`). An override that points
 * at nothing is an error (no silent fallback): you asked for that binary.
 *
 * @param {BrowserKind} kind
 * @param {Record<string, string | undefined>} [env] where to read the override; defaults to
 *   `process.env` (pass an object in tests)
 * @returns {string} absolute path of an executable file
 * @throws {Error} naming the missing browser and how to install it or point at it
 */
export function findBrowser(kind, env = process.env) {
  const spec = BROWSERS[kind];
  if (!spec) throw new Error(`findBrowser: unknown browser kind ${JSON.stringify(kind)} (use 'chromium' or 'firefox')`);
  const howTo =
    `Install it with \`sudo apt-get update && sudo apt-get install -y ${spec.apt}\`, ` +
    `or set ${spec.envVar} to the path of a ${spec.label} executable.`;

  const override = env[spec.envVar];
  if (override) {
    if (isExecutable(override)) return path.resolve(override);
    throw new Error(`${spec.label} not found: ${spec.envVar}=${override} is not an executable file. ${howTo}`);
  }
  const found = spec.candidates.find(isExecutable);
  if (found) return found;
  throw new Error(`${spec.label} not found (looked in ${spec.candidates.join(', ')}). ${howTo}`);
}

/** @param {string} file a regular file (or symlink to one) that we may execute */
function isExecutable(file) {
  try {
    accessSync(file, fsConstants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Throws a helpful error if `dir` is not a built extension (has no manifest.json).
 * @param {string} dir
 * @param {string} buildCommand
 */
function assertExtensionDir(dir, buildCommand) {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json missing). Build it first: \`${buildCommand}\`.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/**
 * Flags that keep Chromium on loopback and quiet. `--host-resolver-rules` makes every host
 * except 127.0.0.1 fail DNS, so even a stray request cannot leave the machine.
 */
const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * @typedef {object} ChromiumSession
 * @property {import('playwright-core').BrowserContext} context  the persistent context (one
 *   browser); `context.newPage()` opens tabs
 * @property {string} extensionId  the 32-letter id, host of `chrome-extension://ID/`
 * @property {(p?: string) => string} extensionUrl  `chrome-extension://ID/<p>`
 * @property {import('playwright-core').Worker} serviceWorker  the extension's MV3 background
 * @property {string} userDataDir  the profile directory in use
 * @property {number} launchMs  wall time of the launch, up to the service worker being found
 * @property {() => Promise<void>} close  closes the browser; removes the profile only if this
 *   harness created it (idempotent)
 */

/**
 * Launches Debian Chromium with an unpacked MV3 extension loaded.
 *
 * Pass the same `userDataDir` to two launches (one after the other, closing the first) to test
 * persistence: the extension id of an unpacked extension depends only on its absolute path, so
 * it is the same, and IndexedDB / storage written in the first launch are there in the second.
 *
 * @param {object} options
 * @param {string} options.extensionDir  built MV3 extension, e.g. `.output/chrome-mv3`
 * @param {string} [options.userDataDir]  profile dir to use and keep; default: a fresh temp dir
 *   that `close()` deletes
 * @param {boolean} [options.headless]  default true (new headless; extensions work in it)
 * @param {string[]} [options.args]  extra Chromium flags
 * @param {import('playwright-core').BrowserContextOptions} [options.contextOptions]  extra
 *   context options (viewport, locale, ...)
 * @param {Record<string, string | undefined>} [options.env]  where findBrowser looks for
 *   CHROMIUM_PATH; default process.env
 * @returns {Promise<ChromiumSession>}
 */
export async function launchChromium({ extensionDir, userDataDir, headless = true, args = [], contextOptions = {}, env }) {
  const started = Date.now();
  const executablePath = findBrowser('chromium', env);
  const extDir = path.resolve(extensionDir);
  assertExtensionDir(extDir, 'npx wxt build');
  const { chromium } = await import('playwright-core');

  const ownsProfile = !userDataDir;
  const profile = userDataDir ? path.resolve(userDataDir) : await mkdtemp(path.join(tmpdir(), 'gloss-chromium-'));

  /** @type {import('playwright-core').BrowserContext} */
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      ...contextOptions,
      executablePath,
      headless,
      timeout: LAUNCH_TIMEOUT_MS,
      args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...CHROMIUM_QUIET_ARGS, ...args],
    });
  } catch (err) {
    if (ownsProfile) await rm(profile, { recursive: true, force: true });
    throw err;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    if (ownsProfile) await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const serviceWorker = await findExtensionWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      extensionUrl: (p = '') => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
      serviceWorker,
      userDataDir: profile,
      launchMs: Date.now() - started,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * The extension's service worker: already running (a restart of a persistent profile often
 * registers it before we look) or the next one to start.
 * @param {import('playwright-core').BrowserContext} context
 */
async function findExtensionWorker(context) {
  /** @param {import('playwright-core').Worker} w */
  const isExtension = (w) => w.url().startsWith('chrome-extension://');
  // Subscribe before looking, so a worker that starts in between is not missed.
  const next = context.waitForEvent('serviceworker', { predicate: isExtension, timeout: LAUNCH_TIMEOUT_MS });
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) {
    next.catch(() => {}); // it will time out or be cancelled by close(); nobody waits on it
    return existing;
  }
  try {
    return await next;
  } catch (err) {
    throw new Error(
      `Chromium started but the extension's service worker never appeared (${/** @type {Error} */ (err).message}). ` +
        'Does this Chromium honour --load-extension? (Debian chromium does; branded Chrome >= 137 does not.)',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox
// ---------------------------------------------------------------------------------------------

/**
 * Prefs on top of puppeteer's own Firefox test prefs (which already silence most of the
 * browser). These keep Firefox from contacting Mozilla: remote settings (also needs the env var
 * MOZ_REMOTE_SETTINGS_DEVTOOLS=1, or the server pref is ignored), updates, telemetry, safe
 * browsing lists, captive portal / connectivity checks, push, DoH, region lookup.
 * @type {Record<string, unknown>}
 */
const FIREFOX_QUIET_PREFS = {
  'services.settings.server': 'data:,#dummy/v1',
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'data:,',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.geoip.url': '',
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.topsites.contile.enabled': false,
  'identity.fxaccounts.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-gmpopenh264.enabled': false,
  'browser.aboutwelcome.enabled': false,
  // Every request to another host goes to a proxy on a loopback port where nothing listens, so
  // it fails at once, as Chromium's --host-resolver-rules make it. Without this a page waits on
  // DNS that never answers: its DOMContentLoaded (behind render-blocking stylesheets from other
  // hosts) can take longer than 30 s. Loopback itself is never proxied
  // (network.proxy.allow_hijacking_localhost is false).
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
};

/**
 * @typedef {object} FirefoxSession
 * @property {import('puppeteer-core').Browser} browser  puppeteer Browser (BiDi)
 * @property {string} extensionId  the gecko id returned by installExtension
 * @property {string} extensionUuid  the pinned moz-extension UUID
 * @property {(p?: string) => string} extensionUrl  `moz-extension://UUID/<p>`
 * @property {(p?: string) => Promise<import('puppeteer-core').Page>} openExtensionPage  opens
 *   `moz-extension://UUID/<p>` in a new tab and resolves once its document is complete.
 *   Scriptable with `page.evaluate`; but `page.url()` stays 'about:blank' (no BiDi events for
 *   moz-extension documents) and `page.goto`/`reload` on it need `waitUntil: 'commit'` too
 * @property {number} launchMs  wall time of launch + extension install
 * @property {() => Promise<void>} close  closes Firefox (puppeteer deletes its temp profile);
 *   idempotent
 */

/**
 * Launches Debian Firefox ESR over WebDriver BiDi and installs the extension as a temporary
 * add-on. The moz-extension UUID is pinned to {@link FIREFOX_EXTENSION_UUID} (or `uuid`).
 *
 * Each launch uses a fresh temporary profile (puppeteer's); temporary add-ons do not survive a
 * restart anyway.
 *
 * @param {object} options
 * @param {string} options.extensionDir  built Firefox extension, e.g. `.output/firefox-mv2`
 * @param {boolean} [options.headless]  default true
 * @param {string} [options.geckoId]  the extension's gecko id; default {@link GECKO_ID}, or
 *   read from the manifest if it declares one
 * @param {string} [options.uuid]  moz-extension UUID to pin; default {@link FIREFOX_EXTENSION_UUID}
 * @param {Record<string, unknown>} [options.prefs]  extra Firefox prefs
 * @param {string[]} [options.args]  extra Firefox arguments
 * @param {Record<string, string | undefined>} [options.env]  where findBrowser looks for
 *   FIREFOX_PATH; default process.env
 * @returns {Promise<FirefoxSession>}
 */
export async function launchFirefox({ extensionDir, headless = true, geckoId, uuid = FIREFOX_EXTENSION_UUID, prefs = {}, args = [], env }) {
  const started = Date.now();
  const executablePath = findBrowser('firefox', env);
  const extDir = path.resolve(extensionDir);
  assertExtensionDir(extDir, 'npx wxt build -b firefox');
  const id = geckoId ?? (await readGeckoId(extDir)) ?? GECKO_ID;
  const puppeteer = (await import('puppeteer-core')).default;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    protocol: 'webDriverBiDi',
    headless,
    timeout: LAUNCH_TIMEOUT_MS,
    protocolTimeout: LAUNCH_TIMEOUT_MS,
    // Without this, BiDi cannot script (or even reach) privileged moz-extension:// documents.
    args: ['--remote-allow-system-access', ...args],
    // Firefox ignores a custom services.settings.server unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...FIREFOX_QUIET_PREFS,
      // Pin the moz-extension UUID (JSON map gecko id -> uuid), read at install time.
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      ...prefs,
    },
  });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => {});
  };

  /** @param {string} [p] */
  const extensionUrl = (p = '') => `moz-extension://${uuid}/${p.replace(/^\//, '')}`;

  try {
    const extensionId = await browser.installExtension(extDir);
    return {
      browser,
      extensionId,
      extensionUuid: uuid,
      extensionUrl,
      openExtensionPage: async (p = '') => {
        const url = extensionUrl(p);
        const page = await browser.newPage();
        // Firefox's BiDi never sends load/DOMContentLoaded events for moz-extension://
        // documents, so the default waitUntil 'load' hangs until the timeout. Any value
        // puppeteer doesn't know ('commit' here) means "wait for no event" (goto still waits
        // for the navigate command itself); then poll the document ourselves. Check the URL
        // too, so the initial about:blank (already 'complete') cannot satisfy the wait.
        // NB: for the same reason page.url() keeps saying 'about:blank' for these pages; ask
        // the page instead: `await page.evaluate(() => location.href)`.
        await page.goto(url, { waitUntil: /** @type {any} */ ('commit'), timeout: LAUNCH_TIMEOUT_MS });
        await page.waitForFunction((want) => location.href === want && document.readyState === 'complete', { timeout: LAUNCH_TIMEOUT_MS, polling: 50 }, url);
        return page;
      },
      launchMs: Date.now() - started,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * `browser_specific_settings.gecko.id` (or MV2's `applications.gecko.id`) of a built extension.
 * @param {string} extDir
 * @returns {Promise<string | undefined>}
 */
async function readGeckoId(extDir) {
  try {
    const manifest = JSON.parse(await readFile(path.join(extDir, 'manifest.json'), 'utf8'));
    return manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  } catch {
    return undefined;
  }
}
