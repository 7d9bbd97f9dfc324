/**
 * Notes safety in real browsers: 49 script-injection payloads in every field of a note (title,
 * aliases, tags, source labels and addresses, the Markdown body) are imported and each note is
 * opened in the panel, in Chromium and in Firefox. Nothing runs (every payload that could run
 * calls `__xss()`, counted by the test), and the note view holds no active element, no event
 * handler or style attribute, and no link but http(s) and mailto.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox } from '../../scripts/lib/browsers.mjs';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { playwrightDriver, puppeteerDriver, type Driver } from './driver';
import { toPageScreen } from './scenarios';

/** One note per payload, the payload in every field (cut to each field's limit). */
function payloadFile() {
  return {
    format: 'gloss-notes',
    version: 2,
    notes: XSS_PAYLOADS.map((p, i) => ({
      title: `${i} ${p}`.slice(0, 200),
      aliases: [`alias ${i} ${p}`.slice(0, 200)],
      tags: [`tag${i} ${p}`.slice(0, 200)],
      sources: [{ url: `https://example.org/?q=${encodeURIComponent(p).slice(0, 500)}`, title: p.slice(0, 200) }],
      body: `${p}\n\n[link ${i}](${p})\n\n> ${p}\n\n- ${p}\n\n\`${p}\``,
    })),
  };
}

/** Arms the counter, imports the notes and opens All notes. */
async function prepare(panel: Driver): Promise<void> {
  await toPageScreen(panel);
  const reply = await panel.evaluate(async (file) => {
    (window as unknown as { __xssCount: number }).__xssCount = 0;
    (window as unknown as { __xss(): void }).__xss = () => void ((window as unknown as { __xssCount: number }).__xssCount += 1);
    window.alert = () => void ((window as unknown as { __xssCount: number }).__xssCount += 1);
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'panel:importNotes', data: JSON.stringify(file), onDuplicate: 'keep' });
  }, payloadFile());
  expect(reply).toMatchObject({ ok: true, added: XSS_PAYLOADS.length });
  await panel.reload();
  await toPageScreen(panel);
  (await panel.evaluate(() => {
    (window as unknown as { __xssCount: number }).__xssCount = 0;
    (window as unknown as { __xss(): void }).__xss = () => void ((window as unknown as { __xssCount: number }).__xssCount += 1);
    window.alert = () => void ((window as unknown as { __xssCount: number }).__xssCount += 1);
  }, null)) as void;
}

/** Opens every payload note from All notes and checks what the note view holds. */
async function expectAllInert(panel: Driver): Promise<void> {
  await panel.click('[data-testid=all-notes]');
  for (let i = 0; i < XSS_PAYLOADS.length; i++) {
    // Back from a note opened here returns to All notes.
    await panel.waitFor('the library', () => !!document.querySelector('[data-testid=library-list]'), null);
    await panel.fill('[data-testid=library-search]', `tag${i}`);
    await panel.waitFor(`note ${i} found`, (prefix) => [...document.querySelectorAll<HTMLElement>('[data-testid=library-list] button')].some((b) => b.dataset.note?.startsWith(prefix)), `${i} `);
    await panel.evaluate((prefix) => {
      [...document.querySelectorAll<HTMLElement>('[data-testid=library-list] button')].find((b) => b.dataset.note?.startsWith(prefix))!.click();
    }, `${i} `);
    await panel.waitFor(`note ${i} opened`, (prefix) => document.querySelector('#note-title')?.textContent?.startsWith(prefix), `${i} `);
    const found = await panel.evaluate(() => {
      const note = document.querySelector('.note')!;
      const all = [...note.querySelectorAll('*')];
      const ACTIVE = /^(script|iframe|object|embed|svg|math|img|style|link|meta|form|input|button|video|audio|source|details|marquee|noscript|textarea|base|frame|frameset)$/i;
      return {
        active: all.filter((el) => ACTIVE.test(el.localName) && !el.closest('.actions') && el.localName !== 'button').map((el) => el.localName),
        attributes: all.flatMap((el) => [...el.attributes].filter((a) => /^on|^style$|^srcdoc$|^formaction$/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
        links: [...note.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(https?:|mailto:)/i.test(h)),
        fired: (window as unknown as { __xssCount: number }).__xssCount,
      };
    }, null);
    expect(found, `payload ${i}: ${XSS_PAYLOADS[i]!.slice(0, 80)}`).toEqual({ active: [], attributes: [], links: [], fired: 0 });
    await panel.click('[data-testid=back]');
  }
}

describe('XSS payloads in every note field render inert', () => {
  let close: (() => Promise<void>)[] = [];
  beforeAll(() => {
    close = [];
  });
  afterAll(async () => {
    for (const c of close) await c();
  });

  it('in Chromium', async () => {
    const browser = await launchChromium({ extensionDir: '.output/chrome-mv3' });
    close.push(() => browser.close());
    const panel = playwrightDriver(await browser.context.newPage());
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    await prepare(panel);
    await expectAllInert(panel);
  }, 180_000);

  it('in Firefox', async () => {
    const ff = await launchFirefox({ extensionDir: '.output/firefox-mv2' });
    close.push(() => ff.close());
    const panel = puppeteerDriver(await ff.browser.newPage());
    await panel.goto(ff.extensionUrl('sidepanel.html'));
    await prepare(panel);
    await expectAllInert(panel);
  }, 180_000);
});
