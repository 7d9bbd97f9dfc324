// Temporary manual check of the harness (the real one is test/e2e/harness.test.ts).
import { serveStatic } from './serve.mjs';
import { launchChromium, launchFirefox, findBrowser } from './browsers.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const t = () => performance.now();
const server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
for (const u of ['/', '/index.html', '/demo.css', '/overlay.js', '/notes/starter.json', '/fixtures/blank.html', '/../package.json', '/%2e%2e/package.json', '/nope']) {
  const r = await fetch(server.url(u)); console.log(u, r.status, r.headers.get('content-type'));
}
try { findBrowser('chromium', { CHROMIUM_PATH: '/nope/chromium' }); } catch (e) { console.log('ERR', e.message); }

let s = t();
const profile = await mkdtemp(path.join(tmpdir(), 'gloss-check-'));
const c1 = await launchChromium({ extensionDir: '.output/chrome-mv3', userDataDir: profile });
console.log('chromium launch1', Math.round(t() - s), c1.extensionId, c1.launchMs);
const p = await c1.context.newPage();
await p.goto(server.url('/index.html'));
console.log('title', await p.title());
const sp = await c1.context.newPage();
await sp.goto(c1.extensionUrl('sidepanel.html'));
console.log('sp', await sp.title(), await sp.locator('#app').count(), await sp.evaluate(() => document.getElementById('app')?.innerHTML.slice(0, 200)));
await sp.evaluate(() => new Promise((res, rej) => {
  const r = indexedDB.open('harness-check', 1);
  r.onupgradeneeded = () => r.result.createObjectStore('kv');
  r.onsuccess = () => { const tx = r.result.transaction('kv', 'readwrite'); tx.objectStore('kv').put('hello', 'k'); tx.oncomplete = () => { r.result.close(); res(0); }; tx.onerror = () => rej(tx.error); };
  r.onerror = () => rej(r.error);
}));
s = t(); await c1.close(); console.log('close1', Math.round(t() - s));
s = t();
const c2 = await launchChromium({ extensionDir: '.output/chrome-mv3', userDataDir: profile });
console.log('chromium launch2', Math.round(t() - s), c2.extensionId, c2.launchMs);
const sp2 = await c2.context.newPage();
await sp2.goto(c2.extensionUrl('sidepanel.html'));
console.log('read', await sp2.evaluate(() => new Promise((res, rej) => {
  const r = indexedDB.open('harness-check', 1);
  r.onsuccess = () => { const g = r.result.transaction('kv').objectStore('kv').get('k'); g.onsuccess = () => { r.result.close(); res(g.result); }; };
  r.onerror = () => rej(r.error);
})));
await c2.close(); await rm(profile, { recursive: true, force: true });

s = t();
const ff = await launchFirefox({ extensionDir: '.output/firefox-mv2' });
console.log('firefox launch', Math.round(t() - s), ff.extensionId, ff.launchMs);
const fp = await ff.browser.newPage();
await fp.goto(server.url('/index.html'));
console.log('ff title', await fp.title());
s = t();
const fsp = await ff.openExtensionPage('sidepanel.html');
console.log('ff sp', Math.round(t() - s), await fsp.title(), await fsp.evaluate(() => document.getElementById('app')?.innerHTML.slice(0, 200)));
s = t(); await ff.close(); console.log('ff close', Math.round(t() - s));
await server.close();
