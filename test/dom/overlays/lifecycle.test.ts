import { afterEach, describe, expect, test } from 'vitest';
import { isHidden, makePage, modal, SHADE, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

const WALL = modal('<h2>Subscribe to continue reading</h2><button>Subscribe</button>');

describe('overlays that come back', () => {
  test('(7a) an overlay re-added after hiding (new copy or same node) is hidden again', async () => {
    page = await makePage();
    const p = page;
    const first = p.add(WALL);
    run = start(p);
    expect(isHidden(p, first)).toBe(true);
    first.remove();
    await sleep(20);
    const second = p.add(WALL);
    await sleep(120);
    expect(isHidden(p, second)).toBe(true);
    expect(run.guard.hidden().map((h) => h.elements[0])).toEqual([second]);
    p.doc.body.append(first); // the old node comes back: still hidden, listed again
    await sleep(120);
    expect(isHidden(p, first)).toBe(true);
    expect(run.guard.hidden()).toHaveLength(2);
  });

  test('(7b) a page that re-shows the overlay in a loop is answered a bounded number of times', async () => {
    page = await makePage();
    const p = page;
    const box = p.add(WALL);
    let pageWrites = 0;
    // The site's own fight-back: whenever the wall is not shown, show it.
    new MutationObserver(() => {
      if (box.style.display !== 'block') {
        pageWrites++;
        box.style.display = 'block';
      }
    }).observe(box, { attributes: true, attributeFilter: ['style'] });
    run = start(p);
    await sleep(4500);
    const settled = pageWrites;
    expect(settled).toBeGreaterThan(1);
    expect(settled).toBeLessThanOrEqual(12);
    await sleep(1200);
    expect(pageWrites).toBe(settled); // the fight is over
    expect(isHidden(p, box)).toBe(false); // the page won
    expect(run.guard.hidden()).toHaveLength(0);
  }, 15_000);

  test('a wall revealed by a body class (already in the DOM) is hidden', async () => {
    page = await makePage(undefined, '<style>.pw{display:none}.paywall-on .pw{display:block}</style>');
    const p = page;
    const box = p.add(WALL.replace('class="modal"', 'class="modal pw"'));
    run = start(p);
    expect(isHidden(p, box)).toBe(true); // display:none by CSS, not by us
    expect(run.guard.hidden()).toHaveLength(0);
    p.doc.body.classList.add('paywall-on');
    await sleep(150);
    expect(run.guard.hidden()).toHaveLength(1);
    expect(box.style.getPropertyPriority('display')).toBe('important');
  });

  test('a sheet that slides in from off-screen is caught after its transition', async () => {
    page = await makePage(undefined, '<style>.sheet{position:fixed;left:0;right:0;bottom:0;height:200px;background:#fff;z-index:99;transform:translateY(100%);transition:transform .3s}.sheet.in{transform:none}</style>');
    const p = page;
    run = start(p);
    const sheet = p.add('<div class="sheet"><p>Regístrate gratis para seguir leyendo</p></div>');
    sheet.getBoundingClientRect();
    sheet.classList.add('in');
    await sleep(1000);
    expect(isHidden(p, sheet)).toBe(true);
  });
});

describe('show again and abort', () => {
  test('(8) showAgain restores inline styles byte for byte and the scroll lock', async () => {
    page = await makePage(undefined, '<style>.shade2{position:fixed;inset:0;background:rgba(20,20,20,.7);z-index:9998}</style>');
    const p = page;
    p.win.scrollTo(0, 900);
    const shade = p.add('<div class="shade2"></div>');
    const box = p.add('<div style="z-index:9999;  position:fixed;top:10px;left:10px;width:300px;height:200px;display:block;background:#fff">Assine para continuar lendo</div>');
    p.doc.body.setAttribute('style', 'position:fixed; top:-900px;width:100%');
    p.doc.documentElement.setAttribute('style', 'overflow:hidden');
    const before = [shade, box, p.doc.body, p.doc.documentElement].map((e) => e.getAttribute('style'));
    run = start(p);
    expect(run.guard.hidden()).toEqual([{ label: 'Subscription notice', elements: [box, shade] }]);
    expect(p.win.scrollY).toBe(900);
    expect(await userScrolls(p)).toBe(true);
    run.guard.showAgain();
    expect([shade, box, p.doc.body, p.doc.documentElement].map((e) => e.getAttribute('style'))).toEqual(before);
    expect(isHidden(p, box)).toBe(false);
    expect(isHidden(p, shade)).toBe(false);
    expect(run.guard.hidden()).toEqual([]);
    expect(run.changes.at(-1)).toEqual([]);
    expect(await userScrolls(p)).toBe(false);
    // Stopped for this page: a new wall stays.
    const again = p.add(WALL);
    await sleep(120);
    expect(isHidden(p, again)).toBe(false);
  });

  test('(8b) showAgain keeps what the page changed meanwhile and reverts only our property', async () => {
    page = await makePage();
    const p = page;
    const box = p.add(WALL);
    run = start(p);
    box.style.color = 'red';
    run.guard.showAgain();
    expect(box.style.color).toBe('red');
    expect(box.style.display).toBe('');
    expect(isHidden(p, box)).toBe(false);
  });

  test('(10) aborting the signal stops the observer', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    run.abort.abort();
    const box = p.add(WALL);
    p.add(SHADE);
    await sleep(150);
    expect(isHidden(p, box)).toBe(false);
    expect(run.changes).toHaveLength(0);
  });
});
