// @ts-check
/**
 * `npm run demo`: builds Gloss, serves seeds/ on 127.0.0.1, launches Debian Chromium with the
 * extension on the seed article and loads the starter notes through the panel, as a reader would.
 *
 *  - With a display: a normal window with the article and the panel (as a tab); the demo runs
 *    until you close the browser (or press Ctrl+C).
 *  - Without one (or with --headless): writes screenshots to demo-output/ (page.png, panel.png,
 *    overview.png), prints a summary, and exits non-zero if the article was not detected, no
 *    overlay was hidden, or narco-terrorism was not found.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/browsers.mjs';
import { serveStatic } from './lib/serve.mjs';

const OUT = 'demo-output';
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

step('Building the Chrome extension (wxt build)');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) fail('the build failed (see the errors above).');

const server = await serveStatic({ '/': 'seeds' });
const profile = await mkdtemp(path.join(tmpdir(), 'gloss-demo-'));
step(`Serving seeds/ at ${server.origin}; launching Chromium${headless ? ' (headless: no display)' : ''}`);
const chrome = await launchChromium({
  extensionDir: '.output/chrome-mv3',
  userDataDir: profile,
  headless,
  contextOptions: { viewport: { width: 1280, height: 900 } },
}).catch((e) => fail(e instanceof Error ? e.message : String(e)));

const cleanup = async () => {
  await chrome.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  const page = await chrome.context.newPage();
  await page.goto(server.url('/index.html'));
  const tabId = await chrome.serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (tabId === undefined) throw new Error('could not find the demo tab');

  step('Loading the starter notes from the panel');
  const panel = await chrome.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(chrome.extensionUrl(`sidepanel.html?tab=${tabId}`));
  await panel.locator('[data-testid=note-count]').filter({ hasText: /\d/ }).waitFor();
  if ((await panel.locator('[data-testid=note-count]').textContent())?.startsWith('0')) {
    await panel.locator('[data-testid=load-starter]').click();
  }
  // The site shows its shared-account notice ~1.2 s after load; give Gloss time to hide it.
  await panel.locator('[data-testid=overlay-count]').waitFor({ timeout: 15_000 }).catch(() => {});
  await panel.locator('[data-term]').first().waitFor({ timeout: 15_000 }).catch(() => {});

  const summary = await panel.evaluate(async (id) => {
    const state = await chrome.runtime.sendMessage({ type: 'panel:getTabState', tabId: id });
    const notes = await chrome.runtime.sendMessage({ type: 'panel:listNotes' });
    return { state, notes };
  }, tabId);
  if (!summary.state?.ok) throw new Error(`the page did not answer: ${summary.state?.error}`);
  const { article, overlays, mentions } = summary.state.state;
  const titles = new Map((summary.notes?.notes ?? []).map((/** @type {{id: string, title: string}} */ n) => [n.id, n.title]));
  const terms = mentions.map((/** @type {{noteId: string, count: number}} */ m) => ({ title: titles.get(m.noteId) ?? m.noteId, count: m.count }));

  if (headless) {
    await mkdir(OUT, { recursive: true });
    await page.bringToFront();
    await page.screenshot({ path: `${OUT}/page.png` });
    // Clicking "Load starter notes" scrolled the panel to its foot: show it from its header.
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: `${OUT}/panel.png` });
    await overview(chrome.context, `${OUT}/overview.png`);
  } else {
    await page.bringToFront();
  }

  console.log(`
Gloss demo — ${server.url('/index.html')}
  Article detected: ${article.isArticle ? `yes — “${article.title}” (${article.siteName || 'no site name'}, ${article.lang || 'no language'})` : `no (${article.reason})`}
  Overlays hidden:  ${overlays.labels.length}${overlays.labels.length ? ` (${overlays.labels.join(', ')})` : ''}
  Terms found:      ${terms.length ? terms.map((t) => `${t.title} ×${t.count}`).join(', ') : 'none'}${headless ? `\n  Screenshots:      ${OUT}/page.png, ${OUT}/panel.png, ${OUT}/overview.png` : ''}
`);
  const ok = article.isArticle && overlays.labels.length > 0 && terms.some((t) => t.title === 'narco-terrorism');
  if (!ok) console.error('✗ The demo did not get the expected result (article, ≥1 overlay hidden, narco-terrorism).');

  if (headless) {
    await cleanup();
    process.exit(ok ? 0 : 1);
  }
  console.log('Close the browser window (or press Ctrl+C) to end the demo.');
  await new Promise((resolve) => chrome.context.on('close', resolve));
  await cleanup();
} catch (e) {
  await cleanup();
  fail(e instanceof Error ? e.message : String(e));
}

/** Page and panel side by side in one image (used for the README). */
async function overview(/** @type {import('playwright-core').BrowserContext} */ context, /** @type {string} */ file) {
  const img = async (/** @type {string} */ f) => `data:image/png;base64,${(await readFile(f)).toString('base64')}`;
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1700, height: 900 });
  await tab.setContent(
    `<body style="margin:0;display:flex;gap:0;background:#ccc"><img src="${await img(`${OUT}/page.png`)}" style="width:1280px;height:900px">` +
      `<img src="${await img(`${OUT}/panel.png`)}" style="width:400px;height:900px;border-left:3px solid #5b4bb7"></body>`,
  );
  await tab.screenshot({ path: file });
  await tab.close();
}

/** @param {string} text */
function step(text) {
  console.log(`• ${text}`);
}

/** @param {string} reason @returns {never} */
function fail(reason) {
  console.error(`✗ Demo failed: ${reason}`);
  process.exit(1);
}
