// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
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
export function findBrowser(kind: BrowserKind, env?: Record<string, string | undefined>): string;
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
export function launchChromium({ extensionDir, userDataDir, headless, args, contextOptions, env }: {
    extensionDir: string;
    userDataDir?: string | undefined;
    headless?: boolean | undefined;
    args?: string[] | undefined;
    contextOptions?: import("playwright-core").BrowserContextOptions | undefined;
    env?: Record<string, string | undefined> | undefined;
}): Promise<ChromiumSession>;
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
export function launchFirefox({ extensionDir, headless, geckoId, uuid, prefs, args, env }: {
    extensionDir: string;
    headless?: boolean | undefined;
    geckoId?: string | undefined;
    uuid?: string | undefined;
    prefs?: Record<string, unknown> | undefined;
    args?: string[] | undefined;
    env?: Record<string, string | undefined> | undefined;
}): Promise<FirefoxSession>;
/** The gecko id from `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID: "gloss@gloss.example";
/**
 * The moz-extension UUID pinned for {@link GECKO_ID} (via `extensions.webextensions.uuids`), so
 * `moz-extension://` URLs are known before launch and stable across runs. Any v4 UUID works.
 */
export const FIREFOX_EXTENSION_UUID: "6a1f3c2e-9b7d-4e58-a0c4-1d2b3e4f5a6b";
export type ChromiumSession = {
    /**
     * the persistent context (one
     * browser); `context.newPage()` opens tabs
     */
    context: import("playwright-core").BrowserContext;
    /**
     * the 32-letter id, host of `chrome-extension://ID/`
     */
    extensionId: string;
    /**
     * `chrome-extension://ID/<p>`
     */
    extensionUrl: (p?: string) => string;
    /**
     * the extension's MV3 background
     */
    serviceWorker: import("playwright-core").Worker;
    /**
     * the profile directory in use
     */
    userDataDir: string;
    /**
     * wall time of the launch, up to the service worker being found
     */
    launchMs: number;
    /**
     * closes the browser; removes the profile only if this
     * harness created it (idempotent)
     */
    close: () => Promise<void>;
};
export type FirefoxSession = {
    /**
     * puppeteer Browser (BiDi)
     */
    browser: import("puppeteer-core").Browser;
    /**
     * the gecko id returned by installExtension
     */
    extensionId: string;
    /**
     * the pinned moz-extension UUID
     */
    extensionUuid: string;
    /**
     * `moz-extension://UUID/<p>`
     */
    extensionUrl: (p?: string) => string;
    /**
     * opens
     * `moz-extension://UUID/<p>` in a new tab and resolves once its document is complete.
     * Scriptable with `page.evaluate`; but `page.url()` stays 'about:blank' (no BiDi events for
     * moz-extension documents) and `page.goto`/`reload` on it need `waitUntil: 'commit'` too
     */
    openExtensionPage: (p?: string) => Promise<import("puppeteer-core").Page>;
    /**
     * wall time of launch + extension install
     */
    launchMs: number;
    /**
     * closes Firefox (puppeteer deletes its temp profile);
     * idempotent
     */
    close: () => Promise<void>;
};
export type BrowserKind = "chromium" | "firefox";
