import { afterEach, describe, expect, test } from 'vitest';
import { detectGate, type GateReport } from '../../../lib/overlays';
import { articleHtml, makePage, sleep, start, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

const paras = (n: number): string => Array.from({ length: n }, (_, i) =>
  `<p>Paragraph ${String(i)}: the council met on Tuesday to discuss the budget, the water supply, the new bus routes and the library.</p>`).join('');

const PROMPT = '<div class="offer"><h2>This story is for subscribers</h2><p>Subscribe for unlimited access.</p><button>Subscribe</button></div>';

describe('detectGate with real layout', () => {
  test('a white gradient layer over the last paragraph, then a subscribe prompt: faded', async () => {
    page = await makePage(`<main><article id="story"><h1>Budget</h1>${paras(3)}
      <div class="fade" style="position:relative;height:120px;margin-top:-120px;background:linear-gradient(rgba(255,255,255,0),#fff)"></div></article>${PROMPT}</main>`);
    const p = page;
    const g = detectGate(p.doc, [p.article], { win: p.win });
    expect(g.gated).toBe(true);
    expect(g.kind).toBe('faded');
  });

  test('max-height with overflow hidden cutting the body, then a prompt: clamped; the same box without a prompt: nothing', async () => {
    page = await makePage(`<main><article id="story" style="max-height:300px;overflow:hidden">${paras(12)}</article>${PROMPT}</main>`);
    let p = page;
    expect(detectGate(p.doc, [p.article], { win: p.win })).toMatchObject({ gated: true, kind: 'clamped' });
    p.remove();
    page = await makePage(`<main><article id="story" style="max-height:300px;overflow:hidden">${paras(12)}</article><footer>About us</footer></main>`);
    p = page;
    expect(detectGate(p.doc, [p.article], { win: p.win }).gated).toBe(false);
  });

  test('a whole, unblurred article with a newsletter box after it is not gated', async () => {
    page = await makePage(`${articleHtml()}<aside>Sign up for our newsletter</aside>`);
    const p = page;
    expect(detectGate(p.doc, [p.article], { win: p.win }).gated).toBe(false);
  });
});

describe('the guard reports the gate, and only reads', () => {
  test('blur applied with a wall: onGate fires once, gated() says blurred, the blur stays', async () => {
    page = await makePage(`${articleHtml()}`, '<style>.locked #story p:nth-child(n+4){filter:blur(5px)}</style>');
    const p = page;
    const reports: GateReport[] = [];
    run = start(p, { onGate: (g) => reports.push(g) });
    await sleep(50);
    expect(run.guard.gated().gated).toBe(false);
    // The site blurs the text and shows a wall over it.
    p.doc.body.classList.add('locked');
    p.add('<div style="position:fixed;left:0;right:0;bottom:0;height:150px;background:#fff;z-index:99">Subscribe to keep reading</div>');
    await sleep(1300);
    expect(reports.map((r) => r.kind)).toEqual(['blurred']);
    expect(run.guard.gated()).toMatchObject({ gated: true, kind: 'blurred' });
    const para = p.article.querySelectorAll('p')[5] as Element;
    expect(p.win.getComputedStyle(para).filter).toContain('blur');
    expect(run.guard.hidden()).toHaveLength(1);
  });
});
