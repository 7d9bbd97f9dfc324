import { afterEach, describe, expect, test } from 'vitest';
import { articleHtml, isHidden, makePage, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

describe('walls in other shapes', () => {
  test('a non-modal <dialog open> (absolutely positioned by the browser) with a wall is hidden', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const d = p.add('<dialog style="top:80px"><p>Regístrate gratis para seguir leyendo este artículo.</p><button>Crear cuenta</button></dialog>') as HTMLDialogElement;
    d.show();
    await sleep(150);
    expect(isHidden(p, d)).toBe(true);
  });

  test('a small corner toast counting free articles is hidden; a one-word floating button is not', async () => {
    page = await makePage();
    const p = page;
    const toast = p.add('<div style="position:fixed;right:12px;bottom:12px;width:260px;height:70px;z-index:30;background:#fff">You have 2 free articles left this month</div>');
    const pill = p.add('<a href="/subscribe" style="position:fixed;left:12px;bottom:12px;width:180px;height:60px;z-index:30;background:#c00;color:#fff">Subscribe</a>');
    run = start(p);
    expect(isHidden(p, toast)).toBe(true);
    expect(isHidden(p, pill)).toBe(false);
  });

  test('a sticky strip stuck to the bottom edge asking to subscribe is a banner', async () => {
    page = await makePage(`${articleHtml()}<div id="bar" style="position:sticky;bottom:0;height:80px;background:#111;color:#fff">Only 1 free article left. Subscribe now</div>`);
    const p = page;
    run = start(p);
    expect(isHidden(p, p.doc.getElementById('bar') as Element)).toBe(true);
  });

  test('a sticky top bar with the site logo and a Subscribe button is the site header, not a banner', async () => {
    page = await makePage(`<div id="top" style="position:sticky;top:0;height:56px;z-index:10;background:#fff">
      <a href="/"><img alt="The Ledger" width="120" height="30"></a> <a href="/subscribe">Subscribe for $1</a></div>${articleHtml()}`);
    const p = page;
    run = start(p);
    await sleep(50);
    expect(isHidden(p, p.doc.getElementById('top') as Element)).toBe(false);
  });

  test('a wall a script put straight into <html>, outside <body>, is found at start', async () => {
    page = await makePage();
    const p = page;
    const wall = p.doc.createElement('div');
    wall.setAttribute('style', 'position:fixed;inset:0;z-index:99;background:#fff');
    wall.textContent = 'Abonnez-vous pour lire la suite';
    p.doc.documentElement.append(wall);
    run = start(p);
    expect(isHidden(p, wall)).toBe(true);
  });
});

describe('walls whose words arrive later', () => {
  test('a modal shell shown empty and filled in a moment later is read again as a whole', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const shell = p.add('<div class="modal-shell" style="position:fixed;top:20%;left:20%;width:60%;height:50%;background:#fff;z-index:99"><div class="content"></div></div>');
    await sleep(150);
    expect(isHidden(p, shell)).toBe(false);
    (shell.querySelector('.content') as Element).innerHTML = '<h2>Create a free account to keep reading</h2><button>Register</button>';
    await sleep(150);
    expect(isHidden(p, shell)).toBe(true);
  });

  test('a layer whose text node changes to wall words is read again', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const bar = p.add('<div style="position:fixed;left:0;right:0;bottom:0;height:80px;background:#eee;z-index:9">Loading your reading status…</div>');
    await sleep(150);
    expect(isHidden(p, bar)).toBe(false);
    (bar.firstChild as Text).data = 'This is your last free article this month';
    await sleep(150);
    expect(isHidden(p, bar)).toBe(true);
  });
});

describe('fixed boxes without a z-index, modal dialogs, curtains', () => {
  test('a fixed metering strip and a fixed box with `z-index: auto` still paint over the text: hidden', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const bar = p.add('<div style="position:fixed;left:0;right:0;bottom:0;height:100px;background:#111;color:#fff">You have reached your monthly limit. Subscribe.</div>');
    const box = p.add('<div style="position:fixed;top:150px;left:150px;width:300px;height:160px;background:#fff">Create a free account to keep reading.</div>');
    await sleep(150);
    expect(isHidden(p, bar)).toBe(true);
    expect(isHidden(p, box)).toBe(true);
  });

  test('a fixed box with a negative z-index sits behind the text: left alone', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const under = p.add('<div style="position:fixed;top:150px;left:150px;width:300px;height:160px;background:#eee;z-index:-1">Subscribe to our print edition</div>');
    await sleep(150);
    expect(isHidden(p, under)).toBe(false);
  });

  test('a <dialog> opened with showModal() (top layer) is hidden and the lock on <html> undone', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const d = p.add('<dialog><h2>Abonnez-vous</h2><p>Pour lire la suite de cet article.</p><button>Je m’abonne</button></dialog>') as HTMLDialogElement;
    d.showModal();
    p.doc.documentElement.style.overflow = 'hidden';
    await sleep(150);
    expect(isHidden(p, d)).toBe(true);
    expect(await userScrolls(p)).toBe(true);
  });

  test('a new opaque white curtain over the whole viewport with a button and no known words is a wall', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    // Its text is narrow and centred: the probes mostly see the curtain itself, which is enough.
    const curtain = p.add(`<div style="position:fixed;inset:0;z-index:100;background:#fafafa;display:flex;flex-direction:column;align-items:center;justify-content:center">
      <h2>Wykup prenumeratę</h2><p>aby czytać dalej</p><button>Wykup dostęp</button></div>`);
    p.doc.body.style.overflow = 'hidden';
    await sleep(150);
    expect(isHidden(p, curtain)).toBe(true);
    expect(run.guard.hidden()[0]?.label).toBe('Overlay over the article');
    expect(await userScrolls(p)).toBe(true);
  });

  test('an opaque splash screen with nothing to act on is not a curtain', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    const splash = p.add('<div style="position:fixed;inset:0;z-index:100;background:#fff;display:grid;place-items:center"><div style="font-size:40px">◌ Ładowanie…</div></div>');
    await sleep(150);
    expect(isHidden(p, splash)).toBe(false);
  });
});
