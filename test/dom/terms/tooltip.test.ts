/** The hover tooltip: a closed shadow root holding only the note's title. */
import { afterEach, expect, test, vi } from 'vitest';
import { createTooltip } from '../../../lib/terms';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures shadow roots as they are attached (a closed root is otherwise unreachable). */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

test('created lazily in a closed shadow root, shows only the title, removed on abort', () => {
  const roots = captureShadowRoots();
  const controller = new AbortController();
  const before = document.documentElement.children.length;
  const tip = createTooltip({ doc: document, signal: controller.signal });
  expect(document.documentElement.children.length).toBe(before); // nothing until first use
  expect(tip.visible).toBe(false);

  tip.show('Claudia Sheinbaum', { left: 100, top: 200, bottom: 220 });
  const host = document.querySelector('gloss-tooltip') as HTMLElement;
  expect(host).not.toBeNull();
  expect(host.parentElement).toBe(document.documentElement); // outside <body>
  expect(host.shadowRoot).toBeNull(); // closed: the page cannot reach inside
  expect(host.childNodes).toHaveLength(0);
  expect(roots).toHaveLength(1);
  const root = roots[0]!;
  expect(root.mode).toBe('closed');
  const box = root.querySelector('[role="tooltip"]')!;
  expect(box.textContent).toBe('Claudia Sheinbaum');
  // Only the title as text: the other node is the tooltip's own stylesheet.
  const texts = [...root.querySelectorAll('*')].filter((el) => el.localName !== 'style').map((el) => el.textContent);
  expect(texts).toEqual(['Claudia Sheinbaum']);
  expect(getComputedStyle(host).pointerEvents).toBe('none');
  const r = box.getBoundingClientRect();
  expect(r.bottom).toBeLessThanOrEqual(200);
  expect(tip.visible).toBe(true);

  // Text is text: markup in a title is never parsed.
  tip.show('<img src=x onerror=alert(1)>', { left: 10, top: 5, bottom: 25 });
  expect(box.children).toHaveLength(0);
  expect(box.getBoundingClientRect().top).toBeGreaterThanOrEqual(25); // no room above: below

  tip.hide();
  expect(tip.visible).toBe(false);
  expect(getComputedStyle(host).display).toBe('none');

  controller.abort();
  expect(document.querySelector('gloss-tooltip')).toBeNull();
  tip.show('after abort', { left: 0, top: 50, bottom: 60 });
  expect(document.querySelector('gloss-tooltip')).toBeNull();
});

test('page CSS cannot hide or restyle the host', () => {
  const style = document.createElement('style');
  style.textContent = 'gloss-tooltip, * { display: none !important; opacity: 0 !important; } html > * { position: static !important }';
  document.head.append(style);
  const controller = new AbortController();
  const tip = createTooltip({ doc: document, signal: controller.signal });
  tip.show('Karoline Leavitt', { left: 50, top: 300, bottom: 320 });
  const host = document.querySelector('gloss-tooltip') as HTMLElement;
  expect(getComputedStyle(host).display).toBe('block');
  expect(getComputedStyle(host).position).toBe('fixed');
  controller.abort();
  style.remove();
});
