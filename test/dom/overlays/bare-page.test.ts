/**
 * A bare page: the article's text sits straight in <body>, so detection reports <body> itself
 * as the article body. Every overlay the site appends is then "inside the article" by DOM
 * position; the guard must judge by text instead (hide the notice, keep the prose).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { isHidden, makePage, SHADE, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

const PROSE = (i: number): string =>
  `<p>Part ${String(i)} of a plain page with no article element. The harbour board met on Monday and agreed to ` +
  `extend the ferry timetable through the winter, after long complaints from the island's schools and shops.</p>`;

/** A bare page whose body is the article (three paragraphs and subheadings, as old sites and tests have). */
async function barePage(): Promise<Page> {
  const p = await makePage(`<h1>Ferry timetable extended</h1>${PROSE(1)}<h2>Schools</h2>${PROSE(2)}<h2>Shops</h2>${PROSE(3)}<div style="height:1600px"></div>`);
  p.article = p.doc.body;
  return p;
}

describe('a page whose body is the article', () => {
  test('a late bottom sheet with a long sentence, its shade and a fixed-body lock are undone', async () => {
    page = await barePage();
    const p = page;
    run = start(p);
    await sleep(300);
    const shade = p.add(SHADE);
    const sheet = p.add(`<div class="sheet" style="position:fixed;left:0;right:0;bottom:0;min-height:45vh;background:#fff;z-index:9999">
      <p><strong>Tu suscripción se está usando en otro dispositivo</strong></p>
      <p>¿Quieres añadir otro usuario a tu suscripción? Si continúas leyendo en este dispositivo, no se podrá leer en el otro.</p>
      <button>Continuar leyendo aquí</button></div>`);
    p.doc.body.style.cssText += ';position:fixed;top:0;left:0;right:0;width:100%';
    await sleep(200);
    expect(isHidden(p, sheet)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
    expect(run.guard.hidden().map((h) => h.label)).toEqual(['Shared-account notice']);
    for (const para of p.doc.querySelectorAll('body > p')) expect(isHidden(p, para)).toBe(false);
    expect(await userScrolls(p)).toBe(true);
  });

  test('a notice already up when the guard starts is not taken for article text', async () => {
    page = await barePage();
    const p = page;
    const box = p.add(`<div class="wall" style="position:fixed;inset:15% 10%;background:#fff;z-index:9999">
      <h2>Subscribe to keep reading</h2>
      <p>You have read all of your free articles this month. Subscribe today for unlimited access to every story we publish.</p>
      <button>Subscribe</button></div>`);
    run = start(p);
    expect(isHidden(p, box)).toBe(true);
    expect(run.guard.hidden().map((h) => h.label)).toEqual(['Article-limit notice']);
  });

  test('a floating layer holding the article text itself stays', async () => {
    page = await barePage();
    const p = page;
    run = start(p);
    await sleep(100);
    // A site's own reader pane: a fixed layer repeating the article's prose.
    const pane = p.add(`<div class="reader" style="position:fixed;inset:0;background:#fff;z-index:9999;overflow:auto">${PROSE(2)}</div>`);
    await sleep(200);
    expect(isHidden(p, pane)).toBe(false);
    expect(run.guard.hidden()).toEqual([]);
  });
});
