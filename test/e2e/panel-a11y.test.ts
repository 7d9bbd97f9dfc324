/**
 * Every view of the panel, in real Chromium with the built extension, in the light and the dark
 * theme: axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA rules),
 * and a screenshot of each view is written to test-output/panel/ for a person to look at.
 *
 * Views: the article page (terms, overlays), a note, the editor, All notes (with a search), the
 * settings opened, and a page that is not an article.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browsers.mjs';
import { serveStatic } from '../../scripts/lib/serve.mjs';
import { playwrightDriver } from './driver';
import * as s from './scenarios';

const OUT = 'test-output/panel';
const THEMES = ['light', 'dark'] as const;

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(OUT, { recursive: true });
  server = await serveStatic({ '/': 'seeds', '/fixtures/': 'test/fixtures/pages' });
  browser = await launchChromium({ extensionDir: '.output/chrome-mv3' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the panel page. Injected through the automation (evaluate), which the
 * extension page's CSP does not apply to; nothing of it ships in the extension.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Checks and photographs the panel as it is now, in both themes. */
async function checkView(page: Page, view: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(OUT, `${view}-${colorScheme}.png`), fullPage: true });
    expect(await seriousViolations(page), `${view} (${colorScheme})`).toEqual([]);
  }
}

describe('Chromium: the panel is accessible in every view and both themes', () => {
  it('article page, note, editor, All notes, settings, not an article', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url(s.SEED));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 900 });
    const panel = playwrightDriver(page);
    await panel.goto(browser.extensionUrl('sidepanel.html'));
    const tabId = await s.findTabId(panel, s.SEED);
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await s.loadStarterNotes(panel);
    await panel.waitFor('terms on the page', () => !!document.querySelector('[data-term="narco-terrorism"]'), null);
    await panel.waitFor('the overlay report', () => document.body.innerText.includes('1 overlay hidden'), null);
    await checkView(page, 'page');

    await panel.click('[data-term="narco-terrorism"]');
    await panel.waitFor('the note view', () => !!document.querySelector('[data-testid=note-body]'), null);
    await checkView(page, 'note');

    await panel.click('[data-testid=edit-note]');
    await panel.waitFor('the editor', () => !!document.querySelector('#note-title-input'), null);
    await checkView(page, 'editor');
    await panel.click('[data-testid=cancel-edit]');
    await panel.click('[data-testid=back]');

    await panel.click('[data-testid=all-notes]');
    await panel.waitFor('All notes', () => document.querySelectorAll('[data-testid=library-list] li').length > 0, null);
    await panel.fill('[data-testid=library-search]', 'sheinb');
    await panel.waitFor('search results', () => document.body.innerText.includes('Claudia Sheinbaum'), null);
    await checkView(page, 'library');
    await panel.click('[data-testid=back]');

    await panel.click('.settings summary');
    await panel.waitFor('the settings', () => !!document.querySelector('[data-testid=site-rules]'), null);
    await checkView(page, 'settings');

    const other = await browser.context.newPage();
    await other.goto(server.url(s.NON_ARTICLE));
    const otherTab = await s.findTabId(panel, s.NON_ARTICLE);
    await panel.goto(browser.extensionUrl(`sidepanel.html?tab=${otherTab}`));
    await s.toPageScreen(panel);
    await panel.waitFor('the not-an-article notice', () => !!document.querySelector('[data-testid=not-article]'), null);
    await checkView(page, 'not-article');
  });
});
