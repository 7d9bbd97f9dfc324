/**
 * Real-browser checks of the Custom Highlight API path: the mentions are
 * registered in CSS.highlights and the page DOM is left exactly as it was.
 */
import { afterEach, expect, test } from 'vitest';
import { buildMatcher, countMentions, findMentions, highlightMentions } from '../../../lib/terms';

const matcher = buildMatcher([
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'wh', title: 'White House', aliases: ['Casa Blanca'] },
  { noteId: 'sinaloa', title: 'Sinaloa Cartel', aliases: ['Cártel de Sinaloa'] },
  { noteId: 'isis', title: 'ISIS', aliases: [] },
]);

const HTML =
  '<article id="a"><h1>Claudia <em>Sheinbaum</em> y la Casa Blanca</h1>' +
  '<p>The <a href="#">White</a> House said the Sinaloa Cartel and ISIS; Sheinbaum’s reply.</p>' +
  '<p>El <strong>Cártel</strong> de Sinaloa.</p><script>/* Sheinbaum */</script></article>';

afterEach(() => {
  CSS.highlights.clear();
  document.body.innerHTML = '';
});

/** Style the highlight so the browser actually paints it during the test. */
function addStyle(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = '::highlight(gloss-term) { background: yellow; }';
  document.head.append(style);
  return style;
}

test('registers CSS.highlights "gloss-term" with every mention, without touching the DOM', async () => {
  const style = addStyle();
  document.body.innerHTML = HTML;
  const root = document.getElementById('a');
  if (!root) throw new Error('fixture');
  const before = document.body.innerHTML;
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((rs) => records.push(...rs));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });

  const mentions = findMentions([root], matcher);
  expect(mentions.map((m) => m.range.toString())).toEqual([
    'Claudia Sheinbaum',
    'Casa Blanca',
    'White House',
    'Sinaloa Cartel',
    'ISIS',
    'Sheinbaum',
    'Cártel de Sinaloa',
  ]);
  expect(countMentions(mentions)).toEqual([
    { noteId: 'sheinbaum', count: 2 },
    { noteId: 'wh', count: 2 },
    { noteId: 'sinaloa', count: 2 },
    { noteId: 'isis', count: 1 },
  ]);

  const undo = highlightMentions(window, mentions);
  const highlight = CSS.highlights.get('gloss-term');
  expect(highlight?.size).toBe(mentions.length);
  for (const m of mentions) expect(highlight?.has(m.range)).toBe(true);

  // Let the browser paint with the highlight, then check nothing in the DOM moved.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  records.push(...observer.takeRecords());
  observer.disconnect();
  expect(records).toHaveLength(0);
  expect(document.body.innerHTML).toBe(before);

  undo();
  expect(CSS.highlights.has('gloss-term')).toBe(false);
  expect(document.body.innerHTML).toBe(before);
  style.remove();
});

test('custom name, replacement and stale undo', () => {
  document.body.innerHTML = HTML;
  const root = document.getElementById('a');
  if (!root) throw new Error('fixture');
  const mentions = findMentions([root], matcher);
  const undoFirst = highlightMentions(window, mentions, 'gloss-test');
  const undoSecond = highlightMentions(window, mentions.slice(0, 2), 'gloss-test');
  expect(CSS.highlights.get('gloss-test')?.size).toBe(2);
  undoFirst(); // a newer highlight owns the name: left alone
  expect(CSS.highlights.get('gloss-test')?.size).toBe(2);
  undoSecond();
  expect(CSS.highlights.has('gloss-test')).toBe(false);
  expect(CSS.highlights.has('gloss-term')).toBe(false);
});
