/**
 * detectGate's decisions on computed styles given by a stub window (layout-free); the real
 * layout cases (fade layer over the last paragraph, max-height clamp) are in test/dom/overlays.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { detectGate } from '../../../lib/overlays/gate';

const DEFAULTS: Record<string, string> = {
  filter: 'none', textShadow: 'none', color: 'rgb(0, 0, 0)', maskImage: 'none', opacity: '1', content: 'none',
  backgroundImage: 'none', position: 'static', overflowY: 'visible', maxHeight: 'none', height: 'auto',
};

/** A window whose computed styles are DEFAULTS overridden per element (and per pseudo-element). */
function stubWin(styles: Map<Element, Record<string, string>>, pseudo = new Map<Element, Record<string, string>>()): Window {
  return {
    getComputedStyle: (el: Element, p?: string | null) => {
      const own = (p ? pseudo.get(el) : styles.get(el)) ?? {};
      const all: Record<string, string> = { ...DEFAULTS, ...own };
      return { ...all, getPropertyValue: (name: string) => all[name] ?? '' } as unknown as CSSStyleDeclaration;
    },
  } as unknown as Window;
}

const P = (i: number): string => `<p>Paragraph ${String(i)} of the article: the harbour authority approved the new breakwater after a long debate about costs.</p>`;

function page(afterBody: string, paragraphs = 6): { body: Element; ps: HTMLElement[] } {
  document.body.innerHTML = `<main><article id="story">${Array.from({ length: paragraphs }, (_, i) => P(i)).join('')}</article>${afterBody}</main>`;
  const body = document.getElementById('story') as Element;
  return { body, ps: [...body.querySelectorAll('p')] };
}

const PROMPT = '<div class="offer"><h3>Subscribe today</h3><p>Unlimited access for $1 a week.</p></div>';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detectGate', () => {
  test('blurred paragraphs with a subscribe prompt after the body', () => {
    const { body, ps } = page(PROMPT);
    const styles = new Map<Element, Record<string, string>>(ps.slice(2).map((p) => [p, { filter: 'blur(4px)' }]));
    expect(detectGate(document, [body], { win: stubWin(styles) })).toEqual({ gated: true, kind: 'blurred', element: ps[2] });
  });

  test('a blurred wrapper of the whole body counts; transparent text with a text-shadow counts as blur', () => {
    const { body, ps } = page(PROMPT);
    expect(detectGate(document, [body], { win: stubWin(new Map([[body, { filter: 'blur(6px) grayscale(1)' }]])) }).kind).toBe('blurred');
    const shadowed = new Map<Element, Record<string, string>>([[ps[1] as Element, { color: 'rgba(0, 0, 0, 0)', textShadow: 'rgb(0, 0, 0) 0px 0px 8px' }]]);
    expect(detectGate(document, [body], { win: stubWin(shadowed) }).kind).toBe('blurred');
  });

  test('a gradient mask on the body, or a gradient ::after on it, is a fade', () => {
    const { body } = page(PROMPT);
    expect(detectGate(document, [body], { win: stubWin(new Map([[body, { maskImage: 'linear-gradient(rgb(0, 0, 0), rgba(0, 0, 0, 0))' }]])) }).kind).toBe('faded');
    const after = new Map<Element, Record<string, string>>([[body, { content: '""', backgroundImage: 'linear-gradient(rgba(255, 255, 255, 0), rgb(255, 255, 255))' }]]);
    expect(detectGate(document, [body], { win: stubWin(new Map(), after) }).kind).toBe('faded');
  });

  test('low opacity on the paragraphs is a fade; opacity 0 (reveal-on-scroll not run yet) is not', () => {
    const { body, ps } = page(PROMPT);
    expect(detectGate(document, [body], { win: stubWin(new Map([[ps[3] as Element, { opacity: '0.3' }]])) }).kind).toBe('faded');
    expect(detectGate(document, [body], { win: stubWin(new Map([[ps[3] as Element, { opacity: '0' }]])) }).gated).toBe(false);
  });

  test('line-clamp on the body with a prompt is clamped', () => {
    const { body } = page(PROMPT);
    const styles = new Map<Element, Record<string, string>>([[body, { '-webkit-line-clamp': '4' }]]);
    expect(detectGate(document, [body], { win: stubWin(styles) })).toMatchObject({ gated: true, kind: 'clamped', element: body });
  });

  test('no prompt, no gate: a blur or fade alone is design (or a reader-opened dialog)', () => {
    const { body, ps } = page('<footer>About us · Contact</footer>');
    expect(detectGate(document, [body], { win: stubWin(new Map([[ps[0] as Element, { filter: 'blur(4px)' }]])) }).gated).toBe(false);
  });

  test('a newsletter box after the body is not a wall prompt', () => {
    const { body, ps } = page('<div>Sign up for our newsletter</div>');
    expect(detectGate(document, [body], { win: stubWin(new Map([[ps[0] as Element, { filter: 'blur(4px)' }]])) }).gated).toBe(false);
  });

  test('an overlay the guard hid is a prompt even though it is no longer shown', () => {
    const { body, ps } = page('');
    const wall = document.createElement('div');
    wall.textContent = 'Your subscription is being used on another device';
    wall.style.display = 'none';
    document.body.prepend(wall);
    const win = stubWin(new Map([[ps[0] as Element, { filter: 'blur(3px)' }]]));
    expect(detectGate(document, [body], { win }).gated).toBe(false);
    expect(detectGate(document, [body], { win, prompts: [wall] }).kind).toBe('blurred');
  });

  test('text that stops at "subscribe to continue reading" is truncated; a plain "subscribe" footer is not', () => {
    const { body } = page('<aside><p>This article is for subscribers. Subscribe to continue reading.</p><button>Subscribe</button></aside>', 2);
    expect(detectGate(document, [body], { win: stubWin(new Map()) })).toMatchObject({ gated: true, kind: 'truncated' });
    const full = page('<aside>Subscribe to our print edition</aside>');
    expect(detectGate(document, [full.body], { win: stubWin(new Map()) }).gated).toBe(false);
  });

  test('nothing to say without a body', () => {
    expect(detectGate(document, [], { win: stubWin(new Map()) })).toEqual({ gated: false, kind: null, element: null });
  });
});
