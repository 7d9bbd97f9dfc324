import { afterEach, describe, expect, test } from 'vitest';
import { isHidden, makePage, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

/** A wall and its shade already in the page, kept out of sight by the page's own stylesheet. */
const DORMANT = `<div class="pw">
  <div id="pw-shade" style="position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:50"></div>
  <div id="pw-box" style="position:fixed;top:150px;left:120px;width:400px;height:300px;background:#fff;z-index:51">
    <h2>Jetzt Abo abschließen und weiterlesen</h2><button>Abo wählen</button></div></div>`;

describe('walls revealed without a mutation (screen probe)', () => {
  test('a rule added with insertRule() shows a dormant wall: it is hidden with its shade within a probe tick', async () => {
    page = await makePage();
    const p = page;
    p.add(DORMANT);
    const css = p.doc.createElement('style');
    css.textContent = '.pw{display:none}';
    p.doc.head.append(css);
    run = start(p);
    await sleep(100);
    const box = p.doc.getElementById('pw-box') as Element;
    const shade = p.doc.getElementById('pw-shade') as Element;
    const wrapper = p.doc.querySelector('.pw') as Element;
    expect(isHidden(p, wrapper)).toBe(true); // by the page's rule
    // No mutation: a CSSOM call and an inline style write on <html> to lock scrolling.
    (css.sheet as CSSStyleSheet).insertRule('.pw{display:block !important}', 1);
    (css.sheet as CSSStyleSheet).insertRule('html{overflow:hidden}', 1);
    expect(isHidden(p, wrapper)).toBe(false);
    await sleep(1600);
    expect(isHidden(p, box)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
    expect(run.guard.hidden()).toHaveLength(1);
    expect(await userScrolls(p)).toBe(true);
    // Show again restores the page's own state exactly (no inline styles left behind).
    run.guard.showAgain();
    expect(box.getAttribute('style')).not.toContain('display');
    expect(isHidden(p, box)).toBe(false);
  });

  test('the probe does not make a long-standing positioned widget a wall (no words: left alone)', async () => {
    page = await makePage();
    const p = page;
    const widget = p.add('<div id="w" style="position:fixed;right:10px;top:200px;width:220px;height:200px;background:#fff;z-index:5"><button>★</button></div>');
    const shade = p.add('<div style="position:fixed;inset:0;background:rgba(0,0,0,.4);z-index:4;display:none" id="dim"></div>');
    run = start(p);
    await sleep(1200);
    // The page dims itself later through its own stylesheet: a shade and an old widget are no wall.
    const css = p.doc.createElement('style');
    p.doc.head.append(css);
    (css.sheet as CSSStyleSheet).insertRule('#dim{display:block !important}', 0);
    await sleep(1500);
    expect(isHidden(p, widget)).toBe(false);
    expect(isHidden(p, shade)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });
});
