import { afterEach, describe, expect, test } from 'vitest';
import { articleHtml, isHidden, makePage, modal, SHADE, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

const WORDLESS = '<svg width="48" height="48"><circle cx="24" cy="24" r="20" fill="#c00"/></svg><div style="font-size:30px">★ ★ ★</div><button>→</button>';

describe('walls with no telling words, by their shape', () => {
  test('split: a dim backdrop, then a wordless box on top of it in another part of the page → one overlay, lock undone', async () => {
    page = await makePage(`<div id="app"><div class="slot"></div></div>${articleHtml()}`);
    const p = page;
    run = start(p);
    await sleep(50);
    const shade = p.add(SHADE);
    p.doc.documentElement.style.overflow = 'hidden';
    await sleep(120);
    expect(isHidden(p, shade)).toBe(false); // a shade alone is not a wall
    const slot = p.doc.querySelector('.slot') as Element;
    const tpl = p.doc.createElement('template');
    tpl.innerHTML = modal(WORDLESS);
    const box = tpl.content.firstElementChild as Element;
    slot.append(box);
    await sleep(150);
    expect(isHidden(p, box)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
    expect(run.guard.hidden()).toEqual([{ label: 'Overlay over the article', elements: [box, shade] }]);
    expect(await userScrolls(p)).toBe(true);
  });

  test('container: one dim covering layer holding a wordless box is hidden as a whole', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const layer = p.add(`<div style="position:fixed;inset:0;z-index:500;background:rgba(20,20,40,.55);display:grid;place-items:center">
      <div style="width:50%;height:50%;background:#fff"><input type="email" placeholder="@"> <button>✓</button></div></div>`);
    await sleep(150);
    expect(isHidden(p, layer)).toBe(true);
    expect(run.guard.hidden()[0]?.label).toBe('Overlay over the article');
  });

  test('a wordless box over a shade from a cross-origin iframe (no readable text) is hidden with its shade', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const shade = p.add(SHADE);
    const frame = p.add('<iframe src="about:blank" style="position:fixed;top:10%;left:25%;width:50%;height:70%;border:0;background:#fff;z-index:9999"></iframe>');
    await sleep(150);
    expect(isHidden(p, frame)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
  });

  test('a shade that slides under a long-standing widget of the page does not make the widget a wall', async () => {
    page = await makePage();
    const p = page;
    let t = 0;
    const widget = p.add('<div id="tool" style="position:fixed;left:40%;top:40%;width:20%;height:20%;z-index:10000;background:#fff">◐ ◑</div>');
    run = start(p, { now: () => t });
    t = 5000; // well after load: the widget is not new
    const shade = p.add(SHADE);
    await sleep(150);
    expect(isHidden(p, widget)).toBe(false);
    expect(isHidden(p, shade)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });

  test('shape walls are only recognised right after load, not later in the reading', async () => {
    page = await makePage();
    const p = page;
    let t = 0;
    run = start(p, { now: () => t });
    t = 60_000;
    const shade = p.add(SHADE);
    const box = p.add(modal(WORDLESS));
    await sleep(150);
    expect(isHidden(p, box)).toBe(false);
    expect(isHidden(p, shade)).toBe(false);
  });

  test('a video lightbox (dim, covering, wordless, a player) is not a shape wall', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const viewer = p.add('<div class="video-player-lightbox" style="position:fixed;inset:0;z-index:900;background:rgba(0,0,0,.9)"><div style="margin:20vh auto;width:60%;height:50%;background:#333"></div></div>');
    await sleep(150);
    expect(isHidden(p, viewer)).toBe(false);
  });
});

describe('layers that look like walls but are the site', () => {
  test('a fixed menu or table of contents made of links, with a Subscribe link among them, stays', async () => {
    page = await makePage();
    const p = page;
    const toc = p.add(`<div style="position:fixed;left:0;top:60px;width:200px;height:70vh;z-index:50;background:#eee">
      <b>Contents</b><ol><li><a href="#a">Budget</a></li><li><a href="#b">Water</a></li><li><a href="#c">Buses</a></li><li><a href="#d">Library</a></li></ol><a href="#s">Subscribe</a></div>`);
    const tabs = p.add('<div style="position:fixed;left:0;right:0;bottom:0;height:60px;z-index:50;background:#fff;display:flex;justify-content:space-around"><a href="/">Home</a><a href="/l">Latest</a><a href="/s">Search</a><a href="/sub">Subscribe</a></div>');
    run = start(p);
    await sleep(50);
    expect(isHidden(p, toc)).toBe(false);
    expect(isHidden(p, tabs)).toBe(false);
  });

  test('an absolute layer with z-index auto that covers the text and is on top is a wall', async () => {
    page = await makePage();
    const p = page;
    p.doc.body.style.position = 'relative';
    const wall = p.add(`<div style="position:absolute;left:0;top:0;width:100%;height:${String(p.doc.documentElement.scrollHeight)}px;background:rgba(0,0,0,.5)">
      <div style="position:sticky;top:20vh;margin:0 auto;width:300px;background:#fff">Inicia sesión para seguir leyendo</div></div>`);
    run = start(p);
    expect(isHidden(p, wall)).toBe(true);
  });

  test('a same-origin iframe wall is read: its text decides', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const frame = p.doc.createElement('iframe');
    frame.style.cssText = 'position:fixed;left:0;right:0;bottom:0;width:100%;height:200px;border:0;z-index:99';
    frame.srcdoc = '<p>Abonnez-vous pour lire la suite</p>';
    p.doc.body.append(frame);
    await sleep(400);
    expect(isHidden(p, frame)).toBe(true);
    expect(run.guard.hidden()[0]?.label).toBe('Subscription notice');
  });
});
