/**
 * One small page-driving interface over Playwright (Chromium) and Puppeteer (Firefox, BiDi), so
 * the end-to-end scenarios are written once and run in both browsers. Clicks go through the
 * automation's input pipeline (real user input: the panel toggle needs a user gesture).
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

export interface Driver {
  goto(url: string): Promise<void>;
  /** Reloads; extension pages in Firefox never report `load`, so wait on readyState instead. */
  reload(): Promise<void>;
  click(selector: string): Promise<void>;
  /** A real mouse click at viewport coordinates (user input, as on a highlighted word). */
  clickAt(x: number, y: number): Promise<void>;
  /** Moves the real mouse pointer to viewport coordinates. */
  hoverAt(x: number, y: number): Promise<void>;
  /** Makes this the visible tab (background tabs get throttled timers). */
  front(): Promise<void>;
  /** Types into a field, replacing its value. */
  fill(selector: string, text: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn(arg)` is truthy in the page; fails with `what` in the message. */
  waitFor<A>(what: string, fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

// Generous: a loaded 2-core CI machine can take many seconds for one step.
const TIMEOUT = 30_000;

/** What the page showed when a wait failed, so a failure report says what the reader saw. */
const visibleText = () => `${location.href}\n${document.body?.innerText.slice(0, 1500) ?? '(no body)'}`;
const snapshot = (text: Promise<string>) => text.then((t) => `The page showed:\n${t}`, () => '(page unavailable)');

export function playwrightDriver(page: PwPage): Driver {
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    click: (selector) => page.locator(selector).first().click(),
    clickAt: (x, y) => page.mouse.click(x, y),
    hoverAt: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    front: () => page.bringToFront(),
    fill: (selector, text) => page.locator(selector).first().fill(text),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    waitFor: async (what, fn, arg, timeoutMs = TIMEOUT) => {
      // Poll on a timer, not on animation frames: a background tab gets no frames.
      await page.waitForFunction(fn as (a: unknown) => unknown, arg, { timeout: timeoutMs, polling: 100 }).catch(async (e: Error) => {
        throw new Error(`Timed out waiting for: ${what}\n${e.message}\n${await snapshot(page.evaluate(visibleText))}`);
      });
    },
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    close: () => page.close(),
  };
}

export function puppeteerDriver(page: PpPage): Driver {
  const ready = () => page.waitForFunction(() => document.readyState === 'complete', { timeout: TIMEOUT, polling: 50 });
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: (url.startsWith('moz-extension:') ? 'commit' : 'load') as 'load' });
      await ready();
    },
    reload: async () => {
      await page.evaluate(() => location.reload());
      // The old document may still answer readyState 'complete' for a moment.
      await new Promise((r) => setTimeout(r, 300));
      await ready();
    },
    click: async (selector) => {
      const el = await page.waitForSelector(selector, { timeout: TIMEOUT });
      await el!.click();
    },
    clickAt: (x, y) => page.mouse.click(x, y),
    hoverAt: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    front: () => page.bringToFront(),
    fill: async (selector, text) => {
      const el = await page.waitForSelector(selector, { timeout: TIMEOUT });
      await el!.click({ count: 3 });
      await page.evaluate((s) => {
        const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)!;
        input.select();
      }, selector);
      await page.keyboard.press('Backspace');
      await el!.type(text);
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    waitFor: async (what, fn, arg, timeoutMs = TIMEOUT) => {
      await page.waitForFunction(fn as (a: unknown) => unknown, { timeout: timeoutMs, polling: 100 }, arg).catch(async (e: Error) => {
        throw new Error(`Timed out waiting for: ${what}\n${e.message}\n${await snapshot(page.evaluate(visibleText))}`);
      });
    },
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    close: () => page.close(),
  };
}
