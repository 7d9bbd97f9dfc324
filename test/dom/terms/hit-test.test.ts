/** Hit-testing highlighted mentions with real layout (lib/platform/hit-test.ts). */
import { afterEach, expect, test } from 'vitest';
import { buildMatcher, findMentions, highlightMentions, type Mention } from '../../../lib/terms';
import { caretAt, mentionAtPoint } from '../../../lib/platform/hit-test';

const matcher = buildMatcher([
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'leavitt', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
]);

let undo = () => {};
afterEach(() => {
  undo();
  document.body.innerHTML = '';
});

function setup(): Mention[] {
  document.body.innerHTML =
    '<div id="d" style="font: 16px/1.5 monospace; width: 600px; padding: 40px">' +
    '<p>Before Claudia <em>Sheinbaum</em> met Leavitt, then plain words follow here.</p>' +
    '<p>LeavittSheinbaum glued and <a href="#">Sheinbaum</a> linked.</p></div>';
  const ms = findMentions([document.getElementById('d')!], matcher);
  undo = highlightMentions(window, ms);
  return ms;
}

const center = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

test('the point over each mention finds it, via highlightsFromPoint or the caret', () => {
  const ms = setup();
  expect(ms.map((m) => m.range.toString())).toEqual(['Claudia Sheinbaum', 'Leavitt', 'Sheinbaum']);
  for (const m of ms) {
    for (const rect of m.range.getClientRects()) {
      const { x, y } = center(rect);
      expect(mentionAtPoint(document, x, y, ms, { highlightName: 'gloss-term' })).toBe(m);
      expect(mentionAtPoint(document, x, y, ms)).toBe(m); // caret path only
    }
  }
});

test('plain text, margins and line ends find nothing', () => {
  const ms = setup();
  const p = document.querySelector('p')!;
  const words = document.createRange();
  const text = p.lastChild!; // ", then plain words follow here."
  words.setStart(text, 10);
  words.setEnd(text, 15);
  const { x, y } = center(words.getBoundingClientRect());
  expect(mentionAtPoint(document, x, y, ms, { highlightName: 'gloss-term' })).toBeNull();
  expect(mentionAtPoint(document, x, y, ms)).toBeNull();
  const box = document.getElementById('d')!.getBoundingClientRect();
  expect(mentionAtPoint(document, box.left + 5, box.top + 5, ms)).toBeNull();
  expect(mentionAtPoint(document, box.right - 2, box.bottom - 2, ms)).toBeNull();
  expect(mentionAtPoint(document, x, y, [])).toBeNull();
});

test('without our highlight registered, the highlightsFromPoint shortcut says "none"', () => {
  const ms = setup();
  const { x, y } = center(ms[0]!.range.getClientRects()[0]!);
  undo();
  const registry = CSS.highlights as unknown as { highlightsFromPoint?: unknown };
  const expected = typeof registry.highlightsFromPoint === 'function' ? null : ms[0];
  expect(mentionAtPoint(document, x, y, ms, { highlightName: 'gloss-term' })).toBe(expected);
});

test('caretAt answers a text position inside the text under the point', () => {
  const ms = setup();
  const { x, y } = center(ms[1]!.range.getClientRects()[0]!);
  const caret = caretAt(document, x, y);
  expect(caret?.node.nodeType).toBe(Node.TEXT_NODE);
  expect(ms[1]!.range.isPointInRange(caret!.node, caret!.offset)).toBe(true);
});
