/**
 * Hover and click on highlighted mentions in a real browser: the tooltip shows the note's title,
 * a click opens the note synchronously (inside the gesture), links keep working.
 */
import { afterEach, expect, test, vi } from 'vitest';
import {
  ACTIVE_HIGHLIGHT_NAME, buildMatcher, findMentions, highlightMentions, startTermInteraction, type Tooltip,
} from '../../../lib/terms';

const matcher = buildMatcher([
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'leavitt', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
]);

let controller = new AbortController();
let undo = () => {};
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  undo();
  document.body.innerHTML = '';
});

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

function setup(onOpen = vi.fn()) {
  document.body.innerHTML =
    '<div id="d" style="font: 16px/1.6 sans-serif; width: 640px; padding: 60px 20px">' +
    '<p id="p">Yesterday Sheinbaum answered Leavitt at length.</p><p><a id="link" href="#x">Sheinbaum</a> here.</p></div>';
  const mentions = findMentions([document.getElementById('d')!], matcher);
  undo = highlightMentions(window, mentions);
  const shown: string[] = [];
  const tooltip: Tooltip = {
    visible: false,
    show: (text) => void shown.push(text),
    hide: () => void shown.push('<hidden>'),
  };
  startTermInteraction({
    doc: document, win: window, signal: controller.signal, mentions: () => mentions,
    titleOf: (id) => matcher.titleOf(id), onOpen, tooltip,
  });
  const at = (i: number) => {
    const r = mentions[i]!.range.getClientRects()[0]!;
    return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  };
  return { mentions, shown, onOpen, at };
}

test('hovering a mention shows only its title and marks it; moving off hides it', async () => {
  const { shown, at, mentions } = setup();
  document.getElementById('p')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse', ...at(1) }));
  await frame();
  expect(shown).toEqual(['Karoline Leavitt']);
  expect(CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME)?.has(mentions[1]!.range)).toBe(true);

  const p = document.getElementById('p')!.getBoundingClientRect();
  document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse', clientX: p.left + 2, clientY: p.bottom + 20 }));
  await frame();
  expect(shown).toEqual(['Karoline Leavitt', '<hidden>']);
  expect(CSS.highlights.has(ACTIVE_HIGHLIGHT_NAME)).toBe(false);
});

test('a click opens the note synchronously, inside the event', () => {
  let openedDuringDispatch: string | null = null;
  const onOpen = vi.fn((id: string) => {
    openedDuringDispatch = id;
  });
  const { at } = setup(onOpen);
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...at(0) });
  document.getElementById('p')!.dispatchEvent(event);
  // dispatchEvent has returned: the callback already ran, before any await.
  expect(openedDuringDispatch).toBe('sheinbaum');
  expect(event.defaultPrevented).toBe(false);
});

test('links keep working (Alt+click opens the note instead), modified clicks and selections are left alone', () => {
  const { at, onOpen } = setup();
  const link = document.getElementById('link')!;
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...at(2) }));
  expect(onOpen).not.toHaveBeenCalled();

  const alt = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, altKey: true, ...at(2) });
  link.dispatchEvent(alt);
  expect(onOpen).toHaveBeenCalledWith('sheinbaum');
  expect(alt.defaultPrevented).toBe(true);

  onOpen.mockClear();
  const p = document.getElementById('p')!;
  p.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0, ctrlKey: true, ...at(0) }));
  p.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 1, ...at(0) }));
  getSelection()!.selectAllChildren(p);
  p.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0, ...at(0) }));
  getSelection()!.removeAllRanges();
  expect(onOpen).not.toHaveBeenCalled();
});

test('a hint returned by onOpen is shown; nothing runs after abort', async () => {
  const { at, shown } = setup(vi.fn(async () => 'Open Gloss with Alt+Shift+G'));
  document.getElementById('p')!.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0, ...at(0) }));
  await Promise.resolve();
  await Promise.resolve();
  expect(shown).toContain('Open Gloss with Alt+Shift+G');

  controller.abort();
  const count = shown.length;
  document.getElementById('p')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse', ...at(1) }));
  await frame();
  expect(shown.length).toBe(count);
});
