import { afterEach, describe, expect, test } from 'vitest';
import { articleHtml, isHidden, makePage, modal, SHADE, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

describe('never hidden', () => {
  test('(4) cookie consent banner and dialog (text or CMP id) stay untouched, with their scroll lock', async () => {
    page = await makePage();
    const p = page;
    p.doc.body.style.overflow = 'hidden';
    const bodyStyle = p.doc.body.getAttribute('style');
    const shade = p.add(SHADE);
    const dialog = p.add(modal('<h2>We value your privacy</h2><p>We and our partners use cookies to personalise content.</p><button>Accept all</button><button>Reject</button>'));
    run = start(p);
    await sleep(50);
    const cmp = p.add('<div id="onetrust-banner-sdk" style="position:fixed;left:0;right:0;bottom:0;height:160px;background:#fff;z-index:99999"><p>Subscribe to our partners\' offers? Manage choices.</p><button>OK</button></div>');
    const payOrOk = p.add(modal('<h2>Lesen Sie mit Abo ohne Werbung</h2><p>Oder akzeptieren Sie Cookies und Tracking.</p>', 'top:20%'));
    await sleep(150);
    for (const el of [shade, dialog, cmp, payOrOk]) expect(isHidden(p, el)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
    expect(p.doc.body.getAttribute('style')).toBe(bodyStyle);
    expect(run.changes).toHaveLength(0);
  });

  test('(5) a sticky site header with navigation and a Subscribe button stays', async () => {
    page = await makePage(`<header id="site" style="position:sticky;top:0;z-index:1000;height:80px;background:#fff">
      <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav><a class="cta" href="/subscribe">Subscribe for $1</a></header>
      <div id="bar" style="position:fixed;top:0;left:0;right:0;height:50px;z-index:500;background:#eee">
      <a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a><a href="/e">E</a><a href="/s">Subscribe</a></div>${articleHtml()}`);
    const p = page;
    run = start(p);
    p.win.scrollTo(0, 800);
    await sleep(100);
    expect(isHidden(p, p.doc.getElementById('site') as Element)).toBe(false);
    expect(isHidden(p, p.doc.getElementById('bar') as Element)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });

  test('(9) a fixed app shell holding the article is never hidden, a modal inside it is', async () => {
    page = await makePage(`<div id="shell" style="position:fixed;inset:0;overflow:auto;z-index:10;background:#fff">
      <p>Subscribe to our newsletter in the footer.</p>${articleHtml(10)}</div>`);
    const p = page;
    run = start(p);
    const shell = p.doc.getElementById('shell') as Element;
    expect(isHidden(p, shell)).toBe(false);
    const inner = p.doc.createElement('div');
    inner.innerHTML = modal('<h2>Suscríbete para seguir leyendo</h2>');
    const box = inner.firstElementChild as Element;
    shell.append(box);
    await sleep(150);
    expect(isHidden(p, shell)).toBe(false);
    expect(isHidden(p, box)).toBe(true);
  });

  test('(9b) a fixed layer holding a copy of the article text is not hidden', async () => {
    page = await makePage();
    const p = page;
    const copy = p.add(`<div style="position:fixed;inset:40px;z-index:50;overflow:auto;background:#fff"><button>Subscribe</button>${(p.doc.getElementById('story') as Element).innerHTML}</div>`);
    run = start(p);
    expect(isHidden(p, copy)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });

  test('media players and chat widgets stay', async () => {
    page = await makePage();
    const p = page;
    const pip = p.add('<div style="position:fixed;right:10px;bottom:10px;width:320px;height:200px;z-index:99"><video></video><p>Subscribe to our channel</p></div>');
    const chat = p.add('<div id="intercom-container" style="position:fixed;right:0;bottom:0;width:360px;height:500px;z-index:99"><p>Sign up for updates</p></div>');
    run = start(p);
    await sleep(50);
    expect(isHidden(p, pip)).toBe(false);
    expect(isHidden(p, chat)).toBe(false);
  });

  test('a scroll lock is not undone when nothing was hidden', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    p.doc.documentElement.style.overflow = 'hidden';
    await sleep(120);
    expect(await userScrolls(p)).toBe(false);
    expect(p.doc.documentElement.getAttribute('style')).toBe('overflow: hidden;');
  });
});
